package io.twinline.sim.run;

import io.twinline.line.fault.FaultSpec;
import io.twinline.sim.plant.Plant;

/** Injects a fault (now, or at its start time) for its duration or until cleared. */
public record InjectFault(FaultSpec fault) implements Command {

  @Override
  public void apply(Plant plant) {
    plant.faults().schedule(fault);
  }
}
