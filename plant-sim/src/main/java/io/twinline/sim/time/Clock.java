package io.twinline.sim.time;

/**
 * Paces the simulation thread against the wall clock. The kernel itself never waits; before the
 * runner moves simulated time forward it asks the clock whether it may.
 *
 * <p>{@link VirtualClock} never waits (as fast as possible, or stepped); {@link RealTimeClock}
 * waits until the wall clock has caught up, optionally scaled.
 *
 * <p>{@link #awaitSimTime} is called by the simulation thread only; {@link #wakeUp} by any
 * thread.
 */
public interface Clock {

  /**
   * Waits until the simulation may run events at {@code simTime}.
   *
   * @return true when that time is reached, false if {@link #wakeUp()} cut the wait short
   */
  boolean awaitSimTime(long simTime) throws InterruptedException;

  /**
   * Ties {@code simTime} to the wall clock's present, e.g. when the simulation starts or resumes
   * after a pause, so that paused time is not caught up.
   */
  void anchor(long simTime);

  /** Cuts a wait of {@link #awaitSimTime} short. */
  void wakeUp();

  /** How far behind its schedule the simulation ran at the last wait, ns (0 when on time). */
  default long lagNanos() {
    return 0;
  }
}
