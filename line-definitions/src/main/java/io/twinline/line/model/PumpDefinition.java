package io.twinline.line.model;

import io.twinline.line.SignalDefinition;
import io.twinline.line.SourceLocation;
import io.twinline.line.fault.FaultKind;
import java.util.List;
import java.util.Set;

/**
 * A centrifugal pump by its data sheet: its motor (contactor or drive, ramp, running feedback,
 * overload) and its rated flow at full speed. A tank port through the pump moves the rated flow
 * times the speed, unless the port gives its own flow.
 *
 * @param motor the pump's motor; its name is the pump's, its signals are the pump's
 * @param ratedFlow m³/s at full speed
 */
public record PumpDefinition(MotorDefinition motor, double ratedFlow)
    implements ComponentDefinition {

  public static final String TYPE = "pump";

  @Override
  public String name() {
    return motor.name();
  }

  @Override
  public String description() {
    return motor.description();
  }

  @Override
  public SourceLocation location() {
    return motor.location();
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<SignalDefinition> signals() {
    return motor.signals();
  }

  @Override
  public Set<FaultKind> faults() {
    return motor.faults();
  }
}
