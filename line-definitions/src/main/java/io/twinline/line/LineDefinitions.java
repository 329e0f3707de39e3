package io.twinline.line;

import io.twinline.line.model.LineDefinition;
import io.twinline.line.read.LineReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Reads line files. The entry point of this module. */
public final class LineDefinitions {

  /** The line {@code ./twinline serve} runs when no other is named. */
  public static final String DEFAULT_LINE = "demo-conveyor.yaml";

  private LineDefinitions() {}

  /**
   * Reads and checks a line file.
   *
   * @throws InvalidDefinitionException listing every problem, each with file:line:column and a
   *     hint; also if the file cannot be read
   */
  public static LineDefinition read(Path file) throws InvalidDefinitionException {
    String text = TextFiles.read(file, "check the path; example lines are in line-definitions/");
    return LineReader.read(file.toString(), text);
  }

  /**
   * The {@code coupling:} section of the file {@code line} was read from, if it has one (an
   * example packaged in the jar or a line built in code has none).
   *
   * @throws InvalidDefinitionException if the file has changed and is no longer valid
   */
  public static java.util.Optional<io.twinline.line.model.CouplingSection> coupling(
      LineDefinition line) throws InvalidDefinitionException {
    Path file;
    try {
      file = Path.of(line.file());
    } catch (java.nio.file.InvalidPathException e) {
      return java.util.Optional.empty();
    }
    if (!java.nio.file.Files.isRegularFile(file)) {
      return java.util.Optional.empty();
    }
    String text = TextFiles.read(file, "check the path; example lines are in line-definitions/");
    return LineReader.readAll(line.file(), text).coupling();
  }

  /** Reads a line from text; {@code fileName} is used in problem locations. */
  public static LineDefinition parse(String fileName, String text)
      throws InvalidDefinitionException {
    return LineReader.read(fileName, text);
  }

  /**
   * Reads one of the example lines shipped with Twinline, e.g. {@code demo-conveyor.yaml}.
   *
   * @throws IllegalArgumentException if there is no such example
   */
  public static LineDefinition example(String fileName) throws InvalidDefinitionException {
    try (InputStream in = LineDefinitions.class.getResourceAsStream("/lines/" + fileName)) {
      if (in == null) {
        throw new IllegalArgumentException("no example line named " + fileName);
      }
      return LineReader.read(fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a fault file ({@code faults:} and a list, as in a line file) for {@code line}.
   *
   * @throws InvalidDefinitionException listing every problem, each with file:line:column
   */
  public static List<io.twinline.line.fault.FaultSpec> readFaults(Path file, LineDefinition line)
      throws InvalidDefinitionException {
    String text = TextFiles.read(file, "check the path");
    return LineReader.readFaultFile(file.toString(), text, line);
  }

  /**
   * Reads one fault written as a YAML mapping, e.g. {@code {id: F1, target: Belt, kind: jam, at:
   * 30 s}}, and checks it against {@code line}.
   */
  public static io.twinline.line.fault.FaultSpec parseFault(String text, LineDefinition line)
      throws InvalidDefinitionException {
    return LineReader.readFault("fault", text, line);
  }

  /** The component type keywords this version understands. */
  public static List<String> componentTypes() {
    return LineReader.componentTypes();
  }
}
