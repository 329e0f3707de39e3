package io.twinline.sim.actuator;

import io.twinline.sim.kernel.Action;
import io.twinline.sim.kernel.EventHandle;
import io.twinline.sim.kernel.Simulation;
import io.twinline.sim.time.SimTime;

/**
 * Motion between two end positions, 0 (retracted, closed, down) and 1 (extended, open, up), at
 * constant speed: a cylinder's piston, a valve's stem, a stop gate's blade. The arrival at an end
 * (or at the point where it sticks) is computed and scheduled, and so is the crossing of one
 * extra mark (a pusher's paddle reaching the belt).
 *
 * <p>Simulation thread only.
 */
public final class LinearActuator {

  /** Told about arrivals and crossings, at their exact simulated time. */
  public interface Listener {
    /** The motion is about to change (a new command, an arrival, sticking). */
    default void changing() {}

    /** The actuator stopped at {@code position}: an end, or where it sticks. */
    void reached(double position);

    /** The actuator crossed the mark, moving in {@code direction} (+1 out, -1 in). */
    default void crossedMark(int direction) {}
  }

  private static final double EPSILON = 1e-9;

  private final Simulation simulation;
  private final long extendNanos;
  private final long retractNanos;
  private final Listener listener;
  private final Action arrive;
  private final Action cross;
  private double position;
  private int direction;
  /** Fraction of full speed of the present motion (a pressure centre drives at half speed). */
  private double speedFactor = 1.0;
  private long updatedAt;
  private double stickAt = Double.NaN;
  private double mark = Double.NaN;
  private EventHandle arrival;
  private EventHandle markCrossing;

  /**
   * @param extendNanos time from 0 to 1 (0: instant)
   * @param retractNanos time from 1 to 0 (0: instant)
   */
  public LinearActuator(
      Simulation simulation, String name, long extendNanos, long retractNanos,
      Listener listener) {
    this.simulation = simulation;
    this.extendNanos = extendNanos;
    this.retractNanos = retractNanos;
    this.listener = listener;
    this.arrive = Action.named(name + ": end of travel", this::onArrival);
    this.cross = Action.named(name + ": crosses its mark", this::onMark);
  }

  /** Puts the actuator at rest at {@code start} (before the run begins). */
  public void placeAt(double start) {
    position = start;
    direction = 0;
    updatedAt = simulation.now();
  }

  /** Where it is now, 0..1. */
  public double position() {
    update();
    return position;
  }

  /** Where it will be (or was, since the last change) at simulated time {@code time}. */
  public double positionAt(long time) {
    double p = position + direction * rate() * SimTime.toSeconds(time - updatedAt);
    return Math.max(0.0, Math.min(limit(), p));
  }

  /** +1 moving out, -1 moving in, 0 at rest. */
  public int direction() {
    return direction;
  }

  public boolean isAt(double end) {
    return Math.abs(position() - end) < EPSILON;
  }

  /**
   * Whether it rests at {@code end}: there and not moving. An end switch opens the moment the
   * motion away from it starts.
   */
  public boolean restsAt(double end) {
    return direction == 0 && isAt(end);
  }

  /** Sets a mark to be told about when crossed (NaN: none). */
  public void setMark(double newMark) {
    update();
    mark = newMark;
    reschedule();
  }

  /** Drives out (+1), in (-1) or holds (0). */
  public void drive(int newDirection) {
    drive(newDirection, 1.0);
  }

  /** Drives out (+1), in (-1) or holds (0) at {@code factor} (0..1] of full speed. */
  public void drive(int newDirection, double factor) {
    listener.changing();
    update();
    speedFactor = factor;
    direction = Integer.signum(newDirection);
    if (stopped()) {
      direction = 0;
    }
    if (direction != 0 && durationOfTravel() == 0) {
      position = direction > 0 ? limit() : lowerLimit();
      direction = 0;
      cancel();
      listener.reached(position);
      return;
    }
    reschedule();
  }

  /** From now on the travel stops at {@code fraction} (sticking); NaN lets it go free. */
  public void stickAt(double fraction) {
    listener.changing();
    update();
    stickAt = fraction;
    if (stopped()) {
      direction = 0;
      listener.reached(position);
    }
    reschedule();
  }

  public boolean isSticking() {
    return !Double.isNaN(stickAt);
  }

  private boolean stopped() {
    return (direction > 0 && position >= limit() - EPSILON)
        || (direction < 0 && position <= lowerLimit() + EPSILON);
  }

  /** The furthest it can go out: 1, or where it sticks. */
  private double limit() {
    return !Double.isNaN(stickAt) && position <= stickAt + EPSILON ? stickAt : 1.0;
  }

  private double lowerLimit() {
    return !Double.isNaN(stickAt) && position >= stickAt - EPSILON ? stickAt : 0.0;
  }

  private long durationOfTravel() {
    return direction > 0 ? extendNanos : retractNanos;
  }

  private double rate() {
    long nanos = durationOfTravel();
    return nanos == 0 ? 0.0 : speedFactor * 1e9 / nanos;
  }

  private void update() {
    long now = simulation.now();
    if (now != updatedAt && direction != 0) {
      double moved = position + direction * rate() * SimTime.toSeconds(now - updatedAt);
      position = Math.max(lowerLimit(), Math.min(limit(), moved));
    }
    updatedAt = now;
  }

  private void cancel() {
    if (arrival != null) {
      arrival.cancel();
      arrival = null;
    }
    if (markCrossing != null) {
      markCrossing.cancel();
      markCrossing = null;
    }
  }

  private void reschedule() {
    cancel();
    if (direction == 0) {
      return;
    }
    double target = direction > 0 ? limit() : lowerLimit();
    // The mark first: crossing a mark at the end comes before the arrival there.
    if (!Double.isNaN(mark)
        && ((direction > 0 && mark > position + EPSILON && mark <= target + EPSILON)
            || (direction < 0 && mark < position - EPSILON && mark >= target - EPSILON))) {
      markCrossing =
          simulation.schedule(SimTime.fromSeconds(Math.abs(mark - position) / rate()), cross);
    }
    double seconds = Math.abs(target - position) / rate();
    arrival = simulation.schedule(SimTime.fromSeconds(seconds), arrive);
  }

  private void onArrival() {
    arrival = null;
    listener.changing();
    update();
    position = direction > 0 ? limit() : lowerLimit();
    direction = 0;
    listener.reached(position);
  }

  private void onMark() {
    markCrossing = null;
    update();
    position = mark;
    listener.crossedMark(direction);
  }
}
