package io.twinline.sim.run;

import io.twinline.line.SignalPath;
import io.twinline.sim.plant.Plant;

/**
 * Sets a signal, as a PLC writing an output does. The value must fit the signal's type (Boolean,
 * Integer or Double); check that at the edge, where the writer can be told.
 */
public record SetSignal(SignalPath path, Object value) implements Command {

  @Override
  public void apply(Plant plant) {
    plant.signals().get(path).setValue(value);
  }
}
