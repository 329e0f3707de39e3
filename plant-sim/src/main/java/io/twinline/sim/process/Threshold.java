package io.twinline.sim.process;

import java.util.function.Consumer;

/**
 * A switch on one state variable of a continuous model, with hysteresis: a level switch, a
 * thermostat, a running feedback. It is either on or off; the next crossing that changes it is a
 * crossing of one level in one direction, which the model hands to Hipparchus event detection.
 */
public final class Threshold {

  private final String name;
  private final int index;
  private final boolean onAbove;
  private final double onLevel;
  private final double offLevel;
  private final Consumer<Boolean> output;
  private boolean on;

  /**
   * @param index the state variable it watches
   * @param onAbove true: on when the variable rises above {@code onLevel}, off when it falls below
   *     {@code offLevel} (≤ onLevel); false: on when it falls below {@code onLevel}, off when it
   *     rises above {@code offLevel} (≥ onLevel)
   * @param output told the new state at each change
   */
  public Threshold(
      String name, int index, boolean onAbove, double onLevel, double offLevel,
      Consumer<Boolean> output) {
    if (onAbove ? offLevel > onLevel : offLevel < onLevel) {
      throw new IllegalArgumentException(name + ": hysteresis the wrong way round");
    }
    this.name = name;
    this.index = index;
    this.onAbove = onAbove;
    this.onLevel = onLevel;
    this.offLevel = offLevel;
    this.output = output;
  }

  /** A switch without hysteresis. */
  public static Threshold at(String name, int index, double level, boolean onAbove,
      Consumer<Boolean> output) {
    return new Threshold(name, index, onAbove, level, level, output);
  }

  public String name() {
    return name;
  }

  int index() {
    return index;
  }

  public boolean isOn() {
    return on;
  }

  /** The level whose crossing would switch it now. */
  double nextLevel() {
    return on ? offLevel : onLevel;
  }

  /** Whether that crossing is upwards. */
  boolean nextCrossingRises() {
    return onAbove != on;
  }

  /** Sets the state from a value, without hysteresis memory (at the start of a run). */
  void initialise(double value) {
    on = onAbove ? value >= onLevel : value <= onLevel;
    output.accept(on);
  }

  /** The watched variable crossed {@link #nextLevel()}. */
  void toggle() {
    on = !on;
    output.accept(on);
  }

  /** Whether {@code value} is past the next level (a crossing was missed or just happened). */
  boolean isPast(double value) {
    return nextCrossingRises() ? value >= nextLevel() : value <= nextLevel();
  }
}
