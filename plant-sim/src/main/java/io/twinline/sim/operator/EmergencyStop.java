package io.twinline.sim.operator;

import io.twinline.line.model.EmergencyStopDefinition;
import io.twinline.sim.plant.OperatorDevice;
import io.twinline.sim.plant.PlantContext;
import io.twinline.sim.signal.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An emergency stop: normally closed contacts read true while it is healthy. Pressing latches it
 * (the contacts open) until it is released.
 */
public final class EmergencyStop implements OperatorDevice {

  private static final Set<String> ACTIONS = Set.of("press", "release");

  private final String name;
  private final List<Signal> contacts = new ArrayList<>();
  private boolean pressed;

  public EmergencyStop(EmergencyStopDefinition definition, PlantContext context) {
    this.name = definition.name();
    for (String contact : definition.contacts()) {
      contacts.add(context.signal(name, contact));
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void start() {
    show();
  }

  public boolean isPressed() {
    return pressed;
  }

  @Override
  public Set<String> actions() {
    return ACTIONS;
  }

  @Override
  public void operate(String action) {
    switch (action) {
      case "press" -> pressed = true;
      case "release" -> pressed = false;
      default -> throw OperatorDevice.unknownAction(this, action, ACTIONS);
    }
    show();
  }

  private void show() {
    for (Signal contact : contacts) {
      contact.set(!pressed);
    }
  }
}
