package io.twinline.sim.run;

import io.twinline.line.model.LineDefinition;
import io.twinline.sim.plant.Plant;
import java.util.Optional;

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

  /**
   * Why the plant of {@code line} would refuse this command, if it would, told from the line's
   * definition alone: for a console or a network client to answer before the command is queued,
   * instead of the simulation stopping on it. Any thread.
   */
  default Optional<String> refusal(LineDefinition line) {
    return Optional.empty();
  }
}
