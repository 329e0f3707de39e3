package io.twinline.line.model;

import io.twinline.line.Analog;
import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import java.util.List;

/**
 * An electric heater and the mass it heats, as a first-order thermal model:
 * {@code C dT/dt = P u - k (T - ambient)} with heat capacity C, loss coefficient k and power P
 * switched by {@code Heat} (on/off) or set by {@code Power} (percent). Temperature switches trip
 * at the exact crossing time; the thermostat is one with hysteresis.
 *
 * @param power W at full power
 * @param heatCapacity J/K
 * @param lossCoefficient W/K
 * @param ambient °C
 * @param initial °C
 */
public record HeaterDefinition(
    String name,
    String description,
    SourceLocation location,
    boolean proportional,
    double power,
    double heatCapacity,
    double lossCoefficient,
    double ambient,
    double initial,
    Analog range,
    List<TemperatureSwitch> switches)
    implements ComponentDefinition {

  public static final String TYPE = "heater";
  public static final String HEAT = "Heat";
  public static final String POWER = "Power";
  public static final String TEMPERATURE = "Temperature";

  /**
   * A temperature switch with hysteresis.
   *
   * @param name its signal name
   * @param at °C where it switches on (rising, for above; falling, for below)
   * @param hysteresis K it must go back before switching off
   * @param above true: on above {@code at}; false: on below
   */
  public record TemperatureSwitch(String name, double at, double hysteresis, boolean above) {}

  public HeaterDefinition {
    switches = List.copyOf(switches);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<SignalDefinition> signals() {
    SignalsOf signals = SignalsOf.component(this);
    if (proportional) {
      signals.analogOutput(POWER, new Analog("%", 0, 100), "Heating power");
    } else {
      signals.output(HEAT, SignalType.BOOLEAN, "Heater contactor");
    }
    signals.analogInput(TEMPERATURE, range, "Temperature transmitter");
    for (TemperatureSwitch s : switches) {
      signals.input(s.name(), SignalType.BOOLEAN,
          "Temperature switch: on " + (s.above() ? "above " : "below ") + s.at() + " °C");
    }
    return signals.list();
  }
}
