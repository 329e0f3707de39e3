package io.twinline.stplc.runtime;

/**
 * The PLC's clock: simulated time at the start of the running scan, ns. The runtime is handed
 * the time; it never reads a wall clock, so every run repeats.
 */
public final class Clock {
  public long now;
}
