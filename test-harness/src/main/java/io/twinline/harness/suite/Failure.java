package io.twinline.harness.suite;

import io.twinline.line.SourceLocation;
import java.util.List;

/**
 * Why a sequence failed.
 *
 * @param message what was expected and what happened
 * @param location the failing step in its file
 * @param time simulated time of the failure, ns
 * @param timeline the signals involved around the failure
 * @param lastEvents the last actions and signal changes before it, oldest first ({@code 12.340 s
 *     Infeed/MotorOn = true})
 * @param overview the same signals over the whole run, or null
 * @param invariant whether an invariant ({@code never}) broke, rather than the running step
 */
public record Failure(
    String message,
    SourceLocation location,
    long time,
    Timeline timeline,
    List<Event> lastEvents,
    Timeline overview,
    boolean invariant) {

  public Failure(String message, SourceLocation location, long time, Timeline timeline,
      List<Event> lastEvents) {
    this(message, location, time, timeline, lastEvents, null, false);
  }

  /** Something that happened at a simulated time. */
  public record Event(long time, String text) {}
}
