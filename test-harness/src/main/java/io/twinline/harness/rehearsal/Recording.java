package io.twinline.harness.rehearsal;

import java.util.List;

/**
 * A session file as read: its header, the events that could be read, in file order, and the
 * problems met (a corrupted line is skipped, a truncated file ends early; both are named with
 * their line number here, and the rest stays usable).
 */
public record Recording(SessionHeader header, List<SessionEvent> events, List<String> problems) {

  public Recording {
    events = List.copyOf(events);
    problems = List.copyOf(problems);
  }

  /** The actions: what an operator, a script or a fault did. */
  public List<SessionEvent> actions() {
    return events.stream().filter(SessionEvent::isAction).toList();
  }

  /** The signal changes. */
  public List<SessionEvent.SignalChange> changes() {
    return events.stream().filter(e -> e instanceof SessionEvent.SignalChange)
        .map(e -> (SessionEvent.SignalChange) e).toList();
  }

  /** The time of the last event, ns. */
  public long end() {
    return events.isEmpty() ? 0 : events.get(events.size() - 1).time();
  }
}
