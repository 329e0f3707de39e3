package io.twinline.web;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened on the line that a person at the console wants to see: faults, forcing, recipe
 * loads, operator actions, state changes and refused requests, whoever made them (HTTP, OPC UA,
 * a PLC coupling). The last {@value #CAPACITY} are kept; each has a sequence number, so a viewer
 * asks for the ones after the last it saw. Event loop only.
 */
final class EventLog {

  static final int CAPACITY = 1000;

  /**
   * One event.
   *
   * @param seq 1 for the first event, one more for each after
   * @param simTime simulated time it happened at, ns
   * @param wallMillis wall-clock time it was logged, ms since 1970
   * @param kind fault, force, recipe, operator, state, write or refused
   * @param text what happened, in words
   * @param by who did it: a user of the console or API, "another client" for the other doors
   *     (OPC UA, a coupling), "line"
   *     for what the line did by itself
   */
  record Event(long seq, long simTime, long wallMillis, String kind, String text, String by) {
    JsonObject toJson() {
      return new JsonObject().put("seq", seq).put("simTime", simTime).put("wall", wallMillis)
          .put("kind", kind).put("text", text).put("by", by);
    }
  }

  private final Event[] ring = new Event[CAPACITY];
  private long last;

  Event add(long simTime, String kind, String text, String by) {
    Event event = new Event(++last, simTime, System.currentTimeMillis(), kind, text, by);
    ring[(int) (event.seq() % CAPACITY)] = event;
    return event;
  }

  /** The sequence number of the newest event, 0 if none. */
  long last() {
    return last;
  }

  /** The events after {@code seq} still kept, oldest first. */
  List<Event> since(long seq) {
    long from = Math.max(seq + 1, last - CAPACITY + 1);
    List<Event> events = new ArrayList<>();
    for (long s = Math.max(1, from); s <= last; s++) {
      events.add(ring[(int) (s % CAPACITY)]);
    }
    return events;
  }
}
