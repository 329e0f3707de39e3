package io.twinline.sim.process;

import io.twinline.line.model.TankDefinition;
import io.twinline.sim.actuator.FlowInput;
import io.twinline.sim.plant.Component;
import io.twinline.sim.plant.PlantContext;
import io.twinline.sim.signal.Signal;
import java.util.ArrayList;
import java.util.List;

/**
 * A vertical tank of constant cross-section: {@code A dh/dt = sum(inflows) - sum(outflows)},
 * each flow its port's full flow times the opening of its valve or the speed of its pump. The
 * level stays between empty (pumps run dry) and full (the tank spills: {@code Overflow}). Level
 * switches switch at the exact crossing times found by Hipparchus.
 */
public final class Tank extends ContinuousModel implements Component {

  /** Overflow shows once the level is within a micrometre of the rim, and ends 1 mm below it. */
  private static final double RIM = 1e-6;
  private static final double SPILL_HYSTERESIS = 1e-3;

  private record Port(FlowInput input, double flow) {}

  private final TankDefinition definition;
  private final double area;
  private final double height;
  private final Signal level;
  private final List<Port> inlets = new ArrayList<>();
  private final List<Port> outlets = new ArrayList<>();
  private double spilled;
  private long spillingSince = -1;

  public Tank(TankDefinition definition, PlantContext context) {
    super(context.simulation(), definition.name(), 1, context.ioCycle(), 1.0);
    this.definition = definition;
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
    for (int i = 0; i < inletInputs.size(); i++) {
      inlets.add(new Port(inletInputs.get(i), definition.inlets().get(i).flow()));
    }
    for (int i = 0; i < outletInputs.size(); i++) {
      outlets.add(new Port(outletInputs.get(i), definition.outlets().get(i).flow()));
    }
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
  }

  @Override
  public String name() {
    return definition.name();
  }

  @Override
  public void start() {
    state()[0] = definition.initialLevel();
    startModel();
  }

  /** The level now, m. */
  public double level() {
    advance();
    return state()[0];
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
  }

  @Override
  protected void constrain(double[] state) {
    state[0] = Math.max(0.0, Math.min(height, state[0]));
  }

  @Override
  protected void publish(double[] state) {
    level.set(state[0]);
  }

  @Override
  protected boolean isMoving(long time, double[] state) {
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
