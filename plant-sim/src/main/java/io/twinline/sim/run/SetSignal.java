package io.twinline.sim.run;

import io.twinline.line.Analog;
import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalPath;
import io.twinline.line.SignalType;
import io.twinline.line.model.LineDefinition;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.signal.SignalValues;
import java.util.Optional;

/**
 * Sets a signal, as a PLC writing an output does. The value must fit the signal's type (Boolean,
 * Integer or Double); {@link #refusal} says when it does not.
 */
public record SetSignal(SignalPath path, Object value) implements Command {

  @Override
  public void apply(Plant plant) {
    plant.signals().get(path).setValue(value);
  }

  /**
   * Refused if there is no such signal (not found), if the plant drives it (an input that is not
   * writable by clients: not allowed), or if the value does not fit its type or engineering
   * range (invalid argument).
   */
  @Override
  public Optional<Refusal> refusal(LineDefinition line) {
    return refusal(definition(line, path));
  }

  @Override
  public Optional<Refusal> check(Plant plant) {
    return refusal(definition(plant, path));
  }

  private Optional<Refusal> refusal(Optional<SignalDefinition> found) {
    if (found.isEmpty()) {
      return Optional.of(Refusal.notFound("there is no signal " + path));
    }
    SignalDefinition definition = found.get();
    if (!definition.clientWritable()) {
      return Optional.of(Refusal.notAllowed(path + " is an input that the plant drives (a sensor"
          + " or feedback); force it, inject a fault, or mark it 'writableByClients'"));
    }
    return valueProblem(definition, value);
  }

  /** The definition of the signal at {@code path} in {@code line} (looks through every signal). */
  static Optional<SignalDefinition> definition(LineDefinition line, SignalPath path) {
    return path == null ? Optional.empty()
        : line.signals().stream().filter(s -> s.path().equals(path)).findFirst();
  }

  /** The definition of the plant's signal at {@code path} (a map look-up). */
  static Optional<SignalDefinition> definition(Plant plant, SignalPath path) {
    return path == null ? Optional.empty()
        : plant.signals().find(path).map(io.twinline.sim.signal.Signal::definition);
  }

  /**
   * Why {@code value} does not fit {@code definition}'s type or engineering range, if it does not
   * (raw counts are not range checked: analog cards accept overrange). Any thread.
   */
  public static Optional<Refusal> valueProblem(SignalDefinition definition, Object value) {
    if (definition.type() == SignalType.STRING) {
      return value instanceof String ? Optional.empty() : Optional.of(Refusal.invalidArgument(
          definition.path() + " takes a String, not " + value));
    }
    try {
      SignalValues.toBits(definition.type(), value);
    } catch (IllegalArgumentException e) {
      return Optional.of(Refusal.invalidArgument(definition.path() + ": " + e.getMessage()));
    }
    if (definition.analog().isPresent() && definition.rawOf().isEmpty()) {
      Analog range = definition.analog().get();
      double number = ((Number) (value instanceof Boolean b ? (b ? 1 : 0) : value)).doubleValue();
      if (!(number >= range.min() && number <= range.max())) {
        return Optional.of(Refusal.invalidArgument(definition.path() + " takes " + range.min()
            + ".." + range.max() + " " + range.unit() + ", not " + value));
      }
    }
    return Optional.empty();
  }

  @Override
  public String describe() {
    return "set " + path + " = " + value;
  }
}
