package io.twinline.harness.reference.faulty;

import io.twinline.sim.controller.ProcessImage;
import io.twinline.harness.reference.BottlingLineProgram;

/**
 * Bug: the infeed belt is not in the e-stop interlock. Whoever wired its output from the old
 * program forgot the e-stop: after an e-stop the infeed keeps running until the line is stopped
 * with the stop button.
 */
public final class BottlingLineMissingEStopInterlock extends BottlingLineProgram {

  private boolean infeedRunning;

  @Override
  public void scan(ProcessImage io) {
    boolean stopPressed = !io.bool("StopButton/Contact");
    super.scan(io);
    if (mode == Mode.RUNNING) {
      infeedRunning = true;
    } else if (stopPressed) {
      infeedRunning = false;
    }
    io.set("Q_Infeed_Run", infeedRunning && io.bool("NeckGuide/InPosition"));
  }
}
