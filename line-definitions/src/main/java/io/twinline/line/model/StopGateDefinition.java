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
 * there (their leading edge at the blade). The blade takes {@code stroke} to rise or fall. Its
 * cylinder is single acting: by default the valve ({@code Raise}) raises the blade and the spring
 * lowers it; a fail-safe stop ({@code rest: raised}) is raised by its spring and lowered while its
 * valve ({@code Lower}) is on, so it holds parts whenever the valve has no power.
 *
 * @param restsRaised the spring raises the blade (the valve is {@code Lower})
 */
public record StopGateDefinition(
    String name,
    String description,
    SourceLocation location,
    String conveyor,
    double position,
    Duration stroke,
    boolean restsRaised)
    implements ComponentDefinition, MountedDefinition {

  /** A stop gate raised by its valve and lowered by its spring. */
  public StopGateDefinition(
      String name, String description, SourceLocation location, String conveyor,
      double position, Duration stroke) {
    this(name, description, location, conveyor, position, stroke, false);
  }

  public static final String TYPE = "stop-gate";
  public static final String RAISE = "Raise";
  public static final String LOWER = "Lower";
  public static final String RAISED = "Raised";
  public static final String LOWERED = "Lowered";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<SignalDefinition> signals() {
    SignalsOf signals = SignalsOf.component(this);
    if (restsRaised) {
      signals.output(LOWER, SignalType.BOOLEAN,
          "Valve: true lowers the blade; without it the spring raises it and stops parts");
    } else {
      signals.output(RAISE, SignalType.BOOLEAN, "Valve: true raises the blade and stops parts");
    }
    return signals
        .input(RAISED, SignalType.BOOLEAN, "Blade fully up")
        .input(LOWERED, SignalType.BOOLEAN, "Blade fully down")
        .list();
  }

  @Override
  public Set<FaultKind> faults() {
    return Set.of(FaultKind.STICKING);
  }
}
