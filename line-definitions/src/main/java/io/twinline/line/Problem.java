package io.twinline.line;

import java.util.Objects;

/**
 * One mistake found in a definition file.
 *
 * @param location where it is
 * @param path the path inside the document, e.g. {@code components[2].length}
 * @param message what is wrong
 * @param hint how to fix it; may be empty
 */
public record Problem(SourceLocation location, String path, String message, String hint) {

  public Problem {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
    path = path == null ? "" : path;
    hint = hint == null ? "" : hint;
  }

  /**
   * The problem as one compiler-style line plus an optional hint line, e.g.
   *
   * <pre>
   * bad.yaml:7:11: components[1].type: unknown component type 'conveyer'
   *   hint: did you mean 'conveyor'?
   * </pre>
   */
  public String format() {
    StringBuilder text = new StringBuilder().append(location).append(": ");
    if (!path.isEmpty()) {
      text.append(path).append(": ");
    }
    text.append(message);
    if (!hint.isEmpty()) {
      text.append(System.lineSeparator()).append("  hint: ").append(hint);
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return format();
  }
}
