package io.twinline.sim.actuator;

import io.twinline.line.fault.FaultSpec;
import io.twinline.line.model.CylinderDefinition;
import io.twinline.sim.plant.FaultableComponent;
import io.twinline.sim.plant.PlantContext;
import io.twinline.sim.signal.Signal;

/**
 * A pneumatic cylinder. Single acting: {@code Extend} on drives it out, off lets the spring bring
 * it back. Double acting: {@code Extend} alone drives it out, {@code Retract} alone in; both on
 * (pressure on both sides), it stays where it is; both off, its 5/3 valve's centre position
 * decides ({@link PistonDrive}). End switches report the ends; a sticking cylinder stops short and
 * never makes its end switch.
 */
public final class Cylinder implements FaultableComponent {

  private final String name;
  private final boolean doubleActing;
  private final Signal extend;
  private final Signal retract;
  private final Signal extended;
  private final Signal retracted;
  private final LinearActuator piston;
  private final PistonDrive drive;

  public Cylinder(CylinderDefinition definition, PlantContext context) {
    this.name = definition.name();
    this.doubleActing = definition.doubleActing();
    this.extend = context.signal(name, CylinderDefinition.EXTEND);
    this.retract = doubleActing ? context.signal(name, CylinderDefinition.RETRACT) : null;
    this.extended = context.signal(name, CylinderDefinition.EXTENDED);
    this.retracted = context.signal(name, CylinderDefinition.RETRACTED);
    this.piston =
        new LinearActuator(
            context.simulation(), name, definition.stroke().toNanos(),
            definition.retractTime().toNanos(), at -> updateSwitches());
    this.drive = new PistonDrive(definition.valves(), extend, retract, piston);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void start() {
    piston.placeAt(0.0);
    extend.addListener(s -> command());
    if (retract != null) {
      retract.addListener(s -> command());
    }
    command();
  }

  /** The piston's position now, 0 (in) to 1 (out). */
  public double position() {
    return piston.position();
  }

  public boolean isExtended() {
    return piston.isAt(1.0);
  }

  public boolean isRetracted() {
    return piston.isAt(0.0);
  }

  private void command() {
    drive.apply();
    updateSwitches();
  }

  private void updateSwitches() {
    extended.set(piston.restsAt(1.0));
    retracted.set(piston.restsAt(0.0));
  }

  @Override
  public void injectFault(FaultSpec fault) {
    piston.stickAt(fault.fraction().orElse(0.5));
    updateSwitches();
  }

  @Override
  public void clearFault(String id) {
    piston.stickAt(Double.NaN);
    command();
  }
}
