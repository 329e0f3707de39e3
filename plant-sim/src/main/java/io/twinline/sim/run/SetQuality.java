package io.twinline.sim.run;

import io.twinline.line.SignalPath;
import io.twinline.line.model.LineDefinition;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.signal.SignalQuality;
import java.util.List;
import java.util.Optional;

/**
 * Sets the quality the signals' values are published with, at once, values unchanged: a
 * controller feeding them (a PLC coupling) says its link is down ({@link
 * SignalQuality#COMM_FAILURE}) or back ({@link SignalQuality#GOOD}).
 */
public record SetQuality(List<SignalPath> paths, SignalQuality quality) implements Command {

  public SetQuality {
    paths = List.copyOf(paths);
  }

  @Override
  public void apply(Plant plant) {
    for (SignalPath path : paths) {
      plant.signals().get(path).publishQuality(quality);
    }
  }

  @Override
  public Optional<Refusal> refusal(LineDefinition line) {
    for (SignalPath path : paths) {
      if (SetSignal.definition(line, path).isEmpty()) {
        return Optional.of(Refusal.notFound("there is no signal " + path));
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<Refusal> check(Plant plant) {
    for (SignalPath path : paths) {
      if (SetSignal.definition(plant, path).isEmpty()) {
        return Optional.of(Refusal.notFound("there is no signal " + path));
      }
    }
    return Optional.empty();
  }

  @Override
  public String describe() {
    return "quality " + quality + " on " + paths.size() + " signals";
  }
}
