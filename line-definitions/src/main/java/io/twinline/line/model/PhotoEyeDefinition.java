package io.twinline.line.model;

import io.twinline.line.Direction;
import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalPath;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import java.util.List;

/**
 * A through-beam photo-eye mounted on a conveyor. Its signal is true while a part interrupts the
 * beam. It belongs to the conveyor it is mounted on, so its signal is {@code
 * <conveyor>/<photo-eye name>}, e.g. {@code Infeed/PartAtEnd}.
 *
 * @param conveyor the conveyor it is mounted on
 * @param position distance from the start of the conveyor, metres
 */
public record PhotoEyeDefinition(
    String name, String description, SourceLocation location, String conveyor, double position)
    implements ComponentDefinition {

  public static final String TYPE = "photo-eye";

  @Override
  public String type() {
    return TYPE;
  }

  /** The path of the photo-eye's one signal. */
  public SignalPath signalPath() {
    return new SignalPath(conveyor, name);
  }

  @Override
  public List<SignalDefinition> signals() {
    String text =
        description.isEmpty()
            ? "Photo-eye at " + position + " m on " + conveyor + ": true while a part blocks it"
            : description;
    return List.of(
        new SignalDefinition(
            signalPath(), SignalType.BOOLEAN, Direction.INPUT, text, location));
  }
}
