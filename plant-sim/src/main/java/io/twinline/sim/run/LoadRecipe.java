package io.twinline.sim.run;

import io.twinline.sim.plant.Plant;

/**
 * Loads a recipe of the line ({@link Plant#loadRecipe}), as an operator selecting the next
 * product does. Journaled with the other commands, so a run with recipe changes replays.
 */
public record LoadRecipe(String name) implements Command {

  @Override
  public void apply(Plant plant) {
    plant.loadRecipe(name);
  }
}
