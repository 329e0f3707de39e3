package io.twinline.harness.reference;

import io.twinline.sim.controller.ControlProgram;
import io.twinline.sim.controller.ProcessImage;
import io.twinline.sim.controller.Timers;

/**
 * The bottling line's reference program.
 *
 * <ul>
 *   <li>Modes: stopped (yellow), running (green), e-stop (red). Start needs a healthy e-stop and
 *       the NC stop button closed; the e-stop stops everything at once and needs a new start.
 *   <li>Filler, capper and vision start a cycle whenever a bottle is present and not yet done.
 *   <li>Vision releases one bottle at a time: a defective bottle only once the reject gate is
 *       across, a good one only once it is clear; the next only when the last one has been
 *       diverted or has passed the gate.
 *   <li>Changeover: the neck guide follows the recipe's width ({@code Recipe/GuideWidth}), moved
 *       whenever it is not in position (and the e-stop is healthy); the infeed stands still
 *       while it moves, so no bottle meets a guide on its way.
 * </ul>
 */
public class BottlingLineProgram implements ControlProgram {

  /** Operating modes. */
  protected enum Mode {
    STOPPED,
    RUNNING,
    ESTOP
  }

  private static final String[] BELTS = {
    "Q_Infeed_Run", "Transfer/MotorOn", "ToVision/MotorOn", "Outfeed/MotorOn",
    "RejectLane/MotorOn", "Packer/MotorOn"
  };

  protected Mode mode = Mode.STOPPED;
  private final Timers.Rising start = new Timers.Rising();
  private final Timers.Falling bottlePassed = new Timers.Falling();
  private boolean awaitingReject;
  private boolean awaitingPass;
  private int divertedSeen;
  private boolean released;

  @Override
  public void scan(ProcessImage io) {
    boolean healthy = io.bool("EStop/Healthy");
    boolean startPressed = start.update(io.bool("StartButton/Contact"));
    boolean stopPressed = !io.bool("StopButton/Contact");

    if (!healthy) {
      mode = Mode.ESTOP;
    } else if (mode == Mode.ESTOP) {
      mode = Mode.STOPPED;
    } else if (mode == Mode.STOPPED && startPressed && !stopPressed) {
      mode = Mode.RUNNING;
    } else if (mode == Mode.RUNNING && stopPressed) {
      mode = Mode.STOPPED;
    }
    boolean running = mode == Mode.RUNNING;

    io.set("NeckGuide/Setpoint", io.number("Recipe/GuideWidth"));
    boolean guideReady = io.bool("NeckGuide/InPosition");
    io.set("NeckGuide/Move", healthy && !guideReady);

    for (String belt : BELTS) {
      io.set(belt, running);
    }
    io.set("Q_Infeed_Run", running && guideReady);
    cycle(io, "Filler", running);
    cycle(io, "Capper", running);
    cycle(io, "Vision", running);
    releaseFromVision(io, running);

    io.set("Tower/Red", mode == Mode.ESTOP);
    io.set("Tower/Yellow", mode == Mode.STOPPED);
    io.set("Tower/Green", running);
  }

  /** Starts a station's cycle on a present bottle that is not done yet. */
  protected void cycle(ProcessImage io, String station, boolean running) {
    boolean ready =
        io.bool(station + "/PartPresent")
            && !io.bool(station + "/Busy")
            && !io.bool(station + "/Done")
            && !io.bool(station + "/Fault");
    io.set(station + "/Start", running && ready);
  }

  private void releaseFromVision(ProcessImage io, boolean running) {
    int diverted = io.integer("RejectGate/Diverted");
    boolean passed = bottlePassed.update(io.bool("Outfeed/GateClear"));
    if (awaitingReject && diverted > divertedSeen) {
      awaitingReject = false;
    }
    if (awaitingPass && passed) {
      awaitingPass = false;
    }
    divertedSeen = diverted;
    io.set("Vision/Release", false);
    if (released) {
      released = false;
      return;
    }
    boolean busy = awaitingReject || awaitingPass;
    if (!running || busy || !io.bool("Vision/Done")) {
      io.set("RejectGate/Divert", awaitingReject);
      return;
    }
    boolean reject = rejectDecision(io);
    io.set("RejectGate/Divert", reject);
    if (gateReady(io, reject)) {
      io.set("Vision/Release", true);
      released = true;
      awaitingReject = reject;
      awaitingPass = !reject;
    }
  }

  /** Whether the reject gate is where the bottle about to leave vision needs it. */
  protected boolean gateReady(ProcessImage io, boolean reject) {
    return reject == io.bool("RejectGate/Diverting");
  }

  /** Whether the bottle at the vision station goes to the reject bin. */
  protected boolean rejectDecision(ProcessImage io) {
    return io.bool("Vision/Reject");
  }
}
