package io.twinline.sim.run;

import io.twinline.line.model.LineDefinition;
import io.twinline.sim.plant.Plant;
import java.util.Optional;

/**
 * Loads a recipe of the line ({@link Plant#loadRecipe}), as an operator selecting the next
 * product does. Journaled with the other commands, so a run with recipe changes replays.
 */
public record LoadRecipe(String name) implements Command {

  @Override
  public void apply(Plant plant) {
    plant.loadRecipe(name);
  }

  /** Refused unless the line has a recipe of that name (not found). */
  @Override
  public Optional<Refusal> refusal(LineDefinition line) {
    if (name != null && line.recipe(name).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(Refusal.notFound("line " + line.name() + " has no recipe '" + name + "'"
        + (line.recipes().isEmpty() ? "" : "; recipes: " + String.join(", ",
            line.recipes().stream().map(r -> r.name()).toList()))));
  }

  @Override
  public String describe() {
    return "load recipe " + name;
  }
}
