package io.twinline.harness.run;

import io.twinline.sim.time.SimTime;

/**
 * Simulated times as engineers read them in messages and reports: to the millisecond ({@code
 * 7.945 s}, not {@code 7.944615821 s}). Traces and session files keep the nanoseconds.
 */
public final class Times {

  private Times() {}

  /** {@code nanos} rounded to the nearest millisecond, written as {@link SimTime#format} does. */
  public static String format(long nanos) {
    if (nanos == Long.MAX_VALUE) {
      return SimTime.format(nanos);
    }
    long half = SimTime.NANOS_PER_MILLI / 2;
    long millis = nanos >= 0 ? (nanos + half) / SimTime.NANOS_PER_MILLI
        : -((-nanos + half) / SimTime.NANOS_PER_MILLI);
    return SimTime.format(millis * SimTime.NANOS_PER_MILLI);
  }
}
