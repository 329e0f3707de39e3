package io.twinline.harness.reference;

import io.twinline.sim.controller.ControlProgram;
import io.twinline.sim.controller.ProcessImage;
import io.twinline.sim.controller.Timers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sorting line's reference program: the code reader's result is queued with each part (and
 * the part released onto the main belt); at
 * each lane's photo-eye the first part not yet past it is pushed if it belongs to that lane. The
 * pusher fires 200 ms after the eye sees the leading edge, so that its paddle meets the part.
 */
public class SortingLineProgram implements ControlProgram {

  static final Map<String, Integer> LANES = Map.of("red", 1, "green", 2, "blue", 3);
  private static final Duration FIRE_DELAY = Duration.ofMillis(200);
  private final Duration fireDelay;
  private static final Duration PUSH_TIME = Duration.ofMillis(400);

  private static final class Tracked {
    final int lane;
    int nextEye = 1;

    Tracked(int lane) {
      this.lane = lane;
    }
  }

  public SortingLineProgram() {
    this(FIRE_DELAY);
  }

  /** A program whose pushers fire {@code fireDelay} after their eye sees a part. */
  protected SortingLineProgram(Duration fireDelay) {
    this.fireDelay = fireDelay;
  }

  private final List<Tracked> onMain = new ArrayList<>();
  private final Timers.Rising readerDone = new Timers.Rising();
  private final Timers.Rising[] eyes = {new Timers.Rising(), new Timers.Rising(),
      new Timers.Rising()};
  private final long[] fireAt = {-1, -1, -1};
  private final long[] retractAt = {-1, -1, -1};

  @Override
  public void scan(ProcessImage io) {
    for (String belt : new String[] {"Infeed", "Main", "Lane1", "Lane2", "Lane3"}) {
      io.set(belt + "/MotorOn", true);
    }
    io.set("Reader/Start",
        io.bool("Reader/PartPresent") && !io.bool("Reader/Busy") && !io.bool("Reader/Done"));
    boolean read = readerDone.update(io.bool("Reader/Done"));
    if (read) {
      onMain.add(new Tracked(LANES.getOrDefault(io.text("Reader/PartType"), 0)));
    }
    // Release the part once its type is queued: a pulse on Release.
    io.set("Reader/Release", read);
    long now = io.now();
    for (int k = 1; k <= 3; k++) {
      if (eyes[k - 1].update(io.bool("Main/Eye" + k))) {
        for (Tracked part : onMain) {
          if (part.nextEye == k) {
            if (part.lane == k) {
              fireAt[k - 1] = now + fireDelay.toNanos();
              onMain.remove(part);
            } else {
              part.nextEye = k + 1;
            }
            break;
          }
        }
      }
      if (fireAt[k - 1] >= 0 && now >= fireAt[k - 1]) {
        fireAt[k - 1] = -1;
        retractAt[k - 1] = now + PUSH_TIME.toNanos();
        io.set("Pusher" + k + "/Extend", true);
      }
      if (retractAt[k - 1] >= 0 && now >= retractAt[k - 1]) {
        retractAt[k - 1] = -1;
        io.set("Pusher" + k + "/Extend", false);
      }
    }
    onMain.removeIf(part -> part.nextEye > 3);
  }
}
