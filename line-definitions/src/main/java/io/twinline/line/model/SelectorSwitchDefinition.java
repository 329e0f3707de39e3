package io.twinline.line.model;

import io.twinline.line.Direction;
import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalPath;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A selector switch with named positions; one contact per position, true while selected, and
 * {@code Position} (0-based index).
 */
public record SelectorSwitchDefinition(
    String name,
    String description,
    SourceLocation location,
    List<String> positions,
    String initial)
    implements ComponentDefinition {

  public static final String TYPE = "selector-switch";
  public static final String POSITION = "Position";

  public SelectorSwitchDefinition {
    positions = List.copyOf(positions);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<SignalDefinition> signals() {
    SignalsOf signals = SignalsOf.component(this);
    for (String position : positions) {
      signals.add(
          new SignalDefinition(
                  new SignalPath(name, position), SignalType.BOOLEAN, Direction.INPUT,
                  "Contact: switch in position " + position, location)
              .withInitial(position.equals(initial)));
    }
    return signals
        .add(
            new SignalDefinition(
                    new SignalPath(name, POSITION), SignalType.INT32, Direction.INPUT,
                    "Selected position, 0 = " + positions.get(0), location)
                .withInitial(positions.indexOf(initial)))
        .list();
  }

  @Override
  public Set<String> operatorActions() {
    Set<String> actions = new LinkedHashSet<>();
    for (String position : positions) {
      actions.add("select:" + position);
    }
    return actions;
  }
}
