package io.twinline.harness.reference.faulty;

import io.twinline.sim.controller.ProcessImage;
import io.twinline.harness.reference.PickAndPlaceProgram;

/**
 * Bug: on an e-stop or an open door every output is switched off, "the safe state" as on most
 * machines. The double-acting cylinders do stay where they are with both valves off, but the
 * vacuum goes off too: a part carried in the gripper falls wherever the unit happens to be.
 */
public final class PickAndPlaceDropsPartOnStop extends PickAndPlaceProgram {

  @Override
  protected void hold(ProcessImage io) {
    io.set("AxisZ/Extend", false);
    io.set("AxisZ/Retract", false);
    io.set("AxisX/Extend", false);
    io.set("AxisX/Retract", false);
    io.set("Gripper/Vacuum", false);
  }
}
