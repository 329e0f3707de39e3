package io.twinline.sim.kernel;

/**
 * Priorities of events due at the same simulated time: lower runs first. Events of equal time and
 * priority run in the order they were scheduled.
 */
public final class Priority {

  /** The PLC's outputs are applied before the plant moves at the same instant. */
  public static final int IO_EXCHANGE = -100;

  /** Plant behaviour. */
  public static final int NORMAL = 0;

  /** Runs after everything else at the same instant, e.g. an observer. */
  public static final int LATE = 100;

  private Priority() {}
}
