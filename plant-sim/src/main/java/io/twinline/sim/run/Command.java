package io.twinline.sim.run;

import io.twinline.sim.plant.Plant;

/**
 * Something from outside that changes the plant: a PLC write, an operator action, a fault. The
 * simulation thread applies it at the next I/O cycle (or, from a harness on the simulation thread
 * itself, at once), and journals it with its time, so a run can be replayed exactly. A command
 * must therefore be a deterministic function of the plant's state: the records of this package
 * are.
 */
@FunctionalInterface
public interface Command {

  void apply(Plant plant);
}
