package io.twinline.sim.kernel;

/** An entry of the {@link EventCalendar}. Ordered by (time, priority, sequence number). */
final class ScheduledEvent implements EventHandle {

  private static final byte PENDING = 0;
  private static final byte DONE = 1;
  private static final byte CANCELLED = 2;

  final long time;
  final int priority;
  final long sequence;
  final Action action;
  private final EventCalendar calendar;
  private byte state = PENDING;

  ScheduledEvent(EventCalendar calendar, long time, int priority, long sequence, Action action) {
    this.calendar = calendar;
    this.time = time;
    this.priority = priority;
    this.sequence = sequence;
    this.action = action;
  }

  /** The tie-breaking key: priority, then sequence, in one {@code long}. */
  long rank() {
    return ((long) (priority + 0x8000) << 47) | sequence;
  }

  boolean isCancelled() {
    return state == CANCELLED;
  }

  void markDone() {
    state = DONE;
  }

  @Override
  public long time() {
    return time;
  }

  @Override
  public boolean isPending() {
    return state == PENDING;
  }

  @Override
  public boolean cancel() {
    if (state != PENDING) {
      return false;
    }
    state = CANCELLED;
    calendar.cancelled();
    return true;
  }

  @Override
  public String toString() {
    return "event '" + action.describe() + "' at " + time + " ns (priority " + priority + ", #"
        + sequence + ")";
  }
}
