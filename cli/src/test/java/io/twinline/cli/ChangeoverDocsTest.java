package io.twinline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.twinline.harness.rehearsal.SessionEvent;
import io.twinline.harness.rehearsal.SessionFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What docs/changeover.md shows is what Twinline does. */
class ChangeoverDocsTest {

  private static final Path DOC = Path.of("..", "docs", "changeover.md");

  private static String doc() throws Exception {
    return Files.readString(DOC);
  }

  @Test
  void theRecipesShownAreTheBottlingLines() throws Exception {
    Matcher block = Pattern.compile("```yaml\\n(recipes:.*?)```", Pattern.DOTALL).matcher(doc());
    assertThat(block.find()).isTrue();
    String line = Files.readString(Path.of("..", "line-definitions", "bottling-line.yaml"));

    assertThat(line).contains(block.group(1));
  }

  @Test
  void everyCommandShownParses() throws Exception {
    List<String> commands = new ArrayList<>();
    Matcher block = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL).matcher(doc());
    while (block.find()) {
      commands.add(block.group(1).replace("\\\n", " ").strip());
    }

    assertThat(commands).hasSize(3);
    for (String command : commands) {
      String[] args = command.replaceFirst("^\\./twinline\\s+", "").split("\\s+");
      assertThatCode(() -> Twinline.commandLine().parseArgs(args)).as(command)
          .doesNotThrowAnyException();
    }
  }

  @Test
  void theSessionFileShownIsOneTwinlineReads(@TempDir Path dir) throws Exception {
    Matcher block = Pattern.compile("```text\\n(\\{\"format\".*?)```", Pattern.DOTALL)
        .matcher(doc());
    assertThat(block.find()).isTrue();
    Path file = dir.resolve("doc.jsonl");
    Files.writeString(file, block.group(1));

    var recording = SessionFiles.read(file);

    assertThat(recording.problems()).isEmpty();
    assertThat(recording.events()).hasSize(8);
    assertThat(recording.actions()).hasSize(6);
    assertThat(recording.actions()).filteredOn(a -> a instanceof SessionEvent.FaultInjected)
        .extracting(a -> ((SessionEvent.FaultInjected) a).fault().at())
        .containsExactly(Optional.of(Duration.ofSeconds(200)), Optional.empty());
  }
}
