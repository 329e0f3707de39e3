package io.twinline.sim.flow;

import io.twinline.sim.kernel.Simulation;
import io.twinline.sim.plant.Component;
import io.twinline.sim.signal.Signal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Takes every part and counts it on its {@code Count} signal. */
public final class Sink implements Component, PartReceiver {

  private final String name;
  private final Simulation simulation;
  private final Signal count;
  private final List<Part> received = new ArrayList<>();

  public Sink(String name, Simulation simulation, Signal count) {
    this.name = name;
    this.simulation = simulation;
    this.count = count;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean canReceive(Part part, double leadPosition) {
    return true;
  }

  @Override
  public void receive(Part part, double leadPosition) {
    received.add(part);
    count.set(count.intValue() + 1);
  }

  @Override
  public void whenReady(Part part, double leadPosition, Runnable callback) {
    simulation.schedule(0, callback::run);
  }

  /** The parts received so far, in arrival order. */
  public List<Part> received() {
    return Collections.unmodifiableList(received);
  }
}
