package io.twinline.sim.flow;

import io.twinline.sim.time.SimTime;

/**
 * The speed of a belt over time: constant, or ramping at a constant acceleration towards a
 * target speed. Gives the distance travelled in a stretch of time and, the other way round, the
 * exact time needed to travel a distance, so that arrivals can be scheduled while the belt
 * accelerates.
 */
final class BeltMotion {

  private double speed;
  private double target;
  private final double acceleration;
  private long at;

  /**
   * @param acceleration m/s², or +infinity to change speed at once
   */
  BeltMotion(double acceleration) {
    this.acceleration = acceleration;
  }

  /**
   * The same motion from {@code now} on, with another acceleration (a belt whose full speed a
   * recipe changes scales its motor's ramp with it).
   */
  BeltMotion withAcceleration(double newAcceleration, long now) {
    advanceTo(now);
    BeltMotion copy = new BeltMotion(newAcceleration);
    copy.speed = speed;
    copy.target = target;
    copy.at = at;
    return copy;
  }

  /** Speed at {@code now}, m/s. */
  double speedAt(long now) {
    return speedAfter(now - at);
  }

  double target() {
    return target;
  }

  /** Moves the reference time to {@code now}. */
  void advanceTo(long now) {
    speed = speedAfter(now - at);
    at = now;
  }

  /** From {@code now} on, head for {@code newTarget}. */
  void setTarget(double newTarget, long now) {
    advanceTo(now);
    target = newTarget;
    if (Double.isInfinite(acceleration)) {
      speed = target;
    }
  }

  /** Stands still at once (a jam), whatever the target. */
  void stopNow(long now) {
    advanceTo(now);
    speed = 0;
  }

  boolean isRamping() {
    return speed != target;
  }

  /** Time until the target speed is reached, ns from the reference time. */
  long rampNanos() {
    if (speed == target || Double.isInfinite(acceleration)) {
      return 0;
    }
    return SimTime.fromSeconds(Math.abs(target - speed) / acceleration);
  }

  private double signedAcceleration() {
    return target > speed ? acceleration : -acceleration;
  }

  private double rampSeconds() {
    return speed == target ? 0 : Math.abs(target - speed) / acceleration;
  }

  private double speedAfter(long dtNanos) {
    if (speed == target || dtNanos <= 0) {
      return speed;
    }
    double t = SimTime.toSeconds(dtNanos);
    return t >= rampSeconds() ? target : speed + signedAcceleration() * t;
  }

  /** Distance travelled in {@code dtNanos} from the reference time, metres. */
  double distance(long dtNanos) {
    if (dtNanos <= 0) {
      return 0;
    }
    double t = SimTime.toSeconds(dtNanos);
    if (speed == target) {
      return speed * t;
    }
    double ramp = rampSeconds();
    double a = signedAcceleration();
    if (t <= ramp) {
      return speed * t + 0.5 * a * t * t;
    }
    return speed * ramp + 0.5 * a * ramp * ramp + target * (t - ramp);
  }

  /**
   * The time (ns from the reference time) needed to travel {@code d} metres, or {@link
   * Long#MAX_VALUE} if the belt never gets there (it stops first).
   */
  long timeToTravel(double d) {
    if (d <= 0) {
      return 0;
    }
    if (speed == target) {
      return speed > 0 ? SimTime.fromSeconds(d / speed) : Long.MAX_VALUE;
    }
    double ramp = rampSeconds();
    double a = signedAcceleration();
    double duringRamp = speed * ramp + 0.5 * a * ramp * ramp;
    if (duringRamp >= d) {
      // Solve speed*t + a/2 t^2 = d in the numerically stable form.
      double root = Math.sqrt(Math.max(0, speed * speed + 2 * a * d));
      return SimTime.fromSeconds(2 * d / (speed + root));
    }
    if (target <= 0) {
      return Long.MAX_VALUE;
    }
    return SimTime.fromSeconds(ramp + (d - duringRamp) / target);
  }
}
