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
  SPEED("a speed", "m/s", ordered("m/s", "1", "mm/s", "0.001", "m/min", "0.016666666666666667"));

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
