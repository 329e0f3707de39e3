package io.twinline.harness.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinline.sim.controller.Controllers;
import io.twinline.harness.run.Harness;
import io.twinline.line.InvalidDefinitionException;
import io.twinline.line.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What docs/testing.md shows is what the harness does. */
class TestingDocsTest {

  private static final Path DOC = Path.of("..", "docs", "testing.md");
  private static final Path FOLDER = Path.of("sequences").toAbsolutePath();

  private static String doc() throws Exception {
    return Files.readString(DOC);
  }

  private static String block(String start) throws Exception {
    Matcher m = Pattern.compile("```yaml\\n(" + Pattern.quote(start) + ".*?)```", Pattern.DOTALL)
        .matcher(doc());
    assertThat(m.find()).as("a yaml block starting with " + start).isTrue();
    return m.group(1);
  }

  @Test
  void theFirstSequenceFilePassesAgainstTheReferenceProgram() throws Exception {
    SuiteSpec suite =
        SequenceReader.parse("doc.sequences.yaml", block("# How the bottling"), FOLDER, null);

    SuiteResult result =
        new SuiteRunner(Controllers.resolve("reference", suite.line()), "reference", null,
            SuiteRunner.tagged(List.of())).run(suite);

    assertThat(result.sequences()).hasSize(1);
    assertThat(result.passed())
        .as(result.sequences().get(0).failure().map(Failure::message).orElse(""))
        .isTrue();
  }

  @Test
  void theFuzzSectionIsACampaignTheReaderTakes() throws Exception {
    String file = "line: bottling-line.yaml\n"
        + "setup:\n  - never: Tower/Green && Tower/Red\n"
        + "sequences:\n  - name: x\n    steps:\n      - wait: 1 s\n"
        + block("fuzz:");

    FuzzSpec fuzz = SequenceReader.parse("fuzz.yaml", file, FOLDER, null).fuzz().orElseThrow();

    assertThat(fuzz.actions()).hasSize(3);
    assertThat(fuzz.invariants()).hasSize(2);
    assertThat(FuzzCampaign.plan(fuzz, 17)).isEqualTo(FuzzCampaign.plan(fuzz, 17));
  }

  @Test
  void theBrokenFileGivesExactlyTheProblemsShown() throws Exception {
    Matcher m = Pattern.compile("This\\s+`([\\w.-]+)`\\s*```yaml bad\\n(.*?)```.*?```text\\n(.*?)```",
        Pattern.DOTALL).matcher(doc());
    assertThat(m.find()).isTrue();

    assertThatThrownBy(() -> SequenceReader.parse(m.group(1), m.group(2), FOLDER, null))
        .isInstanceOf(InvalidDefinitionException.class)
        .satisfies(e -> assertThat(((InvalidDefinitionException) e).problems().stream()
                .map(Problem::format).collect(Collectors.joining("\n")))
            .isEqualTo(m.group(3).strip()));
  }

  @Test
  void tracesAreTheSameFromRunToRun(@TempDir Path dir) throws Exception {
    SuiteSpec suite = SequenceReader.read(FOLDER.resolve("bottling-line.sequences.yaml"), null);
    for (String run : List.of("a", "b")) {
      new SuiteRunner(Controllers.resolve("reference", suite.line()), "reference", null,
              SuiteRunner.tagged(List.of("smoke")))
          .onFinished(TraceFiles.writer(dir.resolve(run), suite,
              TraceFiles.Options.DEFAULT.withCompressed(false)))
          .run(suite);
    }
    Path a = dir.resolve("a/bottling-line.sequences/Start_runs_the_line.jsonl");
    Path b = dir.resolve("b/bottling-line.sequences/Start_runs_the_line.jsonl");

    assertThat(Files.readAllLines(a)).hasSizeGreaterThan(100).isEqualTo(Files.readAllLines(b));
    assertThat(Files.readAllLines(a)).contains(
        "{\"time_ns\":0,\"signal\":\"Tower/Yellow\",\"value\":false}",
        "{\"time_ns\":10000000,\"signal\":\"Tower/Yellow\",\"value\":true}");
  }

  @Test
  void theJUnitExampleIsTheTestThatRunsIt() throws Exception {
    String java = doc().split("```java\\n")[1].split("```")[0];
    String test = Files.readString(Path.of("src", "test", "java", "io", "twinline", "harness",
        "junit", "TwinlineExtensionTest.java"));
    for (String line : java.lines().map(String::strip).filter(l -> l.startsWith("line.")).toList()) {
      assertThat(test).contains(line);
    }
    assertThat(Harness.class).isNotNull();
  }
}
