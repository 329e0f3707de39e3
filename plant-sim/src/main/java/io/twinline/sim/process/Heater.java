package io.twinline.sim.process;

import io.twinline.line.model.HeaterDefinition;
import io.twinline.sim.plant.Component;
import io.twinline.sim.plant.PlantContext;
import io.twinline.sim.signal.Signal;

/**
 * A heater and the mass it heats: {@code C dT/dt = P u - k (T - ambient)}, with {@code u} the
 * contactor (0/1) or the power setting (0..1). Temperature switches and thermostats switch at the
 * exact crossing times found by Hipparchus, with their hysteresis.
 */
public final class Heater extends ContinuousModel implements Component {

  private final HeaterDefinition definition;
  private final Signal control;
  private final Signal temperature;
  private final double timeConstant;
  /** The heating power in force, W: a field, so the state can be advanced under the old one. */
  private double heating;

  public Heater(HeaterDefinition definition, PlantContext context) {
    super(
        context.simulation(),
        definition.name(),
        1,
        context.ioCycle(),
        Math.min(1.0, definition.heatCapacity() / definition.lossCoefficient() / 50.0));
    this.definition = definition;
    this.control =
        context.signal(
            definition.name(),
            definition.proportional() ? HeaterDefinition.POWER : HeaterDefinition.HEAT);
    this.temperature = context.signal(definition.name(), HeaterDefinition.TEMPERATURE);
    this.timeConstant = definition.heatCapacity() / definition.lossCoefficient();
    for (HeaterDefinition.TemperatureSwitch s : definition.switches()) {
      Signal signal = context.signal(definition.name(), s.name());
      double off = s.above() ? s.at() - s.hysteresis() : s.at() + s.hysteresis();
      addThreshold(new Threshold(definition.name() + " " + s.name(), 0, s.above(), s.at(), off,
          signal::set));
    }
  }

  @Override
  public String name() {
    return definition.name();
  }

  @Override
  public void start() {
    state()[0] = definition.initial();
    control.addListener(
        s -> {
          inputsChanging();
          heating = heatingFromControl();
          inputsChanged();
        });
    heating = heatingFromControl();
    startModel();
  }

  /** The temperature now, °C. */
  public double temperature() {
    advance();
    return state()[0];
  }

  /** The thermal time constant C/k, seconds. */
  public double timeConstant() {
    return timeConstant;
  }

  private double heatingFromControl() {
    double u =
        definition.proportional()
            ? Math.max(0.0, Math.min(100.0, control.doubleValue())) / 100.0
            : (control.booleanValue() ? 1.0 : 0.0);
    return definition.power() * u;
  }

  @Override
  protected void derivatives(long time, double[] state, double[] rates) {
    rates[0] =
        (heating - definition.lossCoefficient() * (state[0] - definition.ambient()))
            / definition.heatCapacity();
  }

  @Override
  protected void publish(double[] state) {
    temperature.set(state[0]);
  }

  @Override
  protected boolean isMoving(long time, double[] state) {
    double equilibrium = definition.ambient() + heating / definition.lossCoefficient();
    return Math.abs(state[0] - equilibrium) > 1e-4;
  }
}
