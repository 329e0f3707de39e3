package io.twinline.harness.reference.faulty;

import io.twinline.harness.reference.CasePackerProgram;
import java.time.Duration;

/**
 * Bug: the blower's delay was worked out for the nozzle's old place, 0.65 m after the camera
 * (1.3 s at 0.5 m/s); the nozzle now sits 0.5 m after it. The valve opens when the defective
 * bottle's leading edge is at 1.85 m, past the window: every defective bottle is packed.
 */
public final class CasePackerLateBlower extends CasePackerProgram {

  public CasePackerLateBlower() {
    super(Duration.ofMillis(1300));
  }
}
