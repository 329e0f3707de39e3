package io.twinline.harness.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinline.harness.reference.BottlingLineProgram;
import io.twinline.line.InvalidDefinitionException;
import io.twinline.line.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code within: 1 scan} in a sequence file. */
class WithinScansStepTest {

  private static final Path FOLDER = Path.of("sequences").toAbsolutePath();

  @Test
  void aSequenceStatesAReactionInScans() throws Exception {
    SuiteSpec suite = SequenceReader.parse("s.sequences.yaml", """
        line: bottling-line.yaml
        sequences:
          - name: The e-stop stops the infeed in the next scan
            steps:
              - pulse: StartButton
                for: 200 ms
              - expect: Q_Infeed_Run
                within: 100 ms
              - press: EStop
              - expect: "!Q_Infeed_Run && Tower/Red"
                within: 1 scan
        """, FOLDER, null);

    SuiteResult result = new SuiteRunner(Optional.of(BottlingLineProgram::new), "reference", null,
        SuiteRunner.tagged(List.of())).run(suite);

    assertThat(result.passed()).as(result.sequences().toString()).isTrue();
    assertThat(result.sequences().get(0).steps()).extracting(StepResult::text)
        .contains("expect !Q_Infeed_Run && Tower/Red within 1 scan");
  }

  @Test
  void aCountOfZeroOrAScanCountWithForIsRefused() {
    String file = """
        line: bottling-line.yaml
        sequences:
          - name: x
            steps:
              - expect: Tower/Red
                within: 0 scans
              - expect: Tower/Red
                within: 2 scans
                for: 1 s
        """;

    assertThatThrownBy(() -> SequenceReader.parse("x.sequences.yaml", file, FOLDER, null))
        .isInstanceOf(InvalidDefinitionException.class)
        .satisfies(e -> assertThat(((InvalidDefinitionException) e).problems())
            .extracting(Problem::format)
            .anySatisfy(p -> assertThat(p).startsWith("x.sequences.yaml:6:")
                .contains("'within' counts at least 1 scan, not 0"))
            .anySatisfy(p -> assertThat(p).startsWith("x.sequences.yaml:9:")
                .contains("'within: 2 scans' goes with neither 'for' nor 'after'")));
  }
}
