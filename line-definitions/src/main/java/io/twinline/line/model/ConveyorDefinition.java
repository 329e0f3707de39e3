package io.twinline.line.model;

import io.twinline.line.Direction;
import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalPath;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * A belt conveyor driven by one motor. Parts move at {@code speed} while the motor is on and
 * stand still while it is off; they queue up behind each other (keeping {@code minGap}) at the end
 * when nothing takes them.
 *
 * @param length metres
 * @param speed metres per second with the motor on
 * @param minGap the smallest gap kept between queued parts, metres
 * @param to where parts go at the end (a conveyor or a sink), or empty: parts queue at the end
 */
public record ConveyorDefinition(
    String name,
    String description,
    SourceLocation location,
    double length,
    double speed,
    double minGap,
    Optional<String> to)
    implements ComponentDefinition {

  public static final String TYPE = "conveyor";
  public static final String MOTOR_ON = "MotorOn";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<SignalDefinition> signals() {
    return List.of(
        new SignalDefinition(
            new SignalPath(name, MOTOR_ON),
            SignalType.BOOLEAN,
            Direction.OUTPUT,
            "Motor contactor: true runs the belt at " + speed + " m/s",
            location));
  }
}
