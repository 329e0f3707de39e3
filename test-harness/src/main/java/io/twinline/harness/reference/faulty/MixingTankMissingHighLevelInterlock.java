package io.twinline.harness.reference.faulty;

import io.twinline.harness.reference.MixingTankProgram;

/**
 * Bug: the high level switch closes only valve B. Whoever wrote the interlock reasoned that A
 * fills to 0.6 m, far below the switch, so only B (which tops up to 1.0 m) needs it. But the step
 * from A to B relies on the level transmitter: if it fails low (stuck, a broken loop), valve A
 * stays open past the high level switch until the tank overflows.
 */
public final class MixingTankMissingHighLevelInterlock extends MixingTankProgram {

  @Override
  protected boolean inletPermitted(String valve, boolean highLevel) {
    return valve.equals("ValveA") || !highLevel;
  }
}
