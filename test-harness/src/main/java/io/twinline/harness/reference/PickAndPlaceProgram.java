package io.twinline.harness.reference;

import io.twinline.sim.controller.ControlProgram;
import io.twinline.sim.controller.ProcessImage;

/**
 * The pick-and-place sequence: wait for a part at the pick position; lower, grip, raise, move
 * over, lower, release, raise, move back. The guard door is locked while the unit runs; an open
 * door or a pressed e-stop holds every motion where it is.
 */
public class PickAndPlaceProgram implements ControlProgram {

  private enum Step {
    WAIT_PART,
    LOWER_TO_PICK,
    GRIP,
    RAISE_WITH_PART,
    MOVE_OVER,
    LOWER_TO_PLACE,
    RELEASE,
    RAISE_EMPTY,
    MOVE_BACK
  }

  private Step step = Step.WAIT_PART;

  @Override
  public void scan(ProcessImage io) {
    boolean safe = io.bool("EStop/Healthy") && io.bool("Door/Closed");
    io.set("Door/Lock", safe);
    boolean running = safe && io.bool("Door/Locked");
    io.set("Infeed/MotorOn", running);
    io.set("Outfeed/MotorOn", running);
    if (!running) {
      hold(io);
      return;
    }
    boolean zDown = io.bool("AxisZ/Extended");
    boolean zUp = io.bool("AxisZ/Retracted");
    boolean xOut = io.bool("AxisX/Extended");
    boolean xIn = io.bool("AxisX/Retracted");
    boolean holding = io.bool("Gripper/VacuumOk");
    switch (step) {
      case WAIT_PART -> step = io.bool("Infeed/PartAtPick") && xIn && zUp ? Step.LOWER_TO_PICK
          : step;
      case LOWER_TO_PICK -> step = zDown ? Step.GRIP : step;
      case GRIP -> step = holding ? Step.RAISE_WITH_PART : step;
      case RAISE_WITH_PART -> step = zUp ? Step.MOVE_OVER : step;
      case MOVE_OVER -> step = xOut ? Step.LOWER_TO_PLACE : step;
      case LOWER_TO_PLACE -> step = zDown ? Step.RELEASE : step;
      case RELEASE -> step = !holding ? Step.RAISE_EMPTY : step;
      case RAISE_EMPTY -> step = zUp ? Step.MOVE_BACK : step;
      case MOVE_BACK -> step = xIn ? Step.WAIT_PART : step;
      default -> step = Step.WAIT_PART;
    }
    boolean lower =
        step == Step.LOWER_TO_PICK || step == Step.GRIP || step == Step.LOWER_TO_PLACE
            || step == Step.RELEASE;
    io.set("AxisZ/Extend", lower);
    io.set("AxisZ/Retract", !lower);
    boolean over =
        step == Step.MOVE_OVER || step == Step.LOWER_TO_PLACE || step == Step.RELEASE
            || step == Step.RAISE_EMPTY;
    io.set("AxisX/Extend", over);
    io.set("AxisX/Retract", !over);
    io.set("Gripper/Vacuum",
        step == Step.GRIP || step == Step.RAISE_WITH_PART || step == Step.MOVE_OVER
            || step == Step.LOWER_TO_PLACE);
  }

  /**
   * What the outputs do while the unit may not move (e-stop, door open or not yet locked): both
   * valves on, so the double-acting cylinders stay where they are; the vacuum keeps its state,
   * so a gripped part stays in the gripper.
   */
  protected void hold(ProcessImage io) {
    io.set("AxisZ/Extend", true);
    io.set("AxisZ/Retract", true);
    io.set("AxisX/Extend", true);
    io.set("AxisX/Retract", true);
  }
}
