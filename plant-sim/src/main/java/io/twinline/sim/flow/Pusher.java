package io.twinline.sim.flow;

import io.twinline.line.fault.FaultSpec;
import io.twinline.line.model.PusherDefinition;
import io.twinline.sim.actuator.LinearActuator;
import io.twinline.sim.actuator.PistonDrive;
import io.twinline.sim.plant.FaultableComponent;
import io.twinline.sim.plant.PlantContext;
import io.twinline.sim.signal.Signal;

/**
 * A side pusher. Half-way out its paddle reaches the middle of the belt; a part covering the
 * pusher's position at that instant is pushed onto {@code to} (entirely on, at its start), if
 * {@code to} has room. Earlier or later, the paddle finds nothing: timing is the PLC's job. Its
 * piston is single acting (spring return) or double acting with a 5/3 valve ({@link PistonDrive}).
 */
public final class Pusher implements FaultableComponent {

  private final String name;
  private final double position;
  private final Signal extend;
  private final Signal retract;
  private final PistonDrive drive;
  private final Signal extended;
  private final Signal retracted;
  private final Signal pushed;
  private final LinearActuator paddle;
  private Conveyor conveyor;
  private PartReceiver target;

  public Pusher(PusherDefinition definition, PlantContext context) {
    this.name = definition.name();
    this.position = definition.position();
    this.extend = context.signal(name, PusherDefinition.EXTEND);
    this.retract =
        definition.valves().doubleActing() ? context.signal(name, PusherDefinition.RETRACT) : null;
    this.extended = context.signal(name, PusherDefinition.EXTENDED);
    this.retracted = context.signal(name, PusherDefinition.RETRACTED);
    this.pushed = context.signal(name, PusherDefinition.PUSHED);
    long stroke = definition.stroke().toNanos();
    this.paddle =
        new LinearActuator(
            context.simulation(), name, stroke, stroke,
            new LinearActuator.Listener() {
              @Override
              public void reached(double at) {
                updateSwitches();
              }

              @Override
              public void crossedMark(int direction) {
                updateSwitches();
                if (direction > 0) {
                  push();
                }
              }
            });
    this.drive = new PistonDrive(definition.valves(), extend, retract, paddle);
  }

  public void mountOn(Conveyor belt, PartReceiver to) {
    this.conveyor = belt;
    this.target = to;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void start() {
    paddle.placeAt(0.0);
    paddle.setMark(0.5);
    extend.addListener(s -> command());
    if (retract != null) {
      retract.addListener(s -> command());
    }
    command();
  }

  private void command() {
    drive.apply();
    updateSwitches();
  }

  private void push() {
    Part part = conveyor.partCovering(position);
    if (part != null && target.canReceive(part, part.length())) {
      conveyor.remove(part);
      target.receive(part, part.length());
      pushed.set(pushed.intValue() + 1);
    }
  }

  private void updateSwitches() {
    extended.set(paddle.restsAt(1.0));
    retracted.set(paddle.restsAt(0.0));
  }

  @Override
  public void injectFault(FaultSpec fault) {
    paddle.stickAt(fault.fraction().orElse(0.3));
    updateSwitches();
  }

  @Override
  public void clearFault(String id) {
    paddle.stickAt(Double.NaN);
    command();
  }
}
