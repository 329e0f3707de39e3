package io.twinline.line.model;

import io.twinline.line.Direction;
import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalPath;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import java.util.List;
import java.util.Set;

/**
 * An emergency stop with normally closed contacts: a healthy e-stop reads true. Pressing it
 * latches; it reads false until it is released (pulled or twisted out). With two channels it has
 * {@code Healthy1} and {@code Healthy2}.
 */
public record EmergencyStopDefinition(
    String name, String description, SourceLocation location, int channels)
    implements ComponentDefinition {

  public static final String TYPE = "emergency-stop";
  public static final String HEALTHY = "Healthy";

  @Override
  public String type() {
    return TYPE;
  }

  /** The contact signal names: Healthy, or Healthy1 and Healthy2. */
  public List<String> contacts() {
    return channels == 1 ? List.of(HEALTHY) : List.of(HEALTHY + "1", HEALTHY + "2");
  }

  @Override
  public List<SignalDefinition> signals() {
    SignalsOf signals = SignalsOf.component(this);
    for (String contact : contacts()) {
      signals.add(
          new SignalDefinition(
                  new SignalPath(name, contact), SignalType.BOOLEAN, Direction.INPUT,
                  "NC contact: true while the e-stop is not pressed", location)
              .withInitial(true));
    }
    return signals.list();
  }

  @Override
  public Set<String> operatorActions() {
    return Set.of("press", "release");
  }
}
