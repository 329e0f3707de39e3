package io.twinline.sim.operator;

import io.twinline.line.model.SelectorSwitchDefinition;
import io.twinline.sim.plant.OperatorDevice;
import io.twinline.sim.plant.PlantContext;
import io.twinline.sim.signal.Signal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A selector switch: one contact per position, true while selected, and the position index. */
public final class SelectorSwitch implements OperatorDevice {

  private final String name;
  private final List<String> positions;
  private final Map<String, Signal> contacts = new LinkedHashMap<>();
  private final Signal index;
  private final Set<String> actions = new LinkedHashSet<>();
  private String selected;

  public SelectorSwitch(SelectorSwitchDefinition definition, PlantContext context) {
    this.name = definition.name();
    this.positions = definition.positions();
    for (String position : positions) {
      contacts.put(position, context.signal(name, position));
      actions.add("select:" + position);
    }
    this.index = context.signal(name, SelectorSwitchDefinition.POSITION);
    this.selected = definition.initial();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void start() {
    show();
  }

  public String selected() {
    return selected;
  }

  @Override
  public Set<String> actions() {
    return actions;
  }

  @Override
  public void operate(String action) {
    if (!actions.contains(action)) {
      throw OperatorDevice.unknownAction(this, action, actions);
    }
    selected = action.substring("select:".length());
    show();
  }

  private void show() {
    // Break before make: the old contact opens before the new one closes.
    contacts.forEach((position, contact) -> {
      if (!position.equals(selected)) {
        contact.set(false);
      }
    });
    contacts.get(selected).set(true);
    index.set(positions.indexOf(selected));
  }
}
