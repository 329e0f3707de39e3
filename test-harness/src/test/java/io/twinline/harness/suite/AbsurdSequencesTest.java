package io.twinline.harness.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinline.harness.reference.MixingTankProgram;
import io.twinline.harness.run.Harness;
import io.twinline.harness.run.SequenceFailure;
import io.twinline.line.InvalidDefinitionException;
import io.twinline.line.Problem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sequence files written to break the harness are refused, located, before anything runs. */
class AbsurdSequencesTest {

  private static final Path FOLDER = Path.of("sequences").toAbsolutePath();

  private static List<String> problems(String text) {
    try {
      SequenceReader.parse("absurd.sequences.yaml", text, FOLDER, null);
    } catch (InvalidDefinitionException e) {
      return e.problems().stream().map(Problem::format).toList();
    }
    throw new AssertionError("expected the sequence file to be refused");
  }

  @Test
  void aConditionNestedAThousandDeepIsALocatedProblem() {
    String deep = "(".repeat(1_000) + "Q_Infeed_Run" + ")".repeat(1_000);
    List<String> problems = problems("""
        line: bottling-line.yaml
        sequences:
          - name: deep
            steps:
              - expect: "%s"
        """.formatted(deep));

    assertThat(problems).singleElement().asString()
        .startsWith("absurd.sequences.yaml:5:")
        .contains("sequences[0].steps[0].expect")
        .contains("nests more than 100 levels deep");
  }

  @Test
  void aTwentyThousandTermConditionIsRead() throws Exception {
    String flat = String.join(" && ", Collections.nCopies(20_000, "!Q_Infeed_Run"));
    SuiteSpec suite = SequenceReader.parse("flat.sequences.yaml", """
        line: bottling-line.yaml
        sequences:
          - name: flat
            steps:
              - expect: "%s"
        """.formatted(flat), FOLDER, null);

    SuiteResult result = new SuiteRunner(java.util.Optional.empty(), "none", null,
        SuiteRunner.tagged(List.of())).run(suite);

    assertThat(result.passed()).isTrue();
  }

  @Test
  void stepsOfAbsurdLengthAreRefusedAllAtOnce() {
    List<String> problems = problems("""
        line: bottling-line.yaml
        sequences:
          - name: forever
            steps:
              - wait: 100000 h
              - expect: Q_Infeed_Run
                within: 5000 h
              - pulse: StartButton
                for: 2000 h
              - wait: 1000 h
        """);

    assertThat(problems)
        .extracting(p -> p.substring(0, p.indexOf(": ", p.indexOf(": ") + 2)))
        .containsExactly(
            "absurd.sequences.yaml:5:15: sequences[0].steps[0].wait",
            "absurd.sequences.yaml:7:17: sequences[0].steps[1].within",
            "absurd.sequences.yaml:9:14: sequences[0].steps[2].for");
    assertThat(problems.get(0)).contains("'wait' of 100000 h is longer than a sequence step may"
        + " take (1000 h)");
  }

  @Test
  void aRunThatWouldRecordMoreChangesThanTheHarnessKeepsFailsInsteadOfFillingTheMemory()
      throws Exception {
    try (Harness tank = Harness.onExample("mixing-tank.yaml")
        .controller(new MixingTankProgram()).changeLimit(50_000).start()) {

      assertThatThrownBy(() -> tank.waitFor(Duration.ofHours(1000)))
          .isInstanceOf(SequenceFailure.class)
          .hasMessageContaining("signal changes by")
          .hasMessageContaining("the most a harness keeps (50000)");
      assertThat(tank.changes().size()).isBetween(50_000, 50_100);
      assertThat(tank.now()).isLessThan(Duration.ofHours(1).toNanos());
    }
  }
}
