package io.twinline.sim.time;

import java.time.Duration;

/**
 * Simulated time is a {@code long} count of nanoseconds since the start of the run; this class
 * converts at the edges.
 */
public final class SimTime {

  public static final long NANOS_PER_MILLI = 1_000_000L;
  public static final long NANOS_PER_SECOND = 1_000_000_000L;

  private SimTime() {}

  public static long of(Duration duration) {
    return duration.toNanos();
  }

  public static long millis(long millis) {
    return Math.multiplyExact(millis, NANOS_PER_MILLI);
  }

  public static long seconds(long seconds) {
    return Math.multiplyExact(seconds, NANOS_PER_SECOND);
  }

  /** Seconds as a double, for physics; never use the result as a time again. */
  public static double toSeconds(long nanos) {
    return nanos / 1e9;
  }

  /**
   * Seconds to nanoseconds, rounded to the nearest nanosecond (so that 4.0 s computed from 2.0 m
   * at 0.5 m/s is exactly 4 000 000 000 ns).
   */
  public static long fromSeconds(double seconds) {
    if (!(seconds >= 0) || seconds > 9.2e9) {
      throw new IllegalArgumentException("not a usable duration: " + seconds + " s");
    }
    return Math.round(seconds * 1e9);
  }

  /** For people: {@code 4.000 s}, {@code 1 min 2.500 s}, {@code 2 h 0 min 1.000 s}. */
  public static String format(long nanos) {
    if (nanos == Long.MAX_VALUE) {
      return "never";
    }
    String sign = nanos < 0 ? "-" : "";
    long abs = Math.abs(nanos);
    long totalMillis = abs / NANOS_PER_MILLI;
    long subMilliNanos = abs % NANOS_PER_MILLI;
    long hours = totalMillis / 3_600_000;
    long minutes = totalMillis / 60_000 % 60;
    long millisOfMinute = totalMillis % 60_000;
    String seconds =
        subMilliNanos == 0
            ? String.format("%d.%03d s", millisOfMinute / 1000, millisOfMinute % 1000)
            : String.format(
                "%d.%09d s", millisOfMinute / 1000, (millisOfMinute % 1000) * NANOS_PER_MILLI
                    + subMilliNanos);
    if (hours > 0) {
      return sign + hours + " h " + minutes + " min " + seconds;
    }
    if (minutes > 0) {
      return sign + minutes + " min " + seconds;
    }
    return sign + seconds;
  }
}
