package io.twinline.line.model;

import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalPath;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import io.twinline.line.fault.FaultKind;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A photo-eye (or proximity sensor) across a conveyor. Its signal is true while a part covers its
 * position, after the optional on and off delays. It belongs to the conveyor it is mounted on, so
 * its signal is {@code <conveyor>/<photo-eye name>}, e.g. {@code Infeed/PartAtEnd}. With a
 * normally-closed contact ({@code contact: NC}) the signal is the other way round: true while the
 * beam is free, false while a part breaks it (and false when the wire breaks: fail-safe).
 *
 * @param normallyClosed the contact opens when a part is seen
 */
public record PhotoEyeDefinition(
    String name,
    String description,
    SourceLocation location,
    String conveyor,
    double position,
    Duration onDelay,
    Duration offDelay,
    boolean normallyClosed)
    implements ComponentDefinition, MountedDefinition {

  public static final String TYPE = "photo-eye";

  public PhotoEyeDefinition(
      String name, String description, SourceLocation location, String conveyor,
      double position) {
    this(name, description, location, conveyor, position, Duration.ZERO, Duration.ZERO, false);
  }

  /** A photo-eye with a normally-open contact. */
  public PhotoEyeDefinition(
      String name, String description, SourceLocation location, String conveyor,
      double position, Duration onDelay, Duration offDelay) {
    this(name, description, location, conveyor, position, onDelay, offDelay, false);
  }

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
            ? "Photo-eye at " + position + " m on " + conveyor
                + (normallyClosed
                    ? ": NC contact, false while a part blocks it"
                    : ": true while a part blocks it")
            : description;
    return List.of(
        new SignalDefinition(
            signalPath(), SignalType.BOOLEAN, io.twinline.line.Direction.INPUT, text, location));
  }

  @Override
  public Set<FaultKind> faults() {
    return Set.of(FaultKind.DIRTY_SENSOR);
  }
}
