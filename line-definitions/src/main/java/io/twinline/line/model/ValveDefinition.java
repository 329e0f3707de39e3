package io.twinline.line.model;

import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import io.twinline.line.fault.FaultKind;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A process valve with limit switches: {@code Open} on opens it over {@code travel}, off closes
 * it (spring return). Its opening (0..1) sets the flow of the tank ports it serves.
 */
public record ValveDefinition(
    String name, String description, SourceLocation location, Duration travel)
    implements ComponentDefinition {

  public static final String TYPE = "valve";
  public static final String OPEN = "Open";
  public static final String IS_OPEN = "IsOpen";
  public static final String IS_CLOSED = "IsClosed";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<SignalDefinition> signals() {
    return SignalsOf.component(this)
        .output(OPEN, SignalType.BOOLEAN, "Solenoid: open")
        .input(IS_OPEN, SignalType.BOOLEAN, "Limit switch: fully open")
        .input(IS_CLOSED, SignalType.BOOLEAN, "Limit switch: fully closed")
        .list();
  }

  @Override
  public Set<FaultKind> faults() {
    return Set.of(FaultKind.STICKING);
  }
}
