package io.twinline.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinline.line.model.CouplingSection;
import io.twinline.line.read.LineReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A line file's {@code coupling:} section: read, with its tags file beside the line file. */
class CouplingSectionTest {

  static final String LINE = """
      line: Coupled
      components:
        - name: Plc
          type: variables
          variables:
            - {name: Link, type: Int32, direction: output}
            - {name: Count, type: Int32, direction: output}
            - {name: Eye, type: Boolean, direction: input}
      """;

  @TempDir Path dir;

  LineReader.Read read(String coupling) throws Exception {
    Files.writeString(dir.resolve("tags.csv"), "Plc/Count,holding-register:1:DINT\n");
    Path file = dir.resolve("line.yaml");
    Files.writeString(file, LINE + coupling);
    return LineReader.readAll(file.toString(), Files.readString(file));
  }

  List<String> problems(String coupling) {
    try {
      read(coupling);
      return List.of();
    } catch (InvalidDefinitionException e) {
      return e.problems().stream().map(Problem::format).map(s -> s.replace(dir + "/", ""))
          .toList();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theSectionIsReadWithTheTagsBesideTheLineFile() throws Exception {
    CouplingSection section = read("""
        coupling:
          plc: modbus-tcp://127.0.0.1:5020
          tags: tags.csv          # relative to the line file
          cycle: 20 ms
          pauseWhileDown: true
          status: Plc/Link
        """).coupling().orElseThrow();
    assertThat(section.plc()).isEqualTo("modbus-tcp://127.0.0.1:5020");
    assertThat(section.tags()).isEqualTo(dir.resolve("tags.csv").toAbsolutePath());
    assertThat(section.cycle()).contains(Duration.ofMillis(20));
    assertThat(section.pauseWhileDown()).isTrue();
    assertThat(section.status()).contains(SignalPath.parse("Plc/Link"));
    assertThat(section.wordOrder()).isEmpty();
    assertThat(section.location().file()).endsWith("line.yaml");
  }

  @Test
  void aLineWithoutTheSectionHasNone() throws Exception {
    assertThat(read("").coupling()).isEmpty();
    assertThat(LineDefinitions.parse("x.yaml", LINE).components()).hasSize(1);
  }

  @Test
  void everyProblemOfTheSectionIsLocatedWithAHint() {
    List<String> problems = problems("""
        coupling:
          plc: s7://10.0.0.5
          tags: missing.csv
          cycle: 0 ms
          pauseWhileDown: sometimes
          status: Plc/Lnk
          wordOrder: BADC
          retries: 3
        """);
    assertThat(problems).hasSize(7);
    assertThat(problems.get(0)).startsWith("line.yaml:10:8: coupling.plc: the coupling cannot"
        + " speak 's7://'").contains("hint: Twinline ships and tests the PLC4X driver"
        + " modbus-tcp:// only");
    assertThat(problems.get(1)).startsWith("line.yaml:11:9: coupling.tags: there is no tag map ")
        .contains("missing.csv").contains("hint: the path is relative to the line file");
    assertThat(problems.get(2)).startsWith("line.yaml:12:10: coupling.cycle: ");
    assertThat(problems.get(3)).startsWith("line.yaml:13:19: coupling.pauseWhileDown: "
        + "'pauseWhileDown' must be true or false");
    assertThat(problems.get(5)).startsWith("line.yaml:15:14: coupling.wordOrder: 'BADC' is not"
        + " a valid wordOrder");
    assertThat(problems.get(4)).startsWith("line.yaml:14:11: coupling.status: the line has no"
        + " signal Plc/Lnk").contains("hint: did you mean Plc/Link?");
    assertThat(problems.get(6)).startsWith("line.yaml:16:3: coupling.retries: unknown key"
        + " 'retries' for the coupling section");
  }

  @Test
  void aUrlThatIsNotOneAndAStatusThatCannotShowTheLinkAreRefused() {
    List<String> problems = problems("""
        coupling:
          plc: 127.0.0.1:502
          tags: tags.csv
          status: Plc/Eye
        """);
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).startsWith("line.yaml:10:8: coupling.plc: '127.0.0.1:502' is"
        + " not a PLC URL").contains("hint: write SCHEME://HOST:PORT");
    assertThat(problems.get(1)).startsWith("line.yaml:12:11: coupling.status: Plc/Eye cannot"
        + " show the link state");
  }

  @Test
  void theSectionMustHaveThePlcAndTheTags() {
    assertThatThrownBy(() -> read("coupling: {cycle: 10 ms}\n"))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("the coupling section needs 'plc'")
        .hasMessageContaining("the coupling section needs 'tags'");
  }
}
