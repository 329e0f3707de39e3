package io.twinline.line.model;

import io.twinline.line.Analog;
import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * A vertical tank of constant cross-section. Its level follows the flows through its ports: an
 * inlet or outlet is a valve (flow in proportion to its opening) or a pump (flow in proportion to
 * its speed), each with its full flow: the port's {@code flow}, or else the rated flow of its
 * valve or pump. Level switches trip at the exact time the level crosses them; {@code Overflow}
 * is true while the tank is full and spilling. The level transmitter measures over its own
 * range (a live zero, an offset range), and the liquid's density and specific heat give the mass
 * and heat capacity a coupled heater heats.
 *
 * @param area cross-section, m²
 * @param height m
 * @param initialLevel m
 * @param levelRange the level transmitter's measuring range, m (default 0 to the height)
 * @param density kg/m³ (default water, 1000)
 * @param specificHeat J/(kg·K) (default water, 4186)
 * @param agitator the motor that stirs the liquid, if any (a heater's heat transfer and the
 *     temperature transmitter's lag depend on its speed)
 */
public record TankDefinition(
    String name,
    String description,
    SourceLocation location,
    double area,
    double height,
    double initialLevel,
    List<Port> inlets,
    List<Port> outlets,
    List<LevelSwitch> switches,
    Analog levelRange,
    double density,
    double specificHeat,
    Optional<String> agitator)
    implements ComponentDefinition {

  public static final double WATER_DENSITY = 1000.0;
  public static final double WATER_SPECIFIC_HEAT = 4186.0;

  /** A tank of water, its level transmitter over the whole height, no agitator. */
  public TankDefinition(
      String name, String description, SourceLocation location, double area, double height,
      double initialLevel, List<Port> inlets, List<Port> outlets, List<LevelSwitch> switches) {
    this(name, description, location, area, height, initialLevel, inlets, outlets, switches,
        new Analog("m", 0, height), WATER_DENSITY, WATER_SPECIFIC_HEAT, Optional.empty());
  }

  public static final String TYPE = "tank";
  public static final String LEVEL = "Level";
  public static final String OVERFLOW = "Overflow";

  /**
   * A way in or out: a valve or a pump (a motor or pump component) and the flow at full opening
   * or speed.
   *
   * @param through the name of the valve, pump or motor
   * @param flow m³/s; empty: the valve's or pump's rated flow
   * @param temperature °C of the liquid that comes in (inlets; empty: the heater's ambient)
   * @param location where the port is written, for problems found later
   * @param path the port's path in the document
   */
  public record Port(String through, Optional<Double> flow, Optional<Double> temperature,
      SourceLocation location, String path) {

    /** A port with its own full flow. */
    public Port(String through, double flow) {
      this(through, Optional.of(flow), Optional.empty(), SourceLocation.inCode("port"), "");
    }
  }

  /**
   * A level switch.
   *
   * @param name its signal name
   * @param level m
   * @param above true: on while the level is above; false: on while below
   */
  public record LevelSwitch(String name, double level, boolean above) {}

  public TankDefinition {
    agitator = agitator == null ? Optional.empty() : agitator;
    inlets = List.copyOf(inlets);
    outlets = List.copyOf(outlets);
    switches = List.copyOf(switches);
  }

  /** The liquid's mass at level {@code level}, kg. */
  public double massAt(double level) {
    return density * area * level;
  }

  public Optional<LevelSwitch> levelSwitch(String switchName) {
    return switches.stream().filter(s -> s.name().equals(switchName)).findFirst();
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<SignalDefinition> signals() {
    SignalsOf signals =
        SignalsOf.component(this)
            .analogInput(LEVEL, levelRange, "Level transmitter")
            .input(OVERFLOW, SignalType.BOOLEAN, "The tank is full and spilling");
    for (LevelSwitch s : switches) {
      signals.input(s.name(), SignalType.BOOLEAN,
          "Level switch: on while the level is " + (s.above() ? "above " : "below ") + s.level()
              + " m");
    }
    return signals.list();
  }
}
