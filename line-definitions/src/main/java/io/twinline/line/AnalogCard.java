package io.twinline.line;

import java.util.Arrays;
import java.util.Optional;

/**
 * An analog input card as the PLC sees it: how a measured value becomes counts, including the
 * ranges beyond the nominal one and what the card reports for a broken wire. The value is first
 * the fraction {@code f} of its instrument's range (0 at the bottom, 1 at the top); a 4–20 mA
 * loop carries {@code 4 + 16 f} mA.
 *
 * <ul>
 *   <li>{@code s7-4-20mA} (Siemens S7-1200/1500): 0..27648 nominal, overshoot up to 32511
 *       (22.81 mA), undershoot down to -4864 (1.185 mA); above: overflow 32767; below 1.185 mA
 *       the card reports a wire break: 32767 and its diagnostic.
 *   <li>{@code s7-0-10V}: 0..27648 for 0..10 V, the same overshoot and undershoot; beyond them
 *       32767 and -32768 (overflow, underflow). A voltage input cannot see a broken wire.
 *   <li>{@code 4-20mA-32767} (many other vendors): 0..32767 for 4..20 mA, clamped at both ends;
 *       below 3.6 mA (NAMUR NE 43) a wire break: 0 and the diagnostic.
 * </ul>
 */
public enum AnalogCard {
  S7_4_20MA("s7-4-20mA", 27648, -4864, 32511, 32767, -32768, (1.185 - 4) / 16, 32767),
  S7_0_10V("s7-0-10V", 27648, -4864, 32511, 32767, -32768, Double.NaN, 0),
  GENERIC_4_20MA("4-20mA-32767", 32767, 0, 32767, 32767, 0, (3.6 - 4) / 16, 0);

  /** What the card makes of a value: its counts, and how good they are. */
  public enum Status {
    GOOD,
    /** In the overshoot or undershoot range: past the instrument's range, still measured. */
    OUT_OF_RANGE,
    /** Beyond what the card measures: overflow or underflow. */
    OVERFLOW,
    /** The card reports a broken wire. */
    WIRE_BREAK
  }

  /** A conversion: counts and status. */
  public record Reading(long counts, Status status) {}

  private final String keyword;
  private final long nominal;
  private final long underMin;
  private final long overMax;
  private final long overflow;
  private final long underflow;
  private final double wireBreakBelow;
  private final long wireBreakCounts;

  AnalogCard(String keyword, long nominal, long underMin, long overMax, long overflow,
      long underflow, double wireBreakBelow, long wireBreakCounts) {
    this.keyword = keyword;
    this.nominal = nominal;
    this.underMin = underMin;
    this.overMax = overMax;
    this.overflow = overflow;
    this.underflow = underflow;
    this.wireBreakBelow = wireBreakBelow;
    this.wireBreakCounts = wireBreakCounts;
  }

  public String keyword() {
    return keyword;
  }

  public static Optional<AnalogCard> parse(String text) {
    return Arrays.stream(values()).filter(c -> c.keyword.equalsIgnoreCase(text)).findFirst();
  }

  /** The counts' data type: Int16 for every profile. */
  public SignalType type() {
    return SignalType.INT16;
  }

  /** Counts at the bottom and top of the instrument's range. */
  public Analog nominal() {
    return new Analog("counts", 0, nominal);
  }

  /** Whether the card detects a broken wire (a live-zero current loop). */
  public boolean detectsWireBreak() {
    return !Double.isNaN(wireBreakBelow);
  }

  /** What the card reads of {@code value} measured over {@code range}. */
  public Reading read(double value, Analog range) {
    double fraction = (value - range.min()) / range.span();
    if (detectsWireBreak() && fraction < wireBreakBelow) {
      return new Reading(wireBreakCounts, Status.WIRE_BREAK);
    }
    double exact = fraction * nominal;
    if (exact > overMax) {
      return new Reading(overflow, Status.OVERFLOW);
    }
    if (exact < underMin) {
      return new Reading(underflow, underMin == 0 ? Status.OUT_OF_RANGE : Status.OVERFLOW);
    }
    long counts = Math.round(exact);
    return new Reading(counts, counts < 0 || counts > nominal ? Status.OUT_OF_RANGE
        : Status.GOOD);
  }

  /**
   * The status of counts the PLC reads (when a fault sits on the counts themselves):
   * {@code wireBreak} is what the card's diagnostic says.
   */
  public Status statusOf(long counts, boolean wireBreak) {
    if (wireBreak) {
      return Status.WIRE_BREAK;
    }
    if (counts > overMax || counts < underMin) {
      return Status.OVERFLOW;
    }
    return counts < 0 || counts > nominal ? Status.OUT_OF_RANGE : Status.GOOD;
  }

  /** The engineering value the counts stand for, as the PLC's scaling gives it. */
  public double toEngineering(double counts, Analog range) {
    return range.min() + counts / nominal * range.span();
  }
}
