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
 * A belt conveyor. Parts ride at the belt speed; they queue behind each other and behind raised
 * stop gates keeping {@code minGap} (accumulating), or stop all together when the front one is
 * held (non-accumulating). The belt is driven by a Boolean motor contactor ({@code MotorOn}) or by
 * a speed reference in percent ({@code SpeedRef}); {@code ramp} is the time from standstill to
 * full speed. A belt may instead be driven by a {@code motor} component (its contactor, running
 * feedback, overload and ramp are the motor's; the belt's speed follows the motor's), or have no
 * drive at all ({@code drive: gravity}: a gravity chute or idle roller section, on which parts go
 * at {@code speed} all the time).
 *
 * @param length metres
 * @param speed metres per second at full speed
 * @param minGap the smallest gap kept between queued parts, metres
 * @param accumulating whether parts may slip on the belt and queue up
 * @param drive motor contactor or speed reference
 * @param ramp time from standstill to full speed (zero: at once)
 * @param to where parts go at the end (a conveyor, station, buffer or sink), or empty: parts
 *     wait at the end
 * @param motor the motor component driving the belt ({@link Drive#DRIVEN})
 */
public record ConveyorDefinition(
    String name,
    String description,
    SourceLocation location,
    double length,
    double speed,
    double minGap,
    boolean accumulating,
    Drive drive,
    Duration ramp,
    Optional<String> to,
    Optional<String> motor)
    implements ComponentDefinition {

  /** A belt with its own contactor or speed reference. */
  public ConveyorDefinition(
      String name,
      String description,
      SourceLocation location,
      double length,
      double speed,
      double minGap,
      boolean accumulating,
      Drive drive,
      Duration ramp,
      Optional<String> to) {
    this(name, description, location, length, speed, minGap, accumulating, drive, ramp, to,
        Optional.empty());
  }

  public static final String TYPE = "conveyor";
  public static final String MOTOR_ON = "MotorOn";
  public static final String SPEED_REF = "SpeedRef";
  public static final String SPEED = "Speed";

  /** How the belt speed is commanded. */
  public enum Drive {
    MOTOR,
    SPEED_REFERENCE,
    /** By a {@code motor} component: the belt's speed is its speed times the motor's. */
    DRIVEN,
    /** No drive: a gravity chute or idle rollers, parts always go at the belt's speed. */
    GRAVITY
  }

  /** The signal-free short form used by the skeleton's tests. */
  public ConveyorDefinition(
      String name,
      String description,
      SourceLocation location,
      double length,
      double speed,
      double minGap,
      Optional<String> to) {
    this(name, description, location, length, speed, minGap, true, Drive.MOTOR, Duration.ZERO, to);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<SignalDefinition> signals() {
    SignalsOf signals = SignalsOf.component(this);
    if (drive == Drive.MOTOR) {
      signals.output(MOTOR_ON, SignalType.BOOLEAN,
          "Motor contactor: true runs the belt at " + speed + " m/s");
    } else if (drive == Drive.SPEED_REFERENCE) {
      signals.analogOutput(SPEED_REF, new Analog("%", 0, 100),
          "Speed reference, percent of " + speed + " m/s");
      signals.analogInput(SPEED, new Analog("m/s", 0, speed), "Actual belt speed");
    }
    return signals.list();
  }

  @Override
  public Set<FaultKind> faults() {
    return Set.of(FaultKind.JAM);
  }
}
