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
 *
 * <p>A command says itself whether the plant would refuse it: {@link #refusal(LineDefinition)}
 * from the line's definition alone (any thread, to answer a network client before anything is
 * queued), and {@link #check(Plant)} against the plant's state on the simulation thread, right
 * before it is applied ({@link LineControl} does both). A command that passes its check must
 * apply without throwing.
 */
@FunctionalInterface
public interface Command {

  void apply(Plant plant);

  /**
   * Why the plant of {@code line} would refuse this command, told from the line's definition
   * alone. Any thread.
   */
  default Optional<Refusal> refusal(LineDefinition line) {
    return Optional.empty();
  }

  /**
   * Why the plant would refuse this command now: {@link #refusal(LineDefinition)} and whatever
   * depends on the plant's state (a fault id in use, a signal not forced). Simulation thread only.
   */
  default Optional<Refusal> check(Plant plant) {
    return refusal(plant.definition());
  }

  /** What the command does, in words, for outcomes and logs ("press StartButton"). */
  default String describe() {
    return toString();
  }
}
