package io.twinline.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinline.harness.reference.BottlingLineProgram;
import io.twinline.sim.controller.ControlProgram;
import io.twinline.sim.controller.ProcessImage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code within: N scans}: time counted in controller scans, not in milliseconds. */
class WithinScansTest {

  /** Lights green in the scan that sees the start button. */
  static final class Prompt implements ControlProgram {
    @Override
    public void scan(ProcessImage io) {
      io.set("Tower/Green", io.bool("StartButton/Contact"));
    }
  }

  /** Lights green one scan after the scan that saw the start button. */
  static final class OneScanLate implements ControlProgram {
    private boolean seen;

    @Override
    public void scan(ProcessImage io) {
      io.set("Tower/Green", seen);
      seen = io.bool("StartButton/Contact");
    }
  }

  private static Harness line(ControlProgram program, Duration scan) throws Exception {
    Harness line = Harness.onExample("bottling-line.yaml").controller(program).scan(scan).start();
    line.waitFor(Duration.ofMillis(100));
    return line;
  }

  @Test
  void aReactionInTheNextScanHoldsWithinOneScan() throws Exception {
    try (Harness line = line(new Prompt(), Duration.ofMillis(10))) {
      line.press("StartButton");
      line.expect("Tower/Green").withinScans(1);

      // the scan after the press runs at 110 ms, its outputs reach the plant at 120 ms
      assertThat(line.now()).isEqualTo(120_000_000L);
    }
  }

  @Test
  void aReactionOneScanLateFailsWithinOneScanAndSaysWhichScanCounted() throws Exception {
    try (Harness line = line(new OneScanLate(), Duration.ofMillis(10))) {
      line.press("StartButton");
      assertThatThrownBy(() -> line.expect("Tower/Green").withinScans(1))
          .isInstanceOf(SequenceFailure.class)
          .hasMessageStartingWith("expected Tower/Green within 1 scan (by 0.120 s: the scan at"
              + " 0.110 s every 0.010 s, outputs one I/O cycle later), but it did not hold by"
              + " 0.020 s after the step began at 0.100 s");
    }
    try (Harness line = line(new OneScanLate(), Duration.ofMillis(10))) {
      line.press("StartButton");
      line.expect("Tower/Green").withinScans(2);
      assertThat(line.now()).isEqualTo(130_000_000L);
    }
  }

  @Test
  void scansFollowTheScanPeriod() throws Exception {
    try (Harness line = line(new Prompt(), Duration.ofMillis(50))) {
      line.waitFor(Duration.ofMillis(20)); // 120 ms: the next scan is at 150 ms
      line.press("StartButton");
      line.expect("Tower/Green").withinScans(1);
      assertThat(line.now()).isEqualTo(160_000_000L);
    }
  }

  @Test
  void theReferenceProgramStopsTheInfeedWithinOneScanOfTheEStop() throws Exception {
    try (Harness line = line(new BottlingLineProgram(), Duration.ofMillis(10))) {
      line.pulse("StartButton", Duration.ofMillis(200));
      line.expect("Q_Infeed_Run").within(Duration.ofMillis(100));
      line.press("EStop");
      // milliseconds say nothing about scans: one I/O cycle is too short ...
      assertThatThrownBy(() -> line.expect("!Q_Infeed_Run").within(Duration.ofMillis(10)))
          .isInstanceOf(SequenceFailure.class);
    }
    try (Harness line = line(new BottlingLineProgram(), Duration.ofMillis(10))) {
      line.pulse("StartButton", Duration.ofMillis(200));
      line.expect("Q_Infeed_Run").within(Duration.ofMillis(100));
      line.press("EStop");
      // ... while the scan count states the requirement
      line.expect("!Q_Infeed_Run && Tower/Red").withinScans(1);
    }
  }
}
