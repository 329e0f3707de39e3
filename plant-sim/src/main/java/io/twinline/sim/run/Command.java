package io.twinline.sim.run;

import io.twinline.sim.plant.Plant;

/**
 * Something another thread wants done to the plant. The simulation thread applies it at the next
 * I/O cycle, in the order commands were submitted.
 */
@FunctionalInterface
public interface Command {

  void apply(Plant plant);
}
