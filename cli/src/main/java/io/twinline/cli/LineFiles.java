package io.twinline.cli;

import io.twinline.line.InvalidDefinitionException;
import io.twinline.line.LineDefinitions;
import io.twinline.line.model.LineDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds line files the way a user names them: a path, or the name of an example line such as
 * {@code demo-conveyor} (looked up in {@code line-definitions/} of the Twinline directory, then
 * among the examples packaged in the jar).
 */
final class LineFiles {

  /** Set by the {@code ./twinline} script to the checkout it lives in. */
  static final String HOME_VARIABLE = "TWINLINE_HOME";

  private LineFiles() {}

  static LineDefinition load(String name) throws InvalidDefinitionException {
    Path path = Path.of(name);
    if (Files.exists(path)) {
      return LineDefinitions.read(path);
    }
    Optional<Path> example = inHome(name);
    if (example.isPresent()) {
      return LineDefinitions.read(example.get());
    }
    String file = name.endsWith(".yaml") ? name : name + ".yaml";
    try {
      return LineDefinitions.example(Path.of(file).getFileName().toString());
    } catch (IllegalArgumentException notAnExample) {
      return LineDefinitions.read(path); // reports "no such file" with a hint
    }
  }

  /** The default line: the demo conveyor. */
  static String defaultLine() {
    return inHome(LineDefinitions.DEFAULT_LINE)
        .map(Path::toString)
        .orElse("line-definitions/" + LineDefinitions.DEFAULT_LINE);
  }

  private static Optional<Path> inHome(String name) {
    String home = System.getenv(HOME_VARIABLE);
    Path base = home == null ? Path.of("") : Path.of(home);
    String file = name.endsWith(".yaml") ? name : name + ".yaml";
    Path candidate = base.resolve("line-definitions").resolve(file);
    return Files.exists(candidate) ? Optional.of(candidate) : Optional.empty();
  }
}
