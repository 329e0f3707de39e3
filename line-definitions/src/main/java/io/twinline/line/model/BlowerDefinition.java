package io.twinline.line.model;

import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import io.twinline.line.fault.FaultKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An air blower (an air knife, a reject nozzle) acting over a window of a conveyor. While {@code
 * Blow} is on, every part whose leading edge is inside the window, from {@code from} to {@code
 * to} metres, is blown off the belt: into {@code into} (a sink, buffer or conveyor) if given and
 * it has room, otherwise off the line. A part that passes the window while the valve is off rides
 * on: the PLC's timing matters.
 *
 * @param from start of the window, metres from the start of the conveyor
 * @param to end of the window, metres
 * @param into where blown parts land, if anywhere
 */
public record BlowerDefinition(
    String name,
    String description,
    SourceLocation location,
    String conveyor,
    double from,
    double to,
    Optional<String> into)
    implements ComponentDefinition, MountedDefinition {

  public static final String TYPE = "blower";
  public static final String BLOW = "Blow";
  public static final String BLOWN = "Blown";

  /** The far end of the window: the blower's footprint ends there. */
  @Override
  public double position() {
    return to;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<SignalDefinition> signals() {
    return SignalsOf.component(this)
        .output(BLOW, SignalType.BOOLEAN,
            "Valve: true blows off parts between " + from + " m and " + to + " m")
        .input(BLOWN, SignalType.INT32, "Parts blown off so far")
        .list();
  }

  @Override
  public Set<FaultKind> faults() {
    return Set.of();
  }
}
