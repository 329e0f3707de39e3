package io.twinline.line.model;

import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import io.twinline.line.units.DurationDistribution;
import java.time.Duration;
import java.util.List;

/**
 * Releases parts onto a conveyor, one every {@code interval} (fixed or random). When the start of
 * the conveyor is still occupied, the source shows {@code Blocked} and releases as soon as there
 * is room. With several part types it picks one at random, by weight.
 */
public record SourceDefinition(
    String name,
    String description,
    SourceLocation location,
    DurationDistribution interval,
    Duration firstRelease,
    List<PartTemplate> parts,
    String to)
    implements ComponentDefinition {

  public static final String TYPE = "source";
  public static final String RELEASED = "Released";
  public static final String BLOCKED = "Blocked";

  public SourceDefinition {
    parts = List.copyOf(parts);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<SignalDefinition> signals() {
    return SignalsOf.component(this)
        .input(RELEASED, SignalType.INT32, "Parts released so far")
        .input(BLOCKED, SignalType.BOOLEAN, "A part is due but the start of " + to + " is occupied")
        .list();
  }
}
