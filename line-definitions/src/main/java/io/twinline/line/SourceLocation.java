package io.twinline.line;

/**
 * A place in a definition file, as a user's editor counts it: line and column start at 1.
 *
 * @param file the file name as the user gave it (or a resource name)
 * @param line 1-based line number
 * @param column 1-based column number
 */
public record SourceLocation(String file, int line, int column) {

  /** A location for definitions that were not read from a file (built in code). */
  public static SourceLocation inCode(String what) {
    return new SourceLocation(what, 0, 0);
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ":" + column : file;
  }
}
