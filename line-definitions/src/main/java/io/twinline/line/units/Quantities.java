package io.twinline.line.units;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads quantities with units as they are written in line files: {@code "2.0 m"}, {@code "0.5
 * m/s"}, {@code "10 ms"}. A bare number is refused, because a bare {@code 10} may mean seconds to
 * one engineer and milliseconds to the next.
 */
public final class Quantities {

  private static final Pattern QUANTITY =
      Pattern.compile("([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*([^\\s\\d].*)?");

  private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

  private Quantities() {}

  /** Reads a value of {@code dimension} and returns it in the base unit. */
  public static BigDecimal parse(String text, Dimension dimension) throws QuantityFormatException {
    String trimmed = text == null ? "" : text.strip();
    Matcher matcher = QUANTITY.matcher(trimmed);
    String example = "e.g. '" + example(dimension) + "'";
    if (!matcher.matches()) {
      throw new QuantityFormatException(
          "'" + trimmed + "' is not " + dimension.description(),
          "write a number and a unit, " + example + "; units: " + dimension.unitList());
    }
    String unit = matcher.group(2) == null ? "" : matcher.group(2).strip();
    if (unit.isEmpty() && dimension != Dimension.RATIO) {
      throw new QuantityFormatException(
          "'" + trimmed + "' has no unit",
          "write the unit, " + example + "; units: " + dimension.unitList());
    }
    BigDecimal factor = dimension.factor(unit);
    if (factor == null) {
      throw new QuantityFormatException(
          "unknown unit '" + unit + "' for " + dimension.description(),
          "use one of: " + dimension.unitList());
    }
    return new BigDecimal(matcher.group(1)).multiply(factor);
  }

  /** Reads a length in metres. */
  public static double length(String text) throws QuantityFormatException {
    return parse(text, Dimension.LENGTH).doubleValue();
  }

  /** Reads a speed in metres per second. */
  public static double speed(String text) throws QuantityFormatException {
    return parse(text, Dimension.SPEED).doubleValue();
  }

  /** Reads a duration, exact to the nanosecond. */
  public static Duration duration(String text) throws QuantityFormatException {
    if (text.contains("±") || text.contains("+-") || text.contains("+/-")) {
      throw new QuantityFormatException(
          "'" + text.strip() + "' is a tolerance, but this is one fixed duration",
          "write the nominal duration alone, e.g. '" + text.strip().split("\\s*(±|\\+/?-)")[0]
              + "'; a tolerance (uniform) is for intervals and process times");
    }
    BigDecimal seconds = parse(text, Dimension.DURATION);
    BigDecimal nanos = seconds.multiply(NANOS_PER_SECOND);
    BigDecimal whole = nanos.setScale(0, RoundingMode.HALF_EVEN);
    if (whole.compareTo(nanos) != 0) {
      throw new QuantityFormatException(
          "'" + text.strip() + "' is finer than one nanosecond",
          "simulated time counts whole nanoseconds");
    }
    try {
      return Duration.ofNanos(whole.longValueExact());
    } catch (ArithmeticException e) {
      throw new QuantityFormatException(
          "'" + text.strip() + "' is too long", "durations must stay below 292 years");
    }
  }

  /** Reads a plain number or percentage as a ratio: {@code 0.05} or {@code 5 %}. */
  public static double ratio(String text) throws QuantityFormatException {
    return parse(text, Dimension.RATIO).doubleValue();
  }

  private static String example(Dimension dimension) {
    return switch (dimension) {
      case LENGTH -> "2.0 m";
      case DURATION -> "500 ms";
      case SPEED -> "0.5 m/s";
      case AREA -> "0.8 m2";
      case VOLUME -> "500 l";
      case FLOW -> "2 l/s";
      case POWER -> "6 kW";
      case TEMPERATURE -> "20 °C";
      case TEMPERATURE_DIFFERENCE -> "2 K";
      case HEAT_CAPACITY -> "2100 kJ/K";
      case THERMAL_CONDUCTANCE -> "15 W/K";
      case PRESSURE -> "1 bar";
      case DENSITY -> "1000 kg/m3";
      case SPECIFIC_HEAT -> "4.19 kJ/(kg.K)";
      case RATIO -> "5 %";
    };
  }
}
