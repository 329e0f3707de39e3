package io.twinline.line.model;

import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import io.twinline.line.fault.FaultKind;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A swing-arm diverter on a conveyor: while the arm is fully across the belt, every part whose
 * leading edge reaches its position is sent to {@code to} instead of going on.
 */
public record DiverterDefinition(
    String name,
    String description,
    SourceLocation location,
    String conveyor,
    double position,
    String to,
    Duration stroke)
    implements ComponentDefinition, MountedDefinition {

  public static final String TYPE = "diverter";
  public static final String DIVERT = "Divert";
  public static final String DIVERTING = "Diverting";
  public static final String DIVERTED = "Diverted";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<SignalDefinition> signals() {
    return SignalsOf.component(this)
        .output(DIVERT, SignalType.BOOLEAN, "Valve: true swings the arm across the belt")
        .input(DIVERTING, SignalType.BOOLEAN, "Arm fully across: parts go to " + to)
        .input(DIVERTED, SignalType.INT32, "Parts sent to " + to + " so far")
        .list();
  }

  @Override
  public Set<FaultKind> faults() {
    return Set.of(FaultKind.STICKING);
  }
}
