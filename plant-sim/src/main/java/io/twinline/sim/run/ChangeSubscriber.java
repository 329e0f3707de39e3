package io.twinline.sim.run;

import io.twinline.sim.signal.ChangeSet;

/**
 * Receives the signal changes the simulation publishes: once a snapshot of every signal when the
 * run starts, then the changes of each stretch of simulated time, in order.
 *
 * <p>Called on the simulation thread: return quickly and never block. The change set is immutable
 * and may be kept.
 */
@FunctionalInterface
public interface ChangeSubscriber {

  void onChanges(ChangeSet changes);
}
