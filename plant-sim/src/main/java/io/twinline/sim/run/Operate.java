package io.twinline.sim.run;

import io.twinline.sim.plant.Plant;

/** An operator action: press a button, open a door, turn a selector ({@code select:Auto}). */
public record Operate(String device, String action) implements Command {

  @Override
  public void apply(Plant plant) {
    plant.operate(device, action);
  }
}
