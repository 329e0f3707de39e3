package io.twinline.sim.flow;

/**
 * Something parts can be handed to: a conveyor, station, buffer or sink. Positions are in the
 * receiver's own frame, metres from its start.
 */
public interface PartReceiver {

  String name();

  /**
   * Whether {@code part} can be put down now with its leading edge at {@code leadPosition} (0 for
   * a part pushed onto the start, the part's length for a part that is entirely on).
   */
  boolean canReceive(Part part, double leadPosition);

  /**
   * Announces that {@code part} is on its way (its trailing edge still on the feeder): nothing
   * else may take its place until it is received.
   */
  default void expect(Part part) {}

  /**
   * The part announced by {@link #expect} will not come after all (a pusher or a blower took it
   * off the feeder's end): its place is free again.
   */
  default void forget(Part part) {}

  /** Takes {@code part}; only after {@link #canReceive} said yes. */
  void receive(Part part, double leadPosition);

  /**
   * Asks to be told once when {@link #canReceive} for such a part may have become true. The
   * callback runs as its own event at the simulated time that happens, never nested in the
   * receiver's own processing.
   */
  void whenReady(Part part, double leadPosition, Runnable callback);
}
