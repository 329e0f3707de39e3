package io.twinline.sim.operator;

import io.twinline.sim.plant.Component;

/** Plain variables: their signals carry values and nothing in the plant reacts to them. */
public final class Variables implements Component {

  private final String name;

  public Variables(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }
}
