package io.twinline.sim.operator;

import io.twinline.line.model.PushButtonDefinition;
import io.twinline.sim.plant.OperatorDevice;
import io.twinline.sim.plant.PlantContext;
import io.twinline.sim.signal.Signal;
import java.util.Set;

/**
 * A push button. Momentary: actuated while pressed. Latching: each press toggles it, a release
 * does nothing. The contact the PLC reads is closed (true) while actuated for NO, open for NC.
 */
public final class PushButton implements OperatorDevice {

  private static final Set<String> ACTIONS = Set.of("press", "release");

  private final String name;
  private final boolean normallyClosed;
  private final boolean latching;
  private final Signal contact;
  private boolean actuated;

  public PushButton(PushButtonDefinition definition, PlantContext context) {
    this.name = definition.name();
    this.normallyClosed = definition.normallyClosed();
    this.latching = definition.latching();
    this.contact = context.signal(name, PushButtonDefinition.CONTACT);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void start() {
    show();
  }

  public boolean isActuated() {
    return actuated;
  }

  @Override
  public Set<String> actions() {
    return ACTIONS;
  }

  @Override
  public void operate(String action) {
    switch (action) {
      case "press" -> actuated = latching ? !actuated : true;
      case "release" -> {
        if (!latching) {
          actuated = false;
        }
      }
      default -> throw OperatorDevice.unknownAction(this, action, ACTIONS);
    }
    show();
  }

  private void show() {
    contact.set(actuated != normallyClosed);
  }
}
