package io.twinline.line.units;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * A duration that is either fixed or drawn at random each time: a source's interval, a station's
 * process time. Sampling uses only {@link RandomGenerator#nextDouble()}, with the formulas
 * written out here, so that a seed gives the same durations on every JDK.
 */
public sealed interface DurationDistribution {

  /** A duration in nanoseconds, never negative. */
  long sample(RandomGenerator random);

  /** The mean, for documentation and estimates. */
  Duration mean();

  /** Whether every sample is the same (no random numbers are drawn). */
  default boolean isFixed() {
    return this instanceof Fixed;
  }

  record Fixed(Duration value) implements DurationDistribution {
    @Override
    public long sample(RandomGenerator random) {
      return value.toNanos();
    }

    @Override
    public Duration mean() {
      return value;
    }

    @Override
    public String toString() {
      return value.toMillis() + " ms";
    }
  }

  record Uniform(Duration min, Duration max) implements DurationDistribution {
    @Override
    public long sample(RandomGenerator random) {
      return min.toNanos() + (long) (random.nextDouble() * (max.toNanos() - min.toNanos()));
    }

    @Override
    public Duration mean() {
      return min.plus(max).dividedBy(2);
    }
  }

  /** A normal distribution cut off at zero (a process time is never negative). */
  record Normal(Duration mean, Duration standardDeviation) implements DurationDistribution {
    @Override
    public long sample(RandomGenerator random) {
      // Box-Muller, spelled out for reproducibility across JDK versions.
      double u1 = 1.0 - random.nextDouble();
      double u2 = random.nextDouble();
      double z = Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
      double nanos = mean.toNanos() + z * standardDeviation.toNanos();
      return Math.max(0L, Math.round(nanos));
    }
  }

  record Exponential(Duration mean) implements DurationDistribution {
    @Override
    public long sample(RandomGenerator random) {
      return Math.round(-Math.log(1.0 - random.nextDouble()) * mean.toNanos());
    }
  }

  record Triangular(Duration min, Duration mode, Duration max) implements DurationDistribution {
    @Override
    public long sample(RandomGenerator random) {
      double a = min.toNanos();
      double c = mode.toNanos();
      double b = max.toNanos();
      double u = random.nextDouble();
      double split = (c - a) / (b - a);
      double x =
          u < split
              ? a + Math.sqrt(u * (b - a) * (c - a))
              : b - Math.sqrt((1 - u) * (b - a) * (b - c));
      return Math.round(x);
    }

    @Override
    public Duration mean() {
      return min.plus(mode).plus(max).dividedBy(3);
    }
  }
}
