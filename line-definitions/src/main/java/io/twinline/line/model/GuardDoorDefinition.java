package io.twinline.line.model;

import io.twinline.line.Direction;
import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalPath;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import java.util.List;
import java.util.Set;

/**
 * A guard door with a safety switch ({@code Closed}) and, with {@code lock}, a guard locking
 * solenoid ({@code Lock}) and its feedback ({@code Locked}). A locked door cannot be opened.
 */
public record GuardDoorDefinition(
    String name, String description, SourceLocation location, boolean lock)
    implements ComponentDefinition {

  public static final String TYPE = "guard-door";
  public static final String CLOSED = "Closed";
  public static final String LOCK = "Lock";
  public static final String LOCKED = "Locked";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<SignalDefinition> signals() {
    SignalsOf signals =
        SignalsOf.component(this)
            .add(
                new SignalDefinition(
                        new SignalPath(name, CLOSED), SignalType.BOOLEAN, Direction.INPUT,
                        "Safety switch: door closed", location)
                    .withInitial(true));
    if (lock) {
      signals
          .output(LOCK, SignalType.BOOLEAN, "Guard locking solenoid: lock")
          .input(LOCKED, SignalType.BOOLEAN, "Guard locked");
    }
    return signals.list();
  }

  @Override
  public Set<String> operatorActions() {
    return Set.of("open", "close");
  }
}
