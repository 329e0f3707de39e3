package io.twinline.cli;

import io.twinline.line.InvalidDefinitionException;
import io.twinline.line.LineDefinitions;
import io.twinline.line.model.LineDefinition;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code --program FILE [--task TIME]}: the controller specification of an IEC program file. */
final class StProgramSpec {

  private static final List<String> EXAMPLES = List.of("demo-conveyor.yaml",
      "bottling-line.yaml", "sorting-line.yaml", "mixing-tank.yaml", "pick-and-place.yaml");

  private StProgramSpec() {}

  /** {@code st:FILE[@TASK]}, or {@code plcopen:} for an XML file. */
  static String of(String file, String task) {
    String scheme = file.toLowerCase(Locale.ROOT).endsWith(".xml") ? "plcopen:" : "st:";
    return scheme + file + (task == null ? "" : "@" + task.replace(" ", ""));
  }

  /**
   * The line a program binds to: {@code lineFile}, or the example line named {@code served}.
   *
   * @throws IllegalArgumentException if neither gives one
   */
  static LineDefinition line(String lineFile, String served) {
    try {
      if (lineFile != null) {
        return LineDefinitions.read(Path.of(lineFile));
      }
      for (String example : EXAMPLES) {
        LineDefinition line = LineDefinitions.example(example);
        if (line.name().equals(served)) {
          return line;
        }
      }
    } catch (InvalidDefinitionException e) {
      throw new IllegalArgumentException("--line " + lineFile + ": " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("the server serves line " + served + ", which is no"
        + " example line: give its file with --line so that the program's variables bind to its"
        + " signals");
  }
}
