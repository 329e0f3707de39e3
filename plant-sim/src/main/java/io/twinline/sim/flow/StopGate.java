package io.twinline.sim.flow;

import io.twinline.line.fault.FaultSpec;
import io.twinline.line.model.StopGateDefinition;
import io.twinline.sim.actuator.LinearActuator;
import io.twinline.sim.plant.FaultableComponent;
import io.twinline.sim.plant.PlantContext;
import io.twinline.sim.signal.Signal;

/**
 * A blade stop: while the blade is more than half up, parts that have not passed its position
 * stop there. {@code Raised} and {@code Lowered} report the blade at its ends. By default the
 * valve ({@code Raise}) raises the blade and the spring lowers it; a fail-safe stop ({@code rest:
 * raised}) is raised by its spring and lowered only while its valve ({@code Lower}) is on.
 */
public final class StopGate implements FaultableComponent, BeltDevice {

  private final String name;
  private final double position;
  /** The valve: {@code Raise}, or {@code Lower} for a blade the spring raises. */
  private final Signal raise;
  private final boolean restsRaised;
  private final Signal raised;
  private final Signal lowered;
  private final LinearActuator blade;
  private Conveyor conveyor;
  private boolean holding;

  public StopGate(StopGateDefinition definition, PlantContext context) {
    this.name = definition.name();
    this.position = definition.position();
    this.restsRaised = definition.restsRaised();
    this.raise =
        context.signal(name, restsRaised ? StopGateDefinition.LOWER : StopGateDefinition.RAISE);
    this.raised = context.signal(name, StopGateDefinition.RAISED);
    this.lowered = context.signal(name, StopGateDefinition.LOWERED);
    long stroke = definition.stroke().toNanos();
    this.blade =
        new LinearActuator(
            context.simulation(), name, stroke, stroke,
            new LinearActuator.Listener() {
              @Override
              public void reached(double at) {
                update();
              }

              @Override
              public void crossedMark(int direction) {
                update();
              }
            });
  }

  public void mountOn(Conveyor belt) {
    this.conveyor = belt;
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
  public boolean holdsParts() {
    return holding;
  }

  @Override
  public void start() {
    blade.placeAt(restsRaised ? 1.0 : 0.0);
    blade.setMark(0.5);
    raise.addListener(s -> {
      blade.drive(bladeDirection());
      update();
    });
    update();
  }

  /** Up (+1) or down (-1), as the valve and the spring say. */
  private int bladeDirection() {
    return raise.booleanValue() != restsRaised ? 1 : -1;
  }

  private void update() {
    double at = blade.position();
    raised.set(blade.restsAt(1.0));
    lowered.set(blade.restsAt(0.0));
    // At half travel the blade starts or stops holding, depending on where it is heading.
    boolean holds = at > 0.5 + 1e-9 || (Math.abs(at - 0.5) <= 1e-9 && blade.direction() > 0);
    if (holds != holding) {
      conveyor.deviceChanges(() -> holding = holds);
    }
  }

  @Override
  public void injectFault(FaultSpec fault) {
    blade.stickAt(fault.fraction().orElse(0.5));
    update();
  }

  @Override
  public void clearFault(String id) {
    blade.stickAt(Double.NaN);
    blade.drive(bladeDirection());
    update();
  }
}
