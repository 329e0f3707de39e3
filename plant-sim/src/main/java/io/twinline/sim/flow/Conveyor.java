package io.twinline.sim.flow;

import io.twinline.sim.kernel.Action;
import io.twinline.sim.kernel.EventHandle;
import io.twinline.sim.kernel.Simulation;
import io.twinline.sim.plant.Component;
import io.twinline.sim.signal.Signal;
import io.twinline.sim.time.SimTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * A belt conveyor. Parts ride on it at the belt speed while the motor is on and stand still while
 * it is off. A part that reaches the end is handed on when the next conveyor or sink takes it
 * (it leaves once its trailing edge has passed the end); otherwise it waits there and the parts
 * behind queue up, keeping {@code minGap}.
 *
 * <p>Schedule, don't poll: positions are brought up to date only when something happens, and the
 * conveyor keeps exactly one event on the calendar, the next moment a part reaches a mark (a
 * photo-eye, the end, the room a feeder waits for). Every moving part moves at the belt speed
 * until it is stopped by the part ahead, so each such moment is computed exactly.
 */
public final class Conveyor implements Component, PartReceiver {

  /** Positions within a micrometre count as reached: floating-point dust, not physics. */
  static final double EPSILON = 1e-6;

  private final String name;
  private final Simulation simulation;
  private final double length;
  private final double beltSpeed;
  private final double minGap;
  private final Signal motor;
  private final Action markReached;

  /** Front (furthest along) first. */
  private final List<Carried> parts = new ArrayList<>();
  private final List<PhotoEye> eyes = new ArrayList<>();
  private final List<Waiter> feedersWaiting = new ArrayList<>();

  private PartReceiver downstream;
  private double speed;
  private long updatedAt;
  private EventHandle next;
  /** The next receiver has agreed to take the front part, which is now leaving. */
  private boolean frontLeaving;
  private boolean waitingForDownstream;

  private static final class Carried {
    final Part part;
    double lead;

    Carried(Part part, double lead) {
      this.part = part;
      this.lead = lead;
    }

    double trail() {
      return lead - part.length();
    }
  }

  private record Waiter(double trailNeeded, Runnable callback) {}

  public Conveyor(
      String name, Simulation simulation, double length, double beltSpeed, double minGap,
      Signal motor) {
    this.name = name;
    this.simulation = simulation;
    this.length = length;
    this.beltSpeed = beltSpeed;
    this.minGap = minGap;
    this.motor = motor;
    this.markReached = Action.named(name + ": a part reaches a mark", this::onMarkReached);
  }

  /** Hands parts that reach the end to {@code receiver}; without one they queue at the end. */
  public void connect(PartReceiver receiver) {
    this.downstream = receiver;
  }

  /** Mounts a photo-eye; the conveyor drives its signal. */
  public void mount(PhotoEye eye) {
    if (eye.position() < 0 || eye.position() > length + EPSILON) {
      throw new IllegalArgumentException(
          "photo-eye " + eye.name() + " at " + eye.position() + " m is off conveyor " + name);
    }
    eyes.add(eye);
    eyes.sort(Comparator.comparingDouble(PhotoEye::position));
  }

  @Override
  public String name() {
    return name;
  }

  public double length() {
    return length;
  }

  @Override
  public void start() {
    updatedAt = simulation.now();
    motor.addListener(signal -> onMotorChanged());
    speed = motor.booleanValue() ? beltSpeed : 0.0;
    reschedule();
  }

  /** The belt speed right now, m/s (0 while the motor is off). */
  public double speed() {
    return speed;
  }

  /** Leading-edge positions of the parts on the belt, front first, as of now. */
  public List<Double> partPositions() {
    advance();
    List<Double> positions = new ArrayList<>(parts.size());
    for (Carried carried : parts) {
      positions.add(carried.lead);
    }
    return Collections.unmodifiableList(positions);
  }

  /** The parts on the belt, front first. */
  public List<Part> parts() {
    return parts.stream().map(c -> c.part).toList();
  }

  // --- PartReceiver -----------------------------------------------------------------------------

  @Override
  public boolean canReceive(Part part, double leadPosition) {
    advance();
    return parts.isEmpty() || lastPart().trail() >= leadPosition + minGap - EPSILON;
  }

  @Override
  public void receive(Part part, double leadPosition) {
    advance();
    parts.add(new Carried(part, leadPosition));
    settle();
    reschedule();
  }

  @Override
  public void whenReady(Part part, double leadPosition, Runnable callback) {
    advance();
    feedersWaiting.add(new Waiter(leadPosition + minGap, callback));
    releaseWaitingFeeders();
    reschedule();
  }

  // --- behaviour ----------------------------------------------------------------------------------

  private void onMotorChanged() {
    advance();
    speed = motor.booleanValue() ? beltSpeed : 0.0;
    reschedule();
  }

  private void onMarkReached() {
    next = null;
    advance();
    settle();
    reschedule();
  }

  private void onDownstreamReady() {
    waitingForDownstream = false;
    advance();
    settle();
    reschedule();
  }

  /** Moves every part to where it is now: at belt speed, but never into the part ahead. */
  private void advance() {
    long now = simulation.now();
    if (now == updatedAt) {
      return;
    }
    if (speed > 0) {
      double travel = speed * SimTime.toSeconds(now - updatedAt);
      double limit = frontLeaving ? Double.POSITIVE_INFINITY : length;
      for (Carried carried : parts) {
        carried.lead = Math.min(carried.lead + travel, limit);
        limit = carried.trail() - minGap;
      }
    }
    updatedAt = now;
  }

  /** Applies everything that happens at the present position of the parts. */
  private void settle() {
    boolean changed = true;
    while (changed && !parts.isEmpty()) {
      changed = false;
      Carried front = parts.get(0);
      if (!frontLeaving && front.lead >= length - EPSILON) {
        front.lead = length;
        if (downstream != null && downstream.canReceive(front.part, front.part.length())) {
          frontLeaving = true;
        } else if (downstream != null && !waitingForDownstream) {
          waitingForDownstream = true;
          downstream.whenReady(front.part, front.part.length(), this::onDownstreamReady);
        }
      }
      if (frontLeaving && front.trail() >= length - EPSILON) {
        parts.remove(0);
        frontLeaving = false;
        downstream.receive(front.part, front.part.length());
        changed = true;
      }
    }
    updateEyes();
    releaseWaitingFeeders();
  }

  private void updateEyes() {
    for (PhotoEye eye : eyes) {
      double p = eye.position();
      boolean covered = false;
      for (Carried carried : parts) {
        if (carried.lead < p - EPSILON) {
          break;
        }
        if (carried.trail() < p - EPSILON) {
          covered = true;
          break;
        }
      }
      eye.setBlocked(covered);
    }
  }

  private void releaseWaitingFeeders() {
    if (feedersWaiting.isEmpty()) {
      return;
    }
    double room = parts.isEmpty() ? Double.POSITIVE_INFINITY : lastPart().trail();
    List<Waiter> ready = new ArrayList<>();
    feedersWaiting.removeIf(
        w -> {
          if (room >= w.trailNeeded() - EPSILON) {
            ready.add(w);
            return true;
          }
          return false;
        });
    for (Waiter waiter : ready) {
      simulation.schedule(0, waiter.callback()::run);
    }
  }

  /** Puts the next moment a part reaches a mark on the calendar (or nothing if none can). */
  private void reschedule() {
    if (next != null) {
      next.cancel();
      next = null;
    }
    if (speed <= 0 || parts.isEmpty()) {
      return;
    }
    double nearest = Double.POSITIVE_INFINITY;
    double reach = frontLeaving ? length + parts.get(0).part.length() : length;
    for (int i = 0; i < parts.size(); i++) {
      Carried carried = parts.get(i);
      double lead = carried.lead;
      double partLength = carried.part.length();
      if (i > 0) {
        Carried ahead = parts.get(i - 1);
        reach = reach - ahead.part.length() - minGap;
      }
      if (lead >= reach - EPSILON) {
        continue;
      }
      if (i == 0) {
        nearest = Math.min(nearest, reach - lead);
      }
      double eyeAhead = nextEye(lead);
      if (eyeAhead <= reach + EPSILON) {
        nearest = Math.min(nearest, eyeAhead - lead);
      }
      double eyeBehindTrail = nextEye(lead - partLength);
      if (eyeBehindTrail + partLength <= reach + EPSILON) {
        nearest = Math.min(nearest, eyeBehindTrail + partLength - lead);
      }
      if (i == parts.size() - 1) {
        for (Waiter waiter : feedersWaiting) {
          double target = waiter.trailNeeded() + partLength;
          if (target > lead + EPSILON && target <= reach + EPSILON) {
            nearest = Math.min(nearest, target - lead);
          }
        }
      }
    }
    if (nearest < Double.POSITIVE_INFINITY) {
      next = simulation.schedule(SimTime.fromSeconds(nearest / speed), markReached);
    }
  }

  /** The first photo-eye position beyond {@code position}, or +infinity. */
  private double nextEye(double position) {
    for (PhotoEye eye : eyes) {
      if (eye.position() > position + EPSILON) {
        return eye.position();
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  private Carried lastPart() {
    return parts.get(parts.size() - 1);
  }
}
