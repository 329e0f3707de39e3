package io.twinline.harness.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinline.sim.controller.Controllers;
import io.twinline.line.InvalidDefinitionException;
import io.twinline.line.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code load-recipe:} in a sequence file. */
class LoadRecipeStepTest {

  private static final Path FOLDER = Path.of("sequences").toAbsolutePath();

  @Test
  void anUnknownRecipeIsRefusedWithTheLinesRecipesAsHint() {
    String file = """
        line: bottling-line.yaml
        sequences:
          - name: x
            steps:
              - load-recipe: larg
        """;

    assertThatThrownBy(() -> SequenceReader.parse("x.sequences.yaml", file, FOLDER, null))
        .isInstanceOf(InvalidDefinitionException.class)
        .satisfies(e -> assertThat(((InvalidDefinitionException) e).problems())
            .extracting(Problem::format)
            .containsExactly("x.sequences.yaml:5:22: sequences[0].steps[0].load-recipe: line "
                + "BottlingLine has no recipe 'larg'" + System.lineSeparator()
                + "  hint: did you mean 'large'? recipes: small, large"));
  }

  @Test
  void aProgramThatMovesTheGuideWithTheInfeedRunningFailsTheChangeover() throws Exception {
    String file = """
        line: bottling-line.yaml
        sequences:
          - name: changeover
            steps:
              - pulse: StartButton
                for: 200 ms
              - wait: 5 s
              - never: NeckGuide/Moving && Q_Infeed_Run
              - load-recipe: large
              - expect: NeckGuide/InPosition && NeckGuide/Position == 95
                within: 8 s
        """;
    SuiteSpec suite = SequenceReader.parse("c.sequences.yaml", file, FOLDER, null);

    SuiteResult careless = new SuiteRunner(
        java.util.Optional.of(GuideWithoutInterlock::new), "careless", null,
        SuiteRunner.tagged(List.of())).run(suite);
    SuiteResult reference = new SuiteRunner(
        Controllers.resolve("reference", suite.line()), "reference", null,
        SuiteRunner.tagged(List.of())).run(suite);

    assertThat(reference.passed()).isTrue();
    assertThat(careless.passed()).isFalse();
    assertThat(careless.sequences().get(0).failure().orElseThrow().message())
        .contains("never NeckGuide/Moving && Q_Infeed_Run");
  }

  /** Moves the guide, but forgets to hold the infeed meanwhile. */
  static final class GuideWithoutInterlock
      extends io.twinline.harness.reference.BottlingLineProgram {
    @Override
    public void scan(io.twinline.sim.controller.ProcessImage io) {
      super.scan(io);
      io.set("Q_Infeed_Run", mode == Mode.RUNNING);
    }
  }
}
