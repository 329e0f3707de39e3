package io.twinline.line.model;

import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import java.time.Duration;
import java.util.List;

/**
 * A vacuum gripper on a two-axis handling unit made of two cylinders: {@code x} moves between the
 * pick position (retracted) and the place position (extended), {@code z} lowers the gripper
 * (extended). Vacuum on with z down at the pick position takes the part waiting at the end of
 * {@code pickFrom}; vacuum off with z down at the place position puts it on {@code placeOn}.
 * Vacuum off anywhere else drops the part.
 */
public record GripperDefinition(
    String name,
    String description,
    SourceLocation location,
    String x,
    String z,
    String pickFrom,
    String placeOn,
    Duration buildUp)
    implements ComponentDefinition {

  public static final String TYPE = "gripper";
  public static final String VACUUM = "Vacuum";
  public static final String VACUUM_OK = "VacuumOk";
  public static final String PLACED = "Placed";
  public static final String DROPPED = "Dropped";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<SignalDefinition> signals() {
    return SignalsOf.component(this)
        .output(VACUUM, SignalType.BOOLEAN, "Vacuum valve")
        .input(VACUUM_OK, SignalType.BOOLEAN, "Vacuum switch: a part is held")
        .input(PLACED, SignalType.INT32, "Parts placed so far")
        .input(DROPPED, SignalType.INT32, "Parts dropped so far")
        .list();
  }
}
