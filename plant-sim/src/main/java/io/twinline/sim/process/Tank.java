package io.twinline.sim.process;

import io.twinline.line.model.HeaterDefinition;
import io.twinline.line.model.TankDefinition;
import io.twinline.sim.actuator.FlowInput;
import io.twinline.sim.plant.Component;
import io.twinline.sim.plant.PlantContext;
import io.twinline.sim.signal.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A vertical tank of constant cross-section: {@code A dh/dt = sum(inflows) - sum(outflows)},
 * each flow its port's full flow times the opening of its valve or the speed of its pump. The
 * level stays between empty (pumps run dry) and full (the tank spills: {@code Overflow}). Level
 * switches switch at the exact crossing times found by Hipparchus.
 *
 * <p>With an immersion heater the tank also keeps its liquid's heat balance ({@link LiquidHeat}):
 * the liquid's, the element's and the transmitter probe's temperature, integrated with the level
 * so that the mass heated is the mass in the tank at every instant. The heater's switches and its
 * element's cut-out are thresholds of this model, found like the level switches.
 */
public final class Tank extends ContinuousModel implements Component {

  /** Overflow shows once the level is within a micrometre of the rim, and ends 1 mm below it. */
  private static final double RIM = 1e-6;
  private static final double SPILL_HYSTERESIS = 1e-3;

  private record Port(FlowInput input, double flow, double temperature) {}

  private final TankDefinition definition;
  private final double area;
  private final double height;
  private final Signal level;
  private final List<Port> inlets = new ArrayList<>();
  private final List<Port> outlets = new ArrayList<>();
  private final LiquidHeat heat;
  /** For {@link #heatMoving}: asked at every sample, so not allocated each time. */
  private final double[] scratchRates;
  private ImmersionHeater heater;
  private FlowInput agitator;
  private double spilled;
  private long spillingSince = -1;

  public Tank(TankDefinition definition, PlantContext context) {
    this(definition, Optional.empty(), context);
  }

  /** A tank with the immersion heater {@code heater} in it, if present. */
  public Tank(TankDefinition definition, Optional<HeaterDefinition> heater, PlantContext context) {
    super(context.simulation(), definition.name(), heater.isPresent() ? 4 : 1, context.ioCycle(),
        heater.map(h -> Math.min(1.0, new LiquidHeat(h, definition).fastestTimeConstant() / 10))
            .orElse(1.0));
    this.definition = definition;
    this.heat = heater.map(h -> new LiquidHeat(h, definition)).orElse(null);
    this.scratchRates = new double[heater.isPresent() ? 4 : 1];
    this.area = definition.area();
    this.height = definition.height();
    this.level = context.signal(definition.name(), TankDefinition.LEVEL);
    Signal overflow = context.signal(definition.name(), TankDefinition.OVERFLOW);
    addThreshold(
        new Threshold(definition.name() + " overflow", 0, true, height - RIM,
            height - SPILL_HYSTERESIS, on -> {
              overflow.set(on);
              spillingSince = on ? simulation().now() : -1;
            }));
    for (TankDefinition.LevelSwitch s : definition.switches()) {
      Signal signal = context.signal(definition.name(), s.name());
      addThreshold(Threshold.at(definition.name() + " " + s.name(), 0, s.level(), s.above(),
          signal::set));
    }
  }

  /** Connects the flows; {@code inputs} follow the order of the definition's inlets, outlets. */
  public void connect(List<FlowInput> inletInputs, List<FlowInput> outletInputs) {
    connect(inletInputs, outletInputs, null);
  }

  /**
   * Connects the flows and the agitator ({@code null} if none); {@code inputs} follow the order
   * of the definition's inlets, outlets.
   */
  public void connect(
      List<FlowInput> inletInputs, List<FlowInput> outletInputs, FlowInput agitatorInput) {
    double ambient = heat == null ? 20.0 : heat.ambient();
    for (int i = 0; i < inletInputs.size(); i++) {
      TankDefinition.Port port = definition.inlets().get(i);
      inlets.add(new Port(inletInputs.get(i), flowOf(port, inletInputs.get(i)),
          port.temperature().orElse(ambient)));
    }
    for (int i = 0; i < outletInputs.size(); i++) {
      TankDefinition.Port port = definition.outlets().get(i);
      outlets.add(new Port(outletInputs.get(i), flowOf(port, outletInputs.get(i)), ambient));
    }
    this.agitator = heat == null ? null : agitatorInput;
    FlowInput.CourseListener listener =
        new FlowInput.CourseListener() {
          @Override
          public void courseChanging() {
            inputsChanging();
          }

          @Override
          public void courseChanged() {
            inputsChanged();
          }
        };
    for (Port port : inlets) {
      port.input().onCourseChange(listener);
    }
    for (Port port : outlets) {
      port.input().onCourseChange(listener);
    }
    if (agitator != null) {
      agitator.onCourseChange(listener);
    }
  }

  private static double flowOf(TankDefinition.Port port, FlowInput input) {
    return port.flow().orElseGet(() -> input.ratedFlow().orElseThrow(
        () -> new IllegalArgumentException(port.through() + " has no rated flow")));
  }

  /**
   * Puts {@code immersion} into the liquid: its switches and cut-out become thresholds of this
   * model. Before {@link #start()}.
   */
  void immerse(ImmersionHeater immersion) {
    this.heater = immersion;
    for (Threshold threshold : immersion.thresholds()) {
      addThreshold(threshold);
    }
  }

  /** The heater's power or its cut-out changed: re-predict under the new heating. */
  void heatingChanging() {
    inputsChanging();
  }

  void heatingChanged() {
    inputsChanged();
  }

  @Override
  public String name() {
    return definition.name();
  }

  @Override
  public void start() {
    state()[0] = definition.initialLevel();
    if (heat != null) {
      double initial = heater.definition().initial();
      state()[LiquidHeat.LIQUID] = initial;
      state()[LiquidHeat.ELEMENT] = initial;
      state()[LiquidHeat.PROBE] = initial;
    }
    startModel();
  }

  /** The level now, m. */
  public double level() {
    advance();
    return state()[0];
  }

  /** The liquid's temperature now, °C (NaN without a heater). */
  public double liquidTemperature() {
    advance();
    return heat == null ? Double.NaN : state()[LiquidHeat.LIQUID];
  }

  /** The heater element's temperature now, °C (NaN without a heater). */
  public double elementTemperature() {
    advance();
    return heat == null ? Double.NaN : state()[LiquidHeat.ELEMENT];
  }

  /** Net flow in at {@code time}, m³/s, before the level limits. */
  private double netFlow(long time) {
    double net = 0;
    for (Port port : inlets) {
      net += port.flow() * port.input().fractionAt(time);
    }
    for (Port port : outlets) {
      net -= port.flow() * port.input().fractionAt(time);
    }
    return net;
  }

  @Override
  protected void derivatives(long time, double[] state, double[] rates) {
    double rise = netFlow(time) / area;
    if ((state[0] <= 0 && rise < 0) || (state[0] >= height && rise > 0)) {
      rise = 0;
    }
    rates[0] = rise;
    if (heat != null) {
      double inflow = 0;
      double inflowHeat = 0;
      for (Port port : inlets) {
        double q = port.flow() * port.input().fractionAt(time);
        inflow += q;
        inflowHeat += q * port.temperature();
      }
      double agitation = agitator == null ? 1.0 : agitator.fractionAt(time);
      heat.derivatives(state, rates, heater.heatingFraction(), agitation, inflow, inflowHeat);
    }
  }

  @Override
  protected void constrain(double[] state) {
    state[0] = Math.max(0.0, Math.min(height, state[0]));
  }

  @Override
  protected void publish(double[] state) {
    level.set(state[0]);
    if (heat != null) {
      heater.publish(state[LiquidHeat.PROBE], state[LiquidHeat.ELEMENT]);
    }
  }

  @Override
  protected boolean isMoving(long time, double[] state) {
    return levelMoving(time, state) || (heat != null && heatMoving(time, state));
  }

  /** Whether a temperature moves faster than 1e-5 K/s (or the agitator is changing speed). */
  private boolean heatMoving(long time, double[] state) {
    if (agitator != null && agitator.isChanging()) {
      return true;
    }
    double[] rates = scratchRates;
    derivatives(time, state, rates);
    for (int i = LiquidHeat.LIQUID; i <= LiquidHeat.PROBE; i++) {
      if (Math.abs(rates[i]) > 1e-5) {
        return true;
      }
    }
    return false;
  }

  private boolean levelMoving(long time, double[] state) {
    for (Port port : inlets) {
      if (port.input().isChanging()) {
        return true;
      }
    }
    for (Port port : outlets) {
      if (port.input().isChanging()) {
        return true;
      }
    }
    double net = netFlow(time);
    return !(net == 0 || (state[0] <= 0 && net < 0) || (state[0] >= height && net > 0));
  }
}
