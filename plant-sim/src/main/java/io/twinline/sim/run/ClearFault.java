package io.twinline.sim.run;

import io.twinline.sim.plant.Plant;
import java.util.Optional;

/** Ends a fault. Clearing a fault that is not there does nothing (and is refused if checked). */
public record ClearFault(String id) implements Command {

  @Override
  public void apply(Plant plant) {
    plant.faults().clear(id);
  }

  @Override
  public Optional<Refusal> check(Plant plant) {
    if (id == null || !plant.faults().has(id)) {
      return Optional.of(Refusal.notFound("there is no fault '" + id + "'"
          + (plant.faults().ids().isEmpty() ? "" : "; faults: "
              + String.join(", ", plant.faults().ids()))));
    }
    return Optional.empty();
  }

  @Override
  public String describe() {
    return "clear fault " + id;
  }
}
