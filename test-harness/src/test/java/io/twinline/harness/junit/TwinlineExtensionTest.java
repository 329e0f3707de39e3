package io.twinline.harness.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinline.harness.reference.BottlingLineProgram;
import io.twinline.harness.run.Harness;
import io.twinline.harness.run.SequenceFailure;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Sequences written as ordinary JUnit tests, on a fresh plant per test. */
@TwinlineTest(line = "bottling-line.yaml", controller = BottlingLineProgram.class)
class TwinlineExtensionTest {

  @Test
  void startRunsTheLine(Harness line) {
    line.never("Tower/Green && Tower/Red");
    line.press("StartButton");
    line.expect("Tower/Green && Q_Infeed_Run").within(Duration.ofMillis(50));
    line.release("StartButton");
    line.expect("Packed/Count >= 3").within(Duration.ofMinutes(1));

    assertThat(line.count("Packed", "bottle")).isEqualTo(3);
  }

  @Test
  void eachTestGetsAFreshPlant(Harness line) {
    assertThat(line.now()).isZero();
    assertThat(line.value("Packed/Count")).isEqualTo(0);
  }

  @Test
  @TwinlineTest(line = "bottling-line.yaml")
  void withoutAControllerNothingStarts(Harness line) {
    line.press("StartButton");

    assertThatThrownBy(() -> line.expect("Tower/Green").within(Duration.ofSeconds(1)))
        .isInstanceOf(SequenceFailure.class);
  }

  @Test
  @TwinlineTest(line = "bottling-line.yaml", controller = BottlingLineProgram.class, seed = 7)
  void anotherSeedGivesAnotherRunOfTheSameLine(Harness line) {
    line.pulse("StartButton", Duration.ofMillis(200));
    line.waitFor(Duration.ofMinutes(2));

    assertThat(line.line().seed()).isEqualTo(7);
    assertThat(line.count("Packed", null)).isPositive();
  }
}
