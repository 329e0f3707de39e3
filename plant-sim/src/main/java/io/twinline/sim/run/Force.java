package io.twinline.sim.run;

import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalPath;
import io.twinline.line.SignalType;
import io.twinline.line.model.LineDefinition;
import io.twinline.sim.plant.Plant;
import java.util.Optional;

/**
 * Forces a signal to a value until {@link Release}d, as an engineer forces I/O on a PLC: a forced
 * input reads the forced value whatever the plant does (and whatever faults sit on it), a forced
 * output drives the plant with the forced value whatever the PLC writes (the PLC's last write
 * comes back on release). Any signal but a String one can be forced; forcing again changes the
 * value.
 */
public record Force(SignalPath path, Object value) implements Command {

  @Override
  public void apply(Plant plant) {
    plant.signals().get(path).force(value);
  }

  /** Refused for a signal that does not exist, a String signal, or a value that does not fit. */
  @Override
  public Optional<Refusal> refusal(LineDefinition line) {
    return refusal(SetSignal.definition(line, path));
  }

  @Override
  public Optional<Refusal> check(Plant plant) {
    return refusal(SetSignal.definition(plant, path));
  }

  private Optional<Refusal> refusal(Optional<SignalDefinition> found) {
    if (found.isEmpty() || io.twinline.sim.plant.SystemSignals.isSystem(path)) {
      return Optional.of(Refusal.notFound("there is no signal " + path));
    }
    if (found.get().type() == SignalType.STRING) {
      return Optional.of(Refusal.invalidArgument(path + " is a String signal; only Boolean and"
          + " numeric signals can be forced"));
    }
    return SetSignal.valueProblem(found.get(), value);
  }

  @Override
  public String describe() {
    return "force " + path + " = " + value;
  }
}
