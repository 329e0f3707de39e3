package io.twinline.harness.reference;

import io.twinline.sim.controller.ControlProgram;
import io.twinline.sim.controller.ProcessImage;
import io.twinline.sim.controller.Timers;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The case packer's reference program. The bottle belt and the outfeed run unless the belt
 * motor's overload relay has tripped (then its contactor drops until the trip is reset). A bottle
 * the camera fails is tracked by time: its leading edge is 0.5 m from the blower's window, so the
 * blower fires 1.0 s later for 150 ms, while the bottle is between 1.7 m and 1.775 m. The blade
 * stop lets one case in whenever the packer has none; with six bottles and a case the packer is
 * pulsed; at the transfer eye the pusher extends, and retracts once it is out.
 */
public class CasePackerProgram implements ControlProgram {

  private static final Duration BLOW_DELAY = Duration.ofMillis(1000);
  private static final Duration BLOW_TIME = Duration.ofMillis(150);

  private final Duration blowDelay;
  private final Deque<Long> blowAt = new ArrayDeque<>();
  private final Timers.Rising failed = new Timers.Rising();
  private final Timers.Rising caseAtTransfer = new Timers.Rising();
  private long blowUntil = -1;
  private boolean packPulse;
  private boolean pushing;

  public CasePackerProgram() {
    this(BLOW_DELAY);
  }

  /** A program that fires the blower {@code blowDelay} after the camera fails a bottle. */
  protected CasePackerProgram(Duration blowDelay) {
    this.blowDelay = blowDelay;
  }

  @Override
  public void scan(ProcessImage io) {
    long now = io.now();
    io.set("BeltMotor/Run", !io.bool("BeltMotor/Overload"));
    io.set("Outfeed/MotorOn", true);

    if (failed.update(io.bool("Camera/Fail"))) {
      blowAt.addLast(now + blowDelay.toNanos());
    }
    if (!blowAt.isEmpty() && now >= blowAt.peekFirst()) {
      blowAt.removeFirst();
      blowUntil = now + BLOW_TIME.toNanos();
    }
    io.set("RejectAir/Blow", now < blowUntil);

    io.set("CaseStop/Lower", !io.bool("Packer/CasePresent") && !io.bool("Packer/Busy"));

    // Pack: a one-scan pulse once the group and the case are there.
    boolean ready = io.bool("Packer/GroupReady") && io.bool("Packer/CasePresent")
        && !io.bool("Packer/Busy") && !io.bool("Packer/Done");
    packPulse = ready && !packPulse;
    io.set("Packer/Pack", packPulse);

    if (caseAtTransfer.update(io.bool("Outfeed/TransferEye"))) {
      pushing = true;
    }
    if (pushing && io.bool("Transfer/Extended")) {
      pushing = false;
    }
    io.set("Transfer/Extend", pushing);
    io.set("Transfer/Retract", !pushing);
  }
}
