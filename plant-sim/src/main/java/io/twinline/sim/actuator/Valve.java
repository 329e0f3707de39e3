package io.twinline.sim.actuator;

import io.twinline.line.fault.FaultSpec;
import io.twinline.line.model.ValveDefinition;
import io.twinline.sim.plant.FaultableComponent;
import io.twinline.sim.plant.PlantContext;
import io.twinline.sim.signal.Signal;
import java.util.ArrayList;
import java.util.List;

/**
 * A spring-return process valve: {@code Open} drives it open over its travel time, off closes
 * it. Limit switches report both ends. Its opening sets the flow of the tank ports it serves.
 */
public final class Valve implements FaultableComponent, FlowInput {

  private final String name;
  private final Signal open;
  private final Signal isOpen;
  private final Signal isClosed;
  private final LinearActuator stem;
  private final java.util.OptionalDouble ratedFlow;
  private final ValveDefinition definition;
  private final List<CourseListener> courseListeners = new ArrayList<>();

  public Valve(ValveDefinition definition, PlantContext context) {
    this.name = definition.name();
    this.definition = definition;
    this.open = context.signal(name, ValveDefinition.OPEN);
    this.isOpen = context.signal(name, ValveDefinition.IS_OPEN);
    this.isClosed = context.signal(name, ValveDefinition.IS_CLOSED);
    this.ratedFlow = definition.ratedFlow().map(java.util.OptionalDouble::of)
        .orElse(java.util.OptionalDouble.empty());
    long travel = definition.travel().toNanos();
    this.stem =
        new LinearActuator(
            context.simulation(), name, travel, travel,
            new LinearActuator.Listener() {
              @Override
              public void changing() {
                courseListeners.forEach(CourseListener::courseChanging);
              }

              @Override
              public void reached(double at) {
                arrived();
              }
            });
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void start() {
    stem.placeAt(0.0);
    open.addListener(s -> command());
    updateSwitches();
  }

  /** The opening now, 0..1. */
  public double opening() {
    return stem.position();
  }

  private void command() {
    stem.drive(open.booleanValue() ? 1 : -1);
    updateSwitches();
    courseChanged();
  }

  private void arrived() {
    updateSwitches();
    courseChanged();
  }

  private void updateSwitches() {
    isOpen.set(stem.restsAt(1.0));
    isClosed.set(stem.restsAt(0.0));
  }

  private void courseChanged() {
    courseListeners.forEach(CourseListener::courseChanged);
  }

  @Override
  public double fractionAt(long time) {
    return definition.flowShare(stem.positionAt(time));
  }

  @Override
  public java.util.OptionalDouble ratedFlow() {
    return ratedFlow;
  }

  @Override
  public boolean isChanging() {
    return stem.direction() != 0;
  }

  @Override
  public void onCourseChange(CourseListener listener) {
    courseListeners.add(listener);
  }

  @Override
  public void injectFault(FaultSpec fault) {
    stem.stickAt(fault.fraction().orElse(0.5));
    updateSwitches();
    courseChanged();
  }

  @Override
  public void clearFault(String id) {
    stem.stickAt(Double.NaN);
    command();
  }
}
