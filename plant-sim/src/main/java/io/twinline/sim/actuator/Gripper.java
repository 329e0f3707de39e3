package io.twinline.sim.actuator;

import io.twinline.line.model.GripperDefinition;
import io.twinline.sim.flow.Conveyor;
import io.twinline.sim.flow.Part;
import io.twinline.sim.kernel.Action;
import io.twinline.sim.kernel.EventHandle;
import io.twinline.sim.kernel.Simulation;
import io.twinline.sim.plant.Component;
import io.twinline.sim.plant.PlantContext;
import io.twinline.sim.signal.Signal;

/**
 * A vacuum gripper on an x/z handling unit of two cylinders. Vacuum on with z down at the pick
 * position (x in) grips the part waiting at the end of the pick conveyor after the build-up time
 * ({@code VacuumOk}); vacuum off with z down at the place position (x out) puts it on the place
 * conveyor. Vacuum off anywhere else drops it.
 */
public final class Gripper implements Component {

  private final String name;
  private final Simulation simulation;
  private final long buildUp;
  private final Signal vacuum;
  private final Signal vacuumOk;
  private final Signal placed;
  private final Signal dropped;
  private final Action grip;
  private Cylinder x;
  private Cylinder z;
  private Conveyor pickFrom;
  private Conveyor placeOn;
  private Part holding;
  private EventHandle gripping;

  public Gripper(GripperDefinition definition, PlantContext context) {
    this.name = definition.name();
    this.simulation = context.simulation();
    this.buildUp = definition.buildUp().toNanos();
    this.vacuum = context.signal(name, GripperDefinition.VACUUM);
    this.vacuumOk = context.signal(name, GripperDefinition.VACUUM_OK);
    this.placed = context.signal(name, GripperDefinition.PLACED);
    this.dropped = context.signal(name, GripperDefinition.DROPPED);
    this.grip = Action.named(name + ": vacuum built up", this::onGrip);
  }

  public void connect(Cylinder xAxis, Cylinder zAxis, Conveyor from, Conveyor to) {
    this.x = xAxis;
    this.z = zAxis;
    this.pickFrom = from;
    this.placeOn = to;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void start() {
    vacuum.addListener(s -> {
      if (vacuum.booleanValue()) {
        onVacuumOn();
      } else {
        onVacuumOff();
      }
    });
  }

  /** The part held, or null. */
  public Part holding() {
    return holding;
  }

  private void onVacuumOn() {
    if (holding == null && gripping == null) {
      gripping = simulation.schedule(buildUp, grip);
    }
  }

  private void onGrip() {
    gripping = null;
    if (!vacuum.booleanValue() || holding != null) {
      return;
    }
    if (z.isExtended() && x.isRetracted()) {
      Part part = pickFrom.partWaitingAtEnd();
      if (part != null) {
        pickFrom.remove(part);
        holding = part;
        vacuumOk.set(true);
      }
    }
  }

  private void onVacuumOff() {
    if (gripping != null) {
      gripping.cancel();
      gripping = null;
    }
    if (holding == null) {
      return;
    }
    Part part = holding;
    holding = null;
    vacuumOk.set(false);
    if (z.isExtended() && x.isExtended() && placeOn.canReceive(part, part.length())) {
      placeOn.receive(part, part.length());
      placed.set(placed.intValue() + 1);
    } else {
      dropped.set(dropped.intValue() + 1);
    }
  }
}
