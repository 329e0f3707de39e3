package io.twinline.line.units;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A physical dimension with the units a line file may use for it, each with its factor to the
 * base unit (metre, second, metre per second, ...).
 */
public enum Dimension {
  LENGTH("a length", "m", Map.of("m", "1", "cm", "0.01", "mm", "0.001")),
  DURATION(
      "a duration",
      "s",
      ordered(
          "ns", "0.000000001", "us", "0.000001", "µs", "0.000001", "ms", "0.001", "s", "1",
          "min", "60", "h", "3600")),
  SPEED("a speed", "m/s", ordered("m/s", "1", "mm/s", "0.001", "m/min", "0.016666666666666667")),
  AREA("an area", "m2", ordered("m2", "1", "m²", "1", "cm2", "0.0001", "cm²", "0.0001")),
  VOLUME("a volume", "m3", ordered("m3", "1", "m³", "1", "l", "0.001", "L", "0.001", "ml",
      "0.000001", "mL", "0.000001")),
  FLOW(
      "a flow",
      "m3/s",
      ordered(
          "m3/s", "1", "m³/s", "1", "l/s", "0.001", "L/s", "0.001", "ml/s", "0.000001",
          "mL/s", "0.000001", "l/min",
          "0.000016666666666666667", "L/min", "0.000016666666666666667", "m3/h",
          "0.00027777777777777778", "m³/h", "0.00027777777777777778")),
  POWER("a power", "W", ordered("W", "1", "kW", "1000")),
  /** Absolute temperatures in degrees Celsius (offset units are not converted). */
  TEMPERATURE("a temperature", "°C", ordered("°C", "1", "degC", "1")),
  /** Temperature differences (hysteresis): kelvin, equal to a Celsius degree. */
  TEMPERATURE_DIFFERENCE("a temperature difference", "K", ordered("K", "1", "°C", "1", "degC", "1")),
  HEAT_CAPACITY("a heat capacity", "J/K", ordered("J/K", "1", "kJ/K", "1000")),
  THERMAL_CONDUCTANCE("a heat loss coefficient", "W/K", ordered("W/K", "1", "kW/K", "1000")),
  /** Pressure (a valve's pressure drop), pascal. */
  PRESSURE("a pressure", "Pa", ordered("Pa", "1", "kPa", "1000", "mbar", "100", "bar", "100000",
      "MPa", "1000000", "psi", "6894.757293168")),
  /** A liquid's density, kg/m³. */
  DENSITY("a density", "kg/m3", ordered("kg/m3", "1", "kg/m³", "1", "kg/l", "1000", "kg/L",
      "1000", "g/cm3", "1000", "g/cm³", "1000")),
  /** A liquid's specific heat capacity, J/(kg·K). */
  SPECIFIC_HEAT("a specific heat", "J/(kg.K)", ordered("J/(kg.K)", "1", "J/(kg·K)", "1",
      "J/kgK", "1", "kJ/(kg.K)", "1000", "kJ/(kg·K)", "1000", "kJ/kgK", "1000")),
  /** A plain ratio: {@code 0.05}, {@code 5 %}. */
  RATIO("a ratio", "", ordered("%", "0.01"));

  private final String description;
  private final String baseUnit;
  private final Map<String, BigDecimal> units;

  Dimension(String description, String baseUnit, Map<String, String> factors) {
    this.description = description;
    this.baseUnit = baseUnit;
    Map<String, BigDecimal> parsed = new LinkedHashMap<>();
    factors.forEach((unit, factor) -> parsed.put(unit, new BigDecimal(factor)));
    this.units = parsed;
  }

  /** Words for messages: "a length". */
  public String description() {
    return description;
  }

  public String baseUnit() {
    return baseUnit;
  }

  /** The factor to the base unit, or null if the unit does not belong to this dimension. */
  BigDecimal factor(String unit) {
    if (this == RATIO && unit.isEmpty()) {
      return BigDecimal.ONE;
    }
    return units.get(unit);
  }

  /** The units accepted, for hints. */
  public String unitList() {
    return String.join(", ", units.keySet());
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
