package io.twinline.sim.plant;

/**
 * A running component of the plant. Lives on the simulation thread; changes its state only in
 * events and signal callbacks.
 */
public interface Component {

  String name();

  /**
   * Called once, at simulated time 0, after every component was built and wired: schedule the
   * first events and listen to the signals the component reacts to.
   */
  default void start() {}
}
