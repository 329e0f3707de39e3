package io.twinline.sim.run;

import io.twinline.sim.plant.Plant;

/** Ends a fault. Clearing a fault that is not there does nothing. */
public record ClearFault(String id) implements Command {

  @Override
  public void apply(Plant plant) {
    plant.faults().clear(id);
  }
}
