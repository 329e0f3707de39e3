package io.twinline.sim.kernel;

import java.util.Objects;

/**
 * What happens when a scheduled event fires. Runs on the simulation thread, at the event's
 * simulated time; it may read and change plant state and schedule further events.
 *
 * <p>An action that throws stops the simulation (see {@link SimulationFailure}).
 */
@FunctionalInterface
public interface Action {

  void run();

  /** A short description for traces and failure messages, e.g. "Infeed: next part event". */
  default String describe() {
    return getClass().getSimpleName();
  }

  /** An action with a name, for traces. Create it once and schedule it many times. */
  static Action named(String description, Runnable body) {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(body, "body");
    return new Action() {
      @Override
      public void run() {
        body.run();
      }

      @Override
      public String describe() {
        return description;
      }

      @Override
      public String toString() {
        return description;
      }
    };
  }
}
