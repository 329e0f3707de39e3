package io.twinline.harness.rehearsal;

import io.twinline.line.fault.FaultSpec;

/**
 * One thing that happened in a recorded session, at simulated time {@code time} (ns since the
 * start of the run). A line of the session file each.
 */
public sealed interface SessionEvent {

  long time();

  /** A signal changed (any signal: PLC outputs, plant inputs, variables). */
  record SignalChange(long time, String signal, Object value) implements SessionEvent {}

  /** An operator acted on a device: press, release, open, select:Auto, ... */
  record Operated(long time, String device, String action) implements SessionEvent {}

  /** A recipe was loaded. */
  record RecipeLoaded(long time, String recipe) implements SessionEvent {}

  /** A fault was injected. */
  record FaultInjected(long time, FaultSpec fault) implements SessionEvent {}

  /** A fault was cleared. */
  record FaultCleared(long time, String id) implements SessionEvent {}

  /** The end of the session: the last line of a file that was closed properly. */
  record Ended(long time) implements SessionEvent {}

  /** Whether replaying means doing it again (an action), rather than seeing it happen. */
  default boolean isAction() {
    return !(this instanceof SignalChange) && !(this instanceof Ended);
  }
}
