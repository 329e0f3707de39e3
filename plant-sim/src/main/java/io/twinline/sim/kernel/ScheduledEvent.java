package io.twinline.sim.kernel;

/** An entry of the {@link EventCalendar}. Ordered by (time, priority, sequence number). */
final class ScheduledEvent implements EventHandle {

  final long time;
  final int priority;
  final long sequence;
  final Action action;
  private final EventCalendar calendar;

  /** Position in the calendar's heap, or -1 once the event has left it. */
  int heapIndex = -1;

  ScheduledEvent(EventCalendar calendar, long time, int priority, long sequence, Action action) {
    this.calendar = calendar;
    this.time = time;
    this.priority = priority;
    this.sequence = sequence;
    this.action = action;
  }

  boolean runsBefore(ScheduledEvent other) {
    if (time != other.time) {
      return time < other.time;
    }
    if (priority != other.priority) {
      return priority < other.priority;
    }
    return sequence < other.sequence;
  }

  @Override
  public long time() {
    return time;
  }

  @Override
  public boolean isPending() {
    return heapIndex >= 0;
  }

  @Override
  public boolean cancel() {
    return calendar.remove(this);
  }

  @Override
  public String toString() {
    return "event '" + action.describe() + "' at " + time + " ns (priority " + priority + ", #"
        + sequence + ")";
  }
}
