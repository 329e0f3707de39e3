package io.twinline.sim.process;

import io.twinline.line.fault.FaultSpec;
import io.twinline.line.model.PumpDefinition;
import io.twinline.sim.actuator.FlowInput;
import io.twinline.sim.actuator.Motor;
import io.twinline.sim.plant.FaultableComponent;
import io.twinline.sim.plant.PlantContext;
import java.util.OptionalDouble;

/**
 * A pump: its motor (contactor, ramp, running feedback, overload) and its rated flow. The flow
 * it moves is the rated flow times the motor's speed fraction.
 */
public final class Pump implements FaultableComponent, FlowInput {

  private final Motor motor;
  private final OptionalDouble ratedFlow;

  public Pump(PumpDefinition definition, PlantContext context) {
    this.motor = new Motor(definition.motor(), context);
    this.ratedFlow = OptionalDouble.of(definition.ratedFlow());
  }

  @Override
  public String name() {
    return motor.name();
  }

  @Override
  public void start() {
    motor.start();
  }

  @Override
  public double fractionAt(long time) {
    return motor.fractionAt(time);
  }

  @Override
  public OptionalDouble ratedFlow() {
    return ratedFlow;
  }

  @Override
  public boolean isChanging() {
    return motor.isChanging();
  }

  @Override
  public void onCourseChange(CourseListener listener) {
    motor.onCourseChange(listener);
  }

  @Override
  public void injectFault(FaultSpec fault) {
    motor.injectFault(fault);
  }

  @Override
  public void clearFault(String id) {
    motor.clearFault(id);
  }
}
