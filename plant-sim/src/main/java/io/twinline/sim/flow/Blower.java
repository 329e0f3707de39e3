package io.twinline.sim.flow;

import io.twinline.line.model.BlowerDefinition;
import io.twinline.sim.plant.Component;
import io.twinline.sim.plant.PlantContext;
import io.twinline.sim.signal.Signal;

/**
 * An air blower over a window of a conveyor: while {@code Blow} is on, every part whose leading
 * edge is in the window goes off the belt, into its bin if it has one with room. Two moments
 * decide: the valve opening with parts in the window, and a part's leading edge entering the
 * window while the valve is open; both are events, nothing is polled.
 */
public final class Blower implements Component, BeltDevice {

  private final String name;
  private final double from;
  private final double to;
  private final Signal blow;
  private final Signal blown;
  private Conveyor conveyor;
  private PartReceiver into;

  public Blower(BlowerDefinition definition, PlantContext context) {
    this.name = definition.name();
    this.from = definition.from();
    this.to = definition.to();
    this.blow = context.signal(name, BlowerDefinition.BLOW);
    this.blown = context.signal(name, BlowerDefinition.BLOWN);
  }

  /** @param bin where blown parts land, or null: off the line */
  public void mountOn(Conveyor belt, PartReceiver bin) {
    this.conveyor = belt;
    this.into = bin;
    belt.mount(name, this);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void start() {
    blow.addListener(s -> {
      if (blow.booleanValue()) {
        for (Part part : conveyor.partsLeadingWithin(from, to)) {
          conveyor.remove(part);
          land(part);
        }
      }
      conveyor.devicesChanged();
    });
  }

  /** The start of the window: where a part's leading edge comes into it. */
  @Override
  public double position() {
    return from;
  }

  @Override
  public boolean holdsParts() {
    return false;
  }

  @Override
  public boolean takesParts() {
    return blow.booleanValue();
  }

  @Override
  public boolean take(Part part) {
    if (!blow.booleanValue()) {
      return false;
    }
    land(part);
    return true;
  }

  private void land(Part part) {
    blown.set(blown.intValue() + 1);
    if (into != null && into.canReceive(part, part.length())) {
      into.receive(part, part.length());
    }
  }
}
