package io.twinline.sim.signal;

/**
 * One fault between the side of a signal that is driven (the plant for an input, the PLC for an
 * output) and the side that is read. Stages are applied in the order they were injected.
 *
 * <p>A stage may change its output without its input changing (a drop-out's blink, a delayed
 * value arriving, new noise); it then calls {@link Signal#refresh()}. Simulation thread only.
 */
public interface SignalFaultStage {

  /** The id of the fault this stage belongs to. */
  String faultId();

  /** The value this stage passes on for {@code input}, at the current simulated time. */
  long apply(long input);

  /** Called when the stage is removed: cancel any events it scheduled. */
  default void detach() {}
}
