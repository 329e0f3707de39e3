package io.twinline.sim.operator;

import io.twinline.line.model.GuardDoorDefinition;
import io.twinline.sim.plant.OperatorDevice;
import io.twinline.sim.plant.PlantContext;
import io.twinline.sim.signal.Signal;
import java.util.Set;

/**
 * A guard door with a safety switch and optional guard locking. The lock engages only on a closed
 * door; a locked door cannot be opened (the attempt is refused, as the handle would be).
 */
public final class GuardDoor implements OperatorDevice {

  private static final Set<String> ACTIONS = Set.of("open", "close");

  private final String name;
  private final Signal closed;
  private final Signal lock;
  private final Signal locked;
  private boolean open;

  public GuardDoor(GuardDoorDefinition definition, PlantContext context) {
    this.name = definition.name();
    this.closed = context.signal(name, GuardDoorDefinition.CLOSED);
    this.lock = definition.lock() ? context.signal(name, GuardDoorDefinition.LOCK) : null;
    this.locked = definition.lock() ? context.signal(name, GuardDoorDefinition.LOCKED) : null;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void start() {
    if (lock != null) {
      lock.addListener(s -> show());
    }
    show();
  }

  public boolean isOpen() {
    return open;
  }

  public boolean isLocked() {
    return locked != null && locked.booleanValue();
  }

  @Override
  public Set<String> actions() {
    return ACTIONS;
  }

  @Override
  public void operate(String action) {
    switch (action) {
      case "open" -> {
        if (isLocked()) {
          throw new IllegalStateException(name + " is locked and cannot be opened");
        }
        open = true;
      }
      case "close" -> open = false;
      default -> throw OperatorDevice.unknownAction(this, action, ACTIONS);
    }
    show();
  }

  private void show() {
    closed.set(!open);
    if (locked != null) {
      locked.set(!open && lock.booleanValue());
    }
  }
}
