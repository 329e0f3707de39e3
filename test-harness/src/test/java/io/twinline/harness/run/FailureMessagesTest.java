package io.twinline.harness.run;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinline.harness.reference.BottlingLineProgram;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Failure messages name signals as the sequence named them, and say when the signals last
 * changed against the start of the step, so an edge that came too early is seen as such.
 */
class FailureMessagesTest {

  private Harness line;

  @AfterEach
  void close() {
    if (line != null) {
      line.close();
    }
  }

  private Harness start() throws Exception {
    line = Harness.onExample("bottling-line.yaml").controller(new BottlingLineProgram()).start();
    return line;
  }

  @Test
  void aSignalWrittenByItsTagIsReportedByItsTagWithThePathInBrackets() throws Exception {
    start();

    assertThatThrownBy(() -> line.expect("Q_Infeed_Run").within(Duration.ofMillis(50)))
        .isInstanceOf(SequenceFailure.class)
        .hasMessageContaining("(Q_Infeed_Run [Infeed/MotorOn] = false,");
  }

  @Test
  void aSignalWrittenByItsPathGetsItsTagInBrackets() throws Exception {
    start();

    assertThatThrownBy(() -> line.expect("Infeed/MotorOn && Tower/Green")
            .within(Duration.ofMillis(50)))
        .isInstanceOf(SequenceFailure.class)
        .hasMessageContaining("(Infeed/MotorOn [Q_Infeed_Run] = false, unchanged since 0.000 s,"
            + " Tower/Green = false, unchanged since 0.000 s)");
  }

  @Test
  void anEdgeDuringThePreviousStepIsNamedAsEarlierThanTheStep() throws Exception {
    start();
    line.pulse("StartButton", Duration.ofMillis(200));
    line.expect("Tower/Green").within(Duration.ofMillis(50)); // rose at 10 ms, true at once

    // the step after: Tower/Green rose before it began, so rose() does not see it
    line.waitFor(Duration.ofMillis(300));
    assertThatThrownBy(() -> line.expect("rose(Tower/Green)").within(Duration.ofMillis(50)))
        .isInstanceOf(SequenceFailure.class)
        .hasMessage("expected rose(Tower/Green) within 0.050 s, but it did not hold by 0.050 s"
            + " after the step began at 0.500 s (Tower/Green = true, last changed at 0.010 s,"
            + " 0.490 s before the step began; an edge before the step began does not count"
            + " for it)");
  }

  @Test
  void afterSaysWhenTheStepBeganToo() throws Exception {
    start();

    assertThatThrownBy(() -> line.expect("Tower/Green").after(Duration.ofSeconds(1)))
        .isInstanceOf(SequenceFailure.class)
        .hasMessageContaining("did not hold by 1.100 s after the step began at 0.000 s");
  }
}
