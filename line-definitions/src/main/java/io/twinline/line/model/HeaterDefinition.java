package io.twinline.line.model;

import io.twinline.line.Analog;
import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * An electric heater and the mass it heats, as a first-order thermal model:
 * {@code C dT/dt = P u - k (T - ambient)} with heat capacity C, loss coefficient k and power P
 * switched by {@code Heat} (on/off) or set by {@code Power} (percent). Temperature switches trip
 * at the exact crossing time; the thermostat is one with hysteresis.
 *
 * <p>With {@link #immersion()} the heater sits in a tank and heats the liquid actually in it:
 * C is the liquid's mass (from the level) times its specific heat, plus {@code heatCapacity} of
 * the vessel; the element has its own temperature, and an element that is not covered runs dry
 * until its cut-out opens.
 *
 * @param power W at full power
 * @param heatCapacity J/K (with a tank: the vessel's own, beside the liquid's)
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
    List<TemperatureSwitch> switches,
    Optional<Immersion> immersion)
    implements ComponentDefinition {

  /** A heater of a fixed mass. */
  public HeaterDefinition(
      String name, String description, SourceLocation location, boolean proportional,
      double power, double heatCapacity, double lossCoefficient, double ambient, double initial,
      Analog range, List<TemperatureSwitch> switches) {
    this(name, description, location, proportional, power, heatCapacity, lossCoefficient,
        ambient, initial, range, switches, Optional.empty());
  }

  /**
   * An immersion heater in a tank's liquid. The element (heat capacity {@code elementCapacity})
   * gives its heat to the liquid through a film: at full power and with the agitator running its
   * surface is {@code filmDifference} above the liquid; without stirring the transfer is
   * {@link #UNSTIRRED_TRANSFER} of that. Below {@code elementLevel} (covered over its last
   * {@link #COVER_BAND} m) it is in air and heats itself: its cut-out opens at {@code cutOut}
   * and closes again {@code cutOutHysteresis} lower. The temperature transmitter follows the
   * liquid with {@code lag} while stirred and {@code unstirredLag} while not (a stratified
   * tank reads late).
   *
   * @param tank the tank's name
   * @param elementLevel m, the level that just covers the element
   * @param elementCapacity J/K
   * @param filmDifference K
   * @param cutOut °C
   * @param cutOutHysteresis K
   * @param lag s
   * @param unstirredLag s
   */
  public record Immersion(String tank, double elementLevel, double elementCapacity,
      double filmDifference, double cutOut, double cutOutHysteresis, double lag,
      double unstirredLag) {

    /** The share of the stirred heat transfer that is left when the agitator stands. */
    public static final double UNSTIRRED_TRANSFER = 0.3;
    /** The element is covered gradually over this band of level, m. */
    public static final double COVER_BAND = 0.02;
    /** A dry element in air would settle this far above the liquid at full power, K. */
    public static final double DRY_DIFFERENCE = 800.0;
  }

  public static final String TYPE = "heater";
  public static final String HEAT = "Heat";
  public static final String POWER = "Power";
  public static final String TEMPERATURE = "Temperature";
  public static final String ELEMENT_TEMPERATURE = "ElementTemperature";
  public static final String CUT_OUT = "CutOut";

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
    immersion = immersion == null ? Optional.empty() : immersion;
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
    if (immersion.isPresent()) {
      signals.analogInput(ELEMENT_TEMPERATURE, new Analog("°C", 0, 1000),
          "Element sheath temperature");
      signals.input(CUT_OUT, SignalType.BOOLEAN, "Element over-temperature cut-out open (above "
          + immersion.get().cutOut() + " °C)");
    }
    for (TemperatureSwitch s : switches) {
      signals.input(s.name(), SignalType.BOOLEAN,
          "Temperature switch: on " + (s.above() ? "above " : "below ") + s.at() + " °C");
    }
    return signals.list();
  }
}
