package io.twinline.sim.kernel;

/** A scheduled event, as its scheduler sees it: it can be asked for its time and cancelled. */
public interface EventHandle {

  /** The simulated time (ns) the event is due at. */
  long time();

  /** True until the event has run or was cancelled. */
  boolean isPending();

  /**
   * Takes the event off the calendar; it will never run. Cancelling an event that already ran or
   * was cancelled does nothing.
   *
   * @return true if the event was pending
   */
  boolean cancel();
}
