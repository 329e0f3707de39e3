package io.twinline.harness.reference.faulty;

import io.twinline.sim.controller.ProcessImage;
import io.twinline.harness.reference.BottlingLineProgram;

/**
 * Bug: vision releases a bottle as soon as it has commanded the reject gate, without waiting for
 * the gate's feedback. The gate takes 150 ms to swing: a defective bottle can slip past it into
 * the packer.
 */
public final class BottlingLineRejectGateRace extends BottlingLineProgram {

  @Override
  protected boolean gateReady(ProcessImage io, boolean reject) {
    return true;
  }
}
