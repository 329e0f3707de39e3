package io.twinline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pipeline templates in ci/ are valid YAML, and every {@code twinline test} and {@code
 * twinline fuzz} they run is a command line Twinline accepts, with every variable defined.
 */
class CiTemplatesTest {

  private static final Path CI = Path.of("..", "ci");
  private static final Pattern COMMAND = Pattern.compile("twinline (test|fuzz)\\s+([^'\\n]+)");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Z_]+)}?");

  private static List<Path> templates() throws Exception {
    try (Stream<Path> files = Files.walk(CI)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().equals("README.md")).sorted().toList();
    }
  }

  /** The texts that hold commands: every string of a YAML file, or a Jenkinsfile's lines. */
  private static List<String> texts(Path file) throws Exception {
    List<String> texts = new ArrayList<>();
    if (file.toString().endsWith(".yml") || file.toString().endsWith(".yaml")) {
      collect(new YAMLMapper().readTree(file.toFile()), texts);
    } else {
      texts.addAll(Files.readAllLines(file));
    }
    return texts;
  }

  private static void collect(JsonNode node, List<String> texts) {
    if (node.isTextual()) {
      texts.add(node.asText());
    }
    node.forEach(child -> collect(child, texts));
  }

  @Test
  void everyCommandInTheTemplatesIsAcceptedWithItsVariablesDefined() throws Exception {
    List<Path> templates = templates();
    assertThat(templates).hasSizeGreaterThanOrEqualTo(3);
    int commands = 0;
    for (Path template : templates) {
      String whole = Files.readString(template);
      for (String text : texts(template)) {
        Matcher command = COMMAND.matcher(text.replace('\n', ' '));
        while (command.find()) {
          commands++;
          String line = command.group(2).strip();
          Matcher variable = VARIABLE.matcher(line);
          while (variable.find()) {
            String name = variable.group(1);
            assertThat(whole).as(template + " defines " + name)
                .containsPattern("(?m)^\\s*" + name + "\\s*[:=]");
          }
          String[] args = (command.group(1) + " " + VARIABLE.matcher(line).replaceAll("x"))
              .trim().split("\\s+");
          assertThatCode(() -> Twinline.commandLine().parseArgs(args))
              .as(template + ": twinline " + String.join(" ", args))
              .doesNotThrowAnyException();
        }
      }
    }
    assertThat(commands).as("commands in the templates").isGreaterThanOrEqualTo(5);
  }
}
