package io.twinline.line.model;

import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import io.twinline.line.fault.FaultKind;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A pneumatic cylinder with end switches. Single acting: {@code Extend} on extends it, off lets
 * the spring retract it. Double acting: {@code Extend} and {@code Retract} valves; with both on
 * the piston stays where it is; with both off it does what the valve's centre position makes it do
 * (see {@link PistonValves}).
 */
public record CylinderDefinition(
    String name,
    String description,
    SourceLocation location,
    boolean doubleActing,
    Duration stroke,
    Duration retractTime,
    PistonValves valves)
    implements ComponentDefinition {

  /** A cylinder with the closed-centre (or spring) valving its acting implies. */
  public CylinderDefinition(
      String name, String description, SourceLocation location, boolean doubleActing,
      Duration stroke, Duration retractTime) {
    this(name, description, location, doubleActing, stroke, retractTime,
        doubleActing ? PistonValves.DOUBLE : PistonValves.SPRING);
  }

  public static final String TYPE = "cylinder";
  public static final String EXTEND = "Extend";
  public static final String RETRACT = "Retract";
  public static final String EXTENDED = "Extended";
  public static final String RETRACTED = "Retracted";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<SignalDefinition> signals() {
    SignalsOf signals =
        SignalsOf.component(this).output(EXTEND, SignalType.BOOLEAN, "Valve: extend");
    if (doubleActing) {
      signals.output(RETRACT, SignalType.BOOLEAN, "Valve: retract");
    }
    return signals
        .input(EXTENDED, SignalType.BOOLEAN, "End switch: fully extended")
        .input(RETRACTED, SignalType.BOOLEAN, "End switch: fully retracted")
        .list();
  }

  @Override
  public Set<FaultKind> faults() {
    return Set.of(FaultKind.STICKING);
  }
}
