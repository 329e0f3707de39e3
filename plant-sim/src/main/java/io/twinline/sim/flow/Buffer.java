package io.twinline.sim.flow;

import io.twinline.line.model.BufferDefinition;
import io.twinline.sim.kernel.Action;
import io.twinline.sim.kernel.EventHandle;
import io.twinline.sim.kernel.Simulation;
import io.twinline.sim.plant.Component;
import io.twinline.sim.plant.PlantContext;
import io.twinline.sim.signal.Signal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * An accumulation table: up to {@code capacity} parts, passed on first in, first out, each no
 * earlier than {@code transit} after it came in.
 */
public final class Buffer implements Component, PartReceiver {

  private record Held(Part part, long readyAt) {}

  private final String name;
  private final Simulation simulation;
  private final int capacity;
  private final long transit;
  private final Signal count;
  private final Signal full;
  private final Signal empty;
  private final Action releaseHead;
  private final Deque<Held> held = new ArrayDeque<>();
  private final List<Runnable> waiting = new ArrayList<>();
  private PartReceiver downstream;
  private int expected;
  private EventHandle nextRelease;
  private boolean waitingForDownstream;

  public Buffer(BufferDefinition definition, PlantContext context) {
    this.name = definition.name();
    this.simulation = context.simulation();
    this.capacity = definition.capacity();
    this.transit = definition.transit().toNanos();
    this.count = context.signal(name, BufferDefinition.COUNT);
    this.full = context.signal(name, BufferDefinition.FULL);
    this.empty = context.signal(name, BufferDefinition.EMPTY);
    this.releaseHead = Action.named(name + ": pass on the first part", this::release);
  }

  public void connect(PartReceiver receiver) {
    this.downstream = receiver;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void start() {
    updateSignals();
  }

  @Override
  public boolean canReceive(Part part, double leadPosition) {
    return held.size() + expected < capacity;
  }

  @Override
  public void forget(Part part) {
    if (expected > 0) {
      expected--;
    }
  }

  @Override
  public void expect(Part part) {
    expected++;
  }

  @Override
  public void receive(Part part, double leadPosition) {
    if (expected > 0) {
      expected--;
    }
    held.addLast(new Held(part, simulation.now() + transit));
    updateSignals();
    scheduleRelease();
  }

  @Override
  public void whenReady(Part part, double leadPosition, Runnable callback) {
    waiting.add(callback);
  }

  private void scheduleRelease() {
    if (nextRelease != null || held.isEmpty() || downstream == null || waitingForDownstream) {
      return;
    }
    long at = Math.max(simulation.now(), held.peekFirst().readyAt());
    nextRelease = simulation.scheduleAt(at, io.twinline.sim.kernel.Priority.NORMAL, releaseHead);
  }

  private void release() {
    nextRelease = null;
    Held head = held.peekFirst();
    if (head == null) {
      return;
    }
    if (downstream.canReceive(head.part(), head.part().length())) {
      held.removeFirst();
      downstream.receive(head.part(), head.part().length());
      updateSignals();
      for (Runnable callback : waiting) {
        simulation.schedule(0, callback::run);
      }
      waiting.clear();
      scheduleRelease();
    } else {
      waitingForDownstream = true;
      downstream.whenReady(head.part(), head.part().length(), () -> {
        waitingForDownstream = false;
        scheduleRelease();
      });
    }
  }

  private void updateSignals() {
    count.set(held.size());
    full.set(held.size() >= capacity);
    empty.set(held.isEmpty());
  }
}
