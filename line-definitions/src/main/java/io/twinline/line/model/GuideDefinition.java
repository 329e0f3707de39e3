package io.twinline.line.model;

import io.twinline.line.Analog;
import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import java.util.List;

/**
 * An adjustable guide (a guide rail, a side belt, an end stop) moved by a motorised spindle
 * between {@code min} and {@code max} at {@code speed}: the format parameter of a changeover that
 * takes time. {@code Position} (mm) follows the motion, {@code Moving} while it moves, {@code
 * InPosition} within {@code tolerance} of its target.
 *
 * <p>Driven by the recipe ({@link Drive#RECIPE}: loading a recipe sets the target, the guide
 * moves there by itself) or by the PLC ({@link Drive#PLC}: it moves toward {@code Setpoint}
 * while {@code Move} is on).
 *
 * @param min the lowest position, m
 * @param max the highest position, m
 * @param speed how fast it travels, m/s
 * @param initial where it stands at the start, m
 * @param tolerance how close to the target counts as in position, m
 */
public record GuideDefinition(
    String name,
    String description,
    SourceLocation location,
    double min,
    double max,
    double speed,
    double initial,
    double tolerance,
    Drive drive)
    implements ComponentDefinition {

  public static final String TYPE = "guide";
  public static final String POSITION = "Position";
  public static final String MOVING = "Moving";
  public static final String IN_POSITION = "InPosition";
  public static final String SETPOINT = "Setpoint";
  public static final String MOVE = "Move";
  /** The recipe parameter of a recipe-driven guide: where it goes. */
  public static final String TARGET_PARAMETER = "position";

  /** Who sets the guide's target. */
  public enum Drive {
    RECIPE,
    PLC
  }

  @Override
  public String type() {
    return TYPE;
  }

  /** The range of the position signals, mm. */
  public Analog range() {
    return new Analog("mm", min * 1000, max * 1000);
  }

  @Override
  public List<SignalDefinition> signals() {
    SignalsOf signals = SignalsOf.component(this)
        .analogInput(POSITION, range(), "Position, mm")
        .input(MOVING, SignalType.BOOLEAN, "Travelling")
        .input(IN_POSITION, SignalType.BOOLEAN, "At its target");
    if (drive == Drive.PLC) {
      signals.analogOutput(SETPOINT, range(), "Target position, mm")
          .output(MOVE, SignalType.BOOLEAN, "Travel toward the setpoint");
    }
    return signals.list();
  }
}
