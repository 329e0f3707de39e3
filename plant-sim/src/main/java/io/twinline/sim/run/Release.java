package io.twinline.sim.run;

import io.twinline.line.SignalPath;
import io.twinline.line.model.LineDefinition;
import io.twinline.sim.plant.Plant;
import java.util.Optional;

/** Ends the forcing of a signal ({@link Force}): the plant and the PLC drive it again. */
public record Release(SignalPath path) implements Command {

  @Override
  public void apply(Plant plant) {
    plant.signals().get(path).release();
  }

  @Override
  public Optional<Refusal> refusal(LineDefinition line) {
    return SetSignal.definition(line, path).isPresent()
        ? Optional.empty() : Optional.of(Refusal.notFound("there is no signal " + path));
  }

  /** Also refused (invalid state) if the signal is not forced. */
  @Override
  public Optional<Refusal> check(Plant plant) {
    if (SetSignal.definition(plant, path).isEmpty()) {
      return Optional.of(Refusal.notFound("there is no signal " + path));
    }
    if (!plant.signals().get(path).isForced()) {
      return Optional.of(Refusal.invalidState(path + " is not forced"));
    }
    return Optional.empty();
  }

  @Override
  public String describe() {
    return "release " + path;
  }
}
