package io.twinline.harness.reference;

import io.twinline.sim.controller.ControlProgram;
import io.twinline.sim.controller.ProcessImage;

/** The demo conveyor's program: run the belt. */
public final class DemoConveyorProgram implements ControlProgram {

  @Override
  public void scan(ProcessImage io) {
    io.set("Infeed/MotorOn", true);
  }
}
