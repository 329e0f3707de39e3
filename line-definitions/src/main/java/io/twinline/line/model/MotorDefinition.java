package io.twinline.line.model;

import io.twinline.line.Analog;
import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import io.twinline.line.fault.FaultKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An electric motor with running feedback and overload protection. {@code direct}: one {@code
 * Run} contactor. {@code reversing}: {@code Forward} and {@code Reverse} (both on: it does not
 * run). {@code vfd}: {@code Run} and a {@code SpeedRef} in percent. Speed follows the command with
 * a linear {@code ramp} (0 to 100 %), or, with {@code inertia}, as a first-order lag of that time
 * constant.
 */
public record MotorDefinition(
    String name,
    String description,
    SourceLocation location,
    Kind kind,
    Duration ramp,
    Optional<Duration> inertia,
    double runningThreshold)
    implements ComponentDefinition {

  public static final String TYPE = "motor";
  public static final String RUN = "Run";
  public static final String FORWARD = "Forward";
  public static final String REVERSE = "Reverse";
  public static final String SPEED_REF = "SpeedRef";
  public static final String RUNNING = "Running";
  public static final String SPEED = "Speed";
  public static final String OVERLOAD = "Overload";

  /** How the motor is switched. */
  public enum Kind {
    DIRECT,
    REVERSING,
    VFD
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<SignalDefinition> signals() {
    SignalsOf signals = SignalsOf.component(this);
    switch (kind) {
      case DIRECT -> signals.output(RUN, SignalType.BOOLEAN, "Contactor: run");
      case REVERSING -> signals
          .output(FORWARD, SignalType.BOOLEAN, "Contactor: run forward")
          .output(REVERSE, SignalType.BOOLEAN, "Contactor: run in reverse");
      case VFD -> signals
          .output(RUN, SignalType.BOOLEAN, "Drive enable: run")
          .analogOutput(SPEED_REF, new Analog("%", 0, 100), "Speed reference");
    }
    Analog speed = kind == Kind.REVERSING ? new Analog("%", -100, 100) : new Analog("%", 0, 100);
    return signals
        .input(RUNNING, SignalType.BOOLEAN, "Running feedback (speed above "
            + runningThreshold + " %)")
        .analogInput(SPEED, speed, "Actual speed")
        .input(OVERLOAD, SignalType.BOOLEAN, "Overload relay tripped")
        .list();
  }

  @Override
  public Set<FaultKind> faults() {
    return Set.of(FaultKind.OVERLOAD_TRIP);
  }
}
