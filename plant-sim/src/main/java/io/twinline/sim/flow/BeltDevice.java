package io.twinline.sim.flow;

/**
 * A device mounted on a conveyor at a position that can hold parts back (a raised stop gate, a
 * diverter waiting for room) or take them off (a diverter). The conveyor asks it; the device tells
 * the conveyor when its state changes ({@link Conveyor#devicesChanged()}).
 */
public interface BeltDevice {

  /** Metres from the start of the conveyor. */
  double position();

  /** Whether parts that have not yet passed the position must stop there. */
  boolean holdsParts();

  /** Whether a part whose leading edge reaches the position is offered to {@link #take}. */
  default boolean takesParts() {
    return false;
  }

  /**
   * Offered a part whose leading edge is at the position: true if the device took it off the
   * belt (the conveyor then forgets it), false if it lets it pass or holds it (see {@link
   * #holdsParts()}).
   */
  default boolean take(Part part) {
    return false;
  }
}
