package io.twinline.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.harness.reference.BottlingLineProgram;
import io.twinline.harness.run.Coverage.Exercise;
import io.twinline.harness.run.Coverage.SignalUse;
import io.twinline.line.SignalType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Coverage counts each direction of a Boolean input, and what the conditions checked. */
class CoverageDirectionsTest {

  private static SignalUse use(Coverage coverage, String path) {
    return coverage.signals().stream().filter(u -> u.path().equals(path)).findFirst()
        .orElseThrow();
  }

  /** Start the line, press the e-stop and never release it: a trip, one way. */
  private static Coverage tripped() throws Exception {
    try (Harness line = Harness.onExample("bottling-line.yaml")
        .controller(new BottlingLineProgram()).start()) {
      line.pulse("StartButton", Duration.ofMillis(200));
      line.expect("Tower/Green").within(Duration.ofMillis(100));
      line.press("EStop");
      line.expect("Tower/Red && !Q_Infeed_Run").within(Duration.ofMillis(100));
      return line.coverage();
    }
  }

  @Test
  void aTripThatHappenedButWasNotResetIsExercisedOneWayNotUntested() throws Exception {
    Coverage coverage = tripped();

    SignalUse healthy = use(coverage, "EStop/Healthy");
    assertThat(healthy.fell()).isTrue();
    assertThat(healthy.rose()).isFalse();
    assertThat(healthy.exercise(SignalType.BOOLEAN)).isEqualTo(Exercise.ONE_WAY);
    assertThat(healthy.describe(SignalType.BOOLEAN)).isEqualTo("fell only");
    assertThat(healthy.exercised(SignalType.BOOLEAN)).isFalse();
    assertThat(coverage.inputsOneWay()).isPositive();
  }

  @Test
  void anInputThatNeverChangedIsNotExercised() throws Exception {
    Coverage coverage = tripped();

    SignalUse stop = use(coverage, "StopButton/Contact");
    assertThat(stop.exercise(SignalType.BOOLEAN)).isEqualTo(Exercise.NOT_EXERCISED);
  }

  @Test
  void outputsNamedByAConditionAreCheckedTheOthersNot() throws Exception {
    Coverage coverage = tripped();

    assertThat(use(coverage, "Tower/Green").asserted()).isTrue();
    assertThat(use(coverage, "Infeed/MotorOn").asserted()).as("by its tag Q_Infeed_Run").isTrue();
    assertThat(use(coverage, "Packer/MotorOn").asserted()).isFalse();
    assertThat(use(coverage, "Packer/MotorOn").drivenByController()).isTrue();
    int[] checked = coverage.assertedOutputFigures();
    assertThat(checked[0]).isEqualTo(3); // Tower/Green, Tower/Red, Infeed/MotorOn
    assertThat(checked[1]).isEqualTo(coverage.outputFigures()[1]);
  }

  @Test
  void suitesAddUpDirections() throws Exception {
    Coverage sum = tripped().empty();
    sum.add(tripped());
    try (Harness line = Harness.onExample("bottling-line.yaml")
        .controller(new BottlingLineProgram()).start()) {
      line.press("EStop").waitFor(Duration.ofMillis(100)).release("EStop")
          .waitFor(Duration.ofMillis(100));
      sum.add(line.coverage());
    }

    assertThat(use(sum, "EStop/Healthy").exercise(SignalType.BOOLEAN))
        .isEqualTo(Exercise.BOTH_WAYS);
  }
}
