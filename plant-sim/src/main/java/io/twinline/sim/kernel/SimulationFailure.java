package io.twinline.sim.kernel;

/**
 * An event's action threw: the simulation stops, because a plant in an unknown state gives
 * results nobody can trust. The message names the event and the simulated time.
 */
public final class SimulationFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final long simTime;

  public SimulationFailure(String message, long simTime, Throwable cause) {
    super(message, cause);
    this.simTime = simTime;
  }

  /** When it happened, in simulated nanoseconds. */
  public long simTime() {
    return simTime;
  }
}
