package io.twinline.sim.flow;

import io.twinline.sim.plant.Component;
import io.twinline.sim.signal.Signal;

/**
 * A photo-eye across a conveyor. The conveyor it is mounted on tells it when parts block and
 * clear the beam; the eye shows that on its signal.
 */
public final class PhotoEye implements Component {

  private final String name;
  private final double position;
  private final Signal signal;

  public PhotoEye(String name, double position, Signal signal) {
    this.name = name;
    this.position = position;
    this.signal = signal;
  }

  @Override
  public String name() {
    return name;
  }

  /** Metres from the start of its conveyor. */
  public double position() {
    return position;
  }

  public Signal signal() {
    return signal;
  }

  public boolean isBlocked() {
    return signal.booleanValue();
  }

  void setBlocked(boolean blocked) {
    signal.set(blocked);
  }
}
