package io.twinline.sim.run;

import io.twinline.line.model.ComponentDefinition;
import io.twinline.line.model.LineDefinition;
import io.twinline.sim.plant.Plant;
import java.util.Optional;
import java.util.TreeSet;

/** An operator action: press a button, open a door, turn a selector ({@code select:Auto}). */
public record Operate(String device, String action) implements Command {

  @Override
  public void apply(Plant plant) {
    plant.operate(device, action);
  }

  /**
   * Refused unless {@code device} is an operator device (not found) that can do {@code action}
   * (invalid argument).
   */
  @Override
  public Optional<Refusal> refusal(LineDefinition line) {
    Optional<ComponentDefinition> component =
        device == null ? Optional.empty() : line.component(device);
    if (component.isEmpty() || component.get().operatorActions().isEmpty()) {
      return Optional.of(Refusal.notFound("'" + device + "' is not an operator device (push"
          + " button, selector switch, e-stop, guard door)"));
    }
    if (!component.get().operatorActions().contains(action)) {
      return Optional.of(Refusal.invalidArgument(device + " cannot '" + action + "'; it can: "
          + String.join(", ", new TreeSet<>(component.get().operatorActions()))));
    }
    return Optional.empty();
  }

  @Override
  public String describe() {
    return action + " " + device;
  }
}
