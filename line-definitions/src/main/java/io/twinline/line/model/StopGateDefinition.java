package io.twinline.line.model;

import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import io.twinline.line.fault.FaultKind;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A blade stop on a conveyor: while raised, parts that have not yet passed its position stop
 * there (their leading edge at the blade). The blade takes {@code stroke} to rise or fall.
 */
public record StopGateDefinition(
    String name,
    String description,
    SourceLocation location,
    String conveyor,
    double position,
    Duration stroke)
    implements ComponentDefinition, MountedDefinition {

  public static final String TYPE = "stop-gate";
  public static final String RAISE = "Raise";
  public static final String RAISED = "Raised";
  public static final String LOWERED = "Lowered";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<SignalDefinition> signals() {
    return SignalsOf.component(this)
        .output(RAISE, SignalType.BOOLEAN, "Valve: true raises the blade and stops parts")
        .input(RAISED, SignalType.BOOLEAN, "Blade fully up")
        .input(LOWERED, SignalType.BOOLEAN, "Blade fully down")
        .list();
  }

  @Override
  public Set<FaultKind> faults() {
    return Set.of(FaultKind.STICKING);
  }
}
