package io.twinline.line.model;

import io.twinline.line.Direction;
import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalPath;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import java.time.Duration;
import java.util.List;

/**
 * Releases parts onto a conveyor at a fixed interval. When the start of the conveyor is still
 * occupied, the source is blocked and releases as soon as there is room.
 *
 * @param interval time between releases
 * @param firstRelease simulated time of the first release
 * @param part what is released
 * @param to the conveyor the parts are put on
 */
public record SourceDefinition(
    String name,
    String description,
    SourceLocation location,
    Duration interval,
    Duration firstRelease,
    PartTemplate part,
    String to)
    implements ComponentDefinition {

  public static final String TYPE = "source";
  public static final String RELEASED = "Released";
  public static final String BLOCKED = "Blocked";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<SignalDefinition> signals() {
    return List.of(
        new SignalDefinition(
            new SignalPath(name, RELEASED),
            SignalType.INT32,
            Direction.INPUT,
            "Parts released so far",
            location),
        new SignalDefinition(
            new SignalPath(name, BLOCKED),
            SignalType.BOOLEAN,
            Direction.INPUT,
            "A part is due but the start of " + to + " is occupied",
            location));
  }
}
