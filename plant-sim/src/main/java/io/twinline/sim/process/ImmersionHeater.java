package io.twinline.sim.process;

import io.twinline.line.model.HeaterDefinition;
import io.twinline.sim.plant.Component;
import io.twinline.sim.plant.PlantContext;
import io.twinline.sim.signal.Signal;
import java.util.ArrayList;
import java.util.List;

/**
 * A heater in a tank's liquid: its contactor or power setting, its temperature transmitter and
 * switches, its element's temperature and over-temperature cut-out. The physics is the tank's
 * ({@link LiquidHeat}): this component is the heater's signals and what it puts into the liquid.
 * An open cut-out cuts the power whatever the PLC commands; it closes again once the element has
 * cooled by the cut-out's hysteresis.
 */
public final class ImmersionHeater implements Component {

  private final HeaterDefinition definition;
  private final Signal control;
  private final Signal temperature;
  private final Signal elementTemperature;
  private final Signal cutOutSignal;
  private final List<Threshold> thresholds = new ArrayList<>();
  private Tank tank;
  private double commanded;
  private boolean cutOut;

  public ImmersionHeater(HeaterDefinition definition, PlantContext context) {
    this.definition = definition;
    String name = definition.name();
    this.control = context.signal(name,
        definition.proportional() ? HeaterDefinition.POWER : HeaterDefinition.HEAT);
    this.temperature = context.signal(name, HeaterDefinition.TEMPERATURE);
    this.elementTemperature = context.signal(name, HeaterDefinition.ELEMENT_TEMPERATURE);
    this.cutOutSignal = context.signal(name, HeaterDefinition.CUT_OUT);
    for (HeaterDefinition.TemperatureSwitch s : definition.switches()) {
      Signal signal = context.signal(name, s.name());
      double off = s.above() ? s.at() - s.hysteresis() : s.at() + s.hysteresis();
      thresholds.add(new Threshold(name + " " + s.name(), LiquidHeat.PROBE, s.above(), s.at(),
          off, signal::set));
    }
    HeaterDefinition.Immersion immersion = definition.immersion().orElseThrow();
    thresholds.add(new Threshold(name + " cut-out", LiquidHeat.ELEMENT, true, immersion.cutOut(),
        immersion.cutOut() - immersion.cutOutHysteresis(), open -> {
          cutOut = open;
          cutOutSignal.set(open);
        }));
  }

  /** Puts the heater into {@code into}; before the plant starts. */
  public void immerseIn(Tank into) {
    this.tank = into;
    into.immerse(this);
  }

  @Override
  public String name() {
    return definition.name();
  }

  HeaterDefinition definition() {
    return definition;
  }

  List<Threshold> thresholds() {
    return thresholds;
  }

  @Override
  public void start() {
    commanded = fromControl();
    control.addListener(
        s -> {
          tank.heatingChanging();
          commanded = fromControl();
          tank.heatingChanged();
        });
  }

  /** Whether the element's cut-out is open now. */
  public boolean isCutOut() {
    return cutOut;
  }

  /** The fraction of full power going into the element, 0..1. */
  double heatingFraction() {
    return cutOut ? 0.0 : commanded;
  }

  void publish(double probe, double element) {
    temperature.set(probe);
    elementTemperature.set(element);
  }

  private double fromControl() {
    return definition.proportional()
        ? Math.max(0.0, Math.min(100.0, control.doubleValue())) / 100.0
        : (control.booleanValue() ? 1.0 : 0.0);
  }
}
