package io.twinline.sim.actuator;

import io.twinline.line.model.GuideDefinition;
import io.twinline.sim.kernel.Action;
import io.twinline.sim.kernel.EventHandle;
import io.twinline.sim.kernel.Simulation;
import io.twinline.sim.plant.Component;
import io.twinline.sim.plant.PlantContext;
import io.twinline.sim.plant.Tunable;
import io.twinline.sim.signal.Signal;

/**
 * An adjustable guide on a motorised spindle: it travels at constant speed toward its target and
 * stops there. {@code Position} (mm) is updated every I/O cycle while it travels and exactly at
 * the arrival. The target comes from the recipe ({@code drive: recipe}) or, while {@code Move}
 * is on, from the PLC's {@code Setpoint} ({@code drive: plc}); {@code Move} off stops it where
 * it is.
 */
public final class Guide implements Component, Tunable {

  private final String name;
  private final Simulation simulation;
  private final long ioCycle;
  private final GuideDefinition definition;
  private final Signal position;
  private final Signal moving;
  private final Signal inPosition;
  private final Signal setpoint;
  private final Signal move;
  private final Action arrive;
  private final Action sample;
  private double at;
  private long since;
  private int direction;
  private double target;
  private EventHandle arrival;
  private EventHandle nextSample;

  public Guide(GuideDefinition definition, PlantContext context) {
    this.name = definition.name();
    this.simulation = context.simulation();
    this.ioCycle = context.ioCycle();
    this.definition = definition;
    this.position = context.signal(name, GuideDefinition.POSITION);
    this.moving = context.signal(name, GuideDefinition.MOVING);
    this.inPosition = context.signal(name, GuideDefinition.IN_POSITION);
    boolean plc = definition.drive() == GuideDefinition.Drive.PLC;
    this.setpoint = plc ? context.signal(name, GuideDefinition.SETPOINT) : null;
    this.move = plc ? context.signal(name, GuideDefinition.MOVE) : null;
    this.arrive = Action.named(name + ": in position", this::onArrival);
    this.sample = Action.named(name + ": position sample", this::onSample);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void start() {
    at = definition.initial();
    target = at;
    since = simulation.now();
    if (setpoint != null) {
      setpoint.addListener(s -> command());
      move.addListener(s -> command());
    }
    publish();
  }

  /** Where the guide is now, m. */
  public double position() {
    return positionAt(simulation.now());
  }

  private double positionAt(long time) {
    if (direction == 0) {
      return at;
    }
    double travelled = definition.speed() * (time - since) / 1e9;
    return direction > 0 ? Math.min(target, at + travelled) : Math.max(target, at - travelled);
  }

  /** A recipe's target ({@code position}, m). */
  @Override
  public void tune(String parameter, Object value) {
    if (!parameter.equals(GuideDefinition.TARGET_PARAMETER) || setpoint != null) {
      throw new IllegalArgumentException(name + " takes no recipe parameter " + parameter);
    }
    headFor((Double) value);
  }

  private void command() {
    if (move.booleanValue()) {
      headFor(setpoint.doubleValue() / 1000.0);
    } else {
      halt();
    }
  }

  private void headFor(double newTarget) {
    settle();
    target = Math.max(definition.min(), Math.min(definition.max(), newTarget));
    double distance = Math.abs(target - at);
    if (distance < 1e-12) {
      direction = 0;
    } else {
      direction = target > at ? 1 : -1;
      long nanos = Math.max(1, Math.round(distance / definition.speed() * 1e9));
      arrival = simulation.schedule(nanos, arrive);
      nextSample = simulation.schedule(Math.min(ioCycle, nanos), sample);
    }
    publish();
  }

  private void halt() {
    settle();
    direction = 0;
    publish();
  }

  /** Fixes the position reached so far and cancels what was scheduled for the old course. */
  private void settle() {
    at = position();
    since = simulation.now();
    if (arrival != null) {
      arrival.cancel();
      arrival = null;
    }
    if (nextSample != null) {
      nextSample.cancel();
      nextSample = null;
    }
  }

  private void onArrival() {
    arrival = null;
    if (nextSample != null) {
      nextSample.cancel();
      nextSample = null;
    }
    at = target;
    since = simulation.now();
    direction = 0;
    publish();
  }

  private void onSample() {
    nextSample = null;
    publish();
    if (direction != 0) {
      nextSample = simulation.schedule(ioCycle, sample);
    }
  }

  private void publish() {
    double now = position();
    position.set(Math.round(now * 1e7) / 1e4); // mm, to 0.1 µm
    moving.set(direction != 0);
    double goal = setpoint == null ? target
        : Math.max(definition.min(), Math.min(definition.max(), setpoint.doubleValue() / 1000.0));
    inPosition.set(direction == 0 && Math.abs(now - goal) <= definition.tolerance() + 1e-12);
  }
}
