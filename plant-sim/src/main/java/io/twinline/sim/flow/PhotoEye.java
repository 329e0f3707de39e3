package io.twinline.sim.flow;

import io.twinline.line.fault.FaultSpec;
import io.twinline.line.model.PhotoEyeDefinition;
import io.twinline.sim.kernel.Action;
import io.twinline.sim.kernel.EventHandle;
import io.twinline.sim.kernel.Simulation;
import io.twinline.sim.plant.FaultableComponent;
import io.twinline.sim.plant.PlantContext;
import io.twinline.sim.signal.Signal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A photo-eye across a conveyor. The conveyor tells it which parts cover its position; the eye
 * shows on its signal whether any does, after its on and off delays. A dirty eye misses each part
 * with a probability, decided once per part. A normally-closed contact shows the opposite: true
 * while the beam is free.
 */
public final class PhotoEye implements FaultableComponent {

  private final String name;
  private final double position;
  private final Signal signal;
  private final Simulation simulation;
  private final long onDelay;
  private final long offDelay;
  private final boolean normallyClosed;
  private final SplittableRandom random;
  private final Action switchOn;
  private final Action switchOff;
  /** Parts now covering the eye, and whether the eye sees each. */
  private final Map<Long, Boolean> covering = new HashMap<>();
  private final Map<String, Double> dirt = new HashMap<>();
  private boolean physical;
  private EventHandle pending;

  public PhotoEye(PhotoEyeDefinition definition, PlantContext context) {
    this.name = definition.name();
    this.position = definition.position();
    this.signal = context.signals().get(definition.signalPath());
    this.simulation = context.simulation();
    this.onDelay = definition.onDelay().toNanos();
    this.offDelay = definition.offDelay().toNanos();
    this.normallyClosed = definition.normallyClosed();
    this.random = context.random("photo-eye:" + name);
    this.switchOn = Action.named(name + ": on delay over", () -> show(true));
    this.switchOff = Action.named(name + ": off delay over", () -> show(false));
  }

  @Override
  public void start() {
    show(false);
  }

  /** Puts what the eye sees on its contact: NO closes on a part, NC opens. */
  private void show(boolean sees) {
    signal.set(sees != normallyClosed);
  }

  /** Whether the contact now says a part is there. */
  private boolean shows() {
    return signal.booleanValue() != normallyClosed;
  }

  @Override
  public String name() {
    return name;
  }

  /** Metres from the start of its conveyor. */
  public double position() {
    return position;
  }

  public Signal signal() {
    return signal;
  }

  /** Whether the eye reports a part (whatever its contact). */
  public boolean isBlocked() {
    return shows();
  }

  /** The parts covering the eye now (called by its conveyor after every change). */
  void covered(List<Part> parts) {
    if (parts.isEmpty()) {
      covering.clear();
    } else {
      covering.keySet().removeIf(id -> parts.stream().noneMatch(p -> p.id() == id));
      for (Part part : parts) {
        covering.computeIfAbsent(part.id(), id -> !missesNext());
      }
    }
    boolean sees = covering.containsValue(Boolean.TRUE);
    if (sees == physical) {
      return;
    }
    physical = sees;
    if (pending != null) {
      pending.cancel();
      pending = null;
    }
    long delay = sees ? onDelay : offDelay;
    if (shows() == sees) {
      return; // a blip shorter than the delay never showed
    }
    if (delay == 0) {
      show(sees);
    } else {
      pending = simulation.schedule(delay, sees ? switchOn : switchOff);
    }
  }

  private boolean missesNext() {
    double chance = 1.0;
    for (double p : dirt.values()) {
      chance *= 1.0 - p;
    }
    double miss = 1.0 - chance;
    return miss > 0 && random.nextDouble() < miss;
  }

  @Override
  public void injectFault(FaultSpec fault) {
    dirt.put(fault.id(), fault.probability().orElse(0.5));
  }

  @Override
  public void clearFault(String id) {
    dirt.remove(id);
  }
}
