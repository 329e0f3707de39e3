package io.twinline.line;

/**
 * What an analog value means: its engineering unit and the range of the instrument (a level
 * transmitter's 0..2 m, a speed reference's 0..100 %). Clients see it as EngineeringUnits and
 * EURange; writes outside the range are refused.
 *
 * @param unit the unit as written, e.g. {@code m}, {@code °C}, {@code %}
 * @param min lower end of the range
 * @param max upper end of the range, > min
 */
public record Analog(String unit, double min, double max) {

  public Analog {
    if (!(max > min)) {
      throw new IllegalArgumentException("an analog range needs max > min: " + min + ".." + max);
    }
  }

  public double span() {
    return max - min;
  }

  /** Whether {@code value} lies within the range (inclusive). */
  public boolean contains(double value) {
    return value >= min && value <= max;
  }
}
