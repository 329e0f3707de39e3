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
 * the motor's speed), each with its full flow. Level switches trip at the exact time the level
 * crosses them; {@code Overflow} is true while the tank is full and spilling.
 *
 * @param area cross-section, m²
 * @param height m
 * @param initialLevel m
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
    List<LevelSwitch> switches)
    implements ComponentDefinition {

  public static final String TYPE = "tank";
  public static final String LEVEL = "Level";
  public static final String OVERFLOW = "Overflow";

  /**
   * A way in or out: a valve or a pump (a motor component) and the flow at full opening or speed.
   *
   * @param through the name of the valve or motor
   * @param flow m³/s
   */
  public record Port(String through, double flow) {}

  /**
   * A level switch.
   *
   * @param name its signal name
   * @param level m
   * @param above true: on while the level is above; false: on while below
   */
  public record LevelSwitch(String name, double level, boolean above) {}

  public TankDefinition {
    inlets = List.copyOf(inlets);
    outlets = List.copyOf(outlets);
    switches = List.copyOf(switches);
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
            .analogInput(LEVEL, new Analog("m", 0, height), "Level transmitter")
            .input(OVERFLOW, SignalType.BOOLEAN, "The tank is full and spilling");
    for (LevelSwitch s : switches) {
      signals.input(s.name(), SignalType.BOOLEAN,
          "Level switch: on while the level is " + (s.above() ? "above " : "below ") + s.level()
              + " m");
    }
    return signals.list();
  }
}
