package io.twinline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The commands docs/scaling.md shows are commands twinline takes, options and all. */
class ScalingDocsTest {

  private static final Path DOC = Path.of("..", "docs", "scaling.md");

  private static List<String> commands() throws Exception {
    List<String> commands = new ArrayList<>();
    Matcher block = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL)
        .matcher(Files.readString(DOC));
    while (block.find()) {
      for (String shown : block.group(1).split("\n")) {
        // environment settings before the command (TWINLINE_JAVA_OPTS="...") are the shell's
        String line = shown.replaceFirst("^(\\w+=(\"[^\"]*\"|\\S+)\\s+)+", "");
        if (line.startsWith("./twinline ")) {
          commands.add(line.substring("./twinline ".length()).strip());
        }
      }
    }
    return commands;
  }

  @Test
  void everyCommandParses() throws Exception {
    List<String> commands = commands();

    assertThat(commands).hasSizeGreaterThanOrEqualTo(8)
        .anyMatch(c -> c.contains("--shard")).anyMatch(c -> c.startsWith("serve"))
        .contains("serve --line my-line.yaml");
    for (String command : commands) {
      String[] args = command.split("\\s+");
      assertThatCode(() -> Twinline.commandLine().parseArgs(args))
          .as(Arrays.toString(args)).doesNotThrowAnyException();
    }
  }

  @Test
  void theShardsOfTheExampleAreTheFormTheCommandTakes() throws Exception {
    for (String command : commands()) {
      Matcher shard = Pattern.compile("--shard (\\S+)").matcher(command);
      if (shard.find()) {
        assertThatCode(() -> io.twinline.harness.suite.Shard.parse(shard.group(1)))
            .doesNotThrowAnyException();
      }
    }
  }
}
