package io.twinline.sim.plant;

/**
 * A component whose parameters a recipe can change while the line runs (a conveyor's speed, a
 * station's process time, a guide's position). Simulation thread only.
 */
public interface Tunable {

  /**
   * Takes a new value of {@code parameter}, as {@link
   * io.twinline.line.model.RecipeDefinition.Setting} gives it (the line reader has checked both).
   * What takes time physically (a guide travelling) starts here and takes its time.
   *
   * @throws IllegalArgumentException for a parameter the component does not have
   */
  void tune(String parameter, Object value);
}
