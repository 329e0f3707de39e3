package io.twinline.sim.flow;

import io.twinline.line.fault.FaultSpec;
import io.twinline.line.model.DiverterDefinition;
import io.twinline.sim.actuator.LinearActuator;
import io.twinline.sim.plant.FaultableComponent;
import io.twinline.sim.plant.PlantContext;
import io.twinline.sim.signal.Signal;

/**
 * A swing-arm diverter: while the arm is fully across the belt, each part whose leading edge
 * reaches it goes to {@code to} (entirely on, at its start). If {@code to} has no room, the part
 * waits against the arm until it has, or until the arm swings back.
 */
public final class Diverter implements FaultableComponent, BeltDevice {

  private final String name;
  private final double position;
  private final Signal divert;
  private final Signal diverting;
  private final Signal diverted;
  private final LinearActuator arm;
  private Conveyor conveyor;
  private PartReceiver target;
  private Part waiting;

  public Diverter(DiverterDefinition definition, PlantContext context) {
    this.name = definition.name();
    this.position = definition.position();
    this.divert = context.signal(name, DiverterDefinition.DIVERT);
    this.diverting = context.signal(name, DiverterDefinition.DIVERTING);
    this.diverted = context.signal(name, DiverterDefinition.DIVERTED);
    long stroke = definition.stroke().toNanos();
    this.arm = new LinearActuator(context.simulation(), name, stroke, stroke, at -> update());
  }

  public void mountOn(Conveyor belt, PartReceiver to) {
    this.conveyor = belt;
    this.target = to;
    belt.mount(name, this);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public double position() {
    return position;
  }

  @Override
  public void start() {
    arm.placeAt(0.0);
    divert.addListener(s -> {
      arm.drive(divert.booleanValue() ? 1 : -1);
      update();
    });
  }

  private boolean across() {
    return arm.isAt(1.0) && arm.direction() == 0;
  }

  @Override
  public boolean takesParts() {
    return across();
  }

  @Override
  public boolean holdsParts() {
    return waiting != null && across();
  }

  @Override
  public boolean take(Part part) {
    if (!across()) {
      return false;
    }
    if (target.canReceive(part, part.length())) {
      waiting = null;
      target.receive(part, part.length());
      diverted.set(diverted.intValue() + 1);
      return true;
    }
    if (waiting != part) {
      waiting = part;
      target.whenReady(part, part.length(), () -> conveyor.devicesChanged());
    }
    return false;
  }

  private void update() {
    boolean isAcross = across();
    diverting.set(isAcross);
    conveyor.deviceChanges(() -> {
      if (!isAcross) {
        waiting = null;
      }
    });
  }

  @Override
  public void injectFault(FaultSpec fault) {
    arm.stickAt(fault.fraction().orElse(0.5));
    update();
  }

  @Override
  public void clearFault(String id) {
    arm.stickAt(Double.NaN);
    arm.drive(divert.booleanValue() ? 1 : -1);
    update();
  }
}
