package io.twinline.sim.signal;

import io.twinline.line.AnalogCard;

/**
 * How far the PLC can trust a value, as its I/O card says: good, past the instrument's range
 * (uncertain), beyond what the card measures, or a broken wire (bad). Protocols map it to their
 * own codes (OPC UA StatusCodes in the server); the plant only says what the card reports, or
 * (COMM_FAILURE) that the link a controller feeds the value through is down.
 */
public enum SignalQuality {
  GOOD,
  /** In the card's overshoot or undershoot range: measured, but past the instrument's range. */
  OUT_OF_RANGE,
  /** Overflow or underflow: beyond what the card can measure. */
  OVERFLOW,
  /** The card reports a broken wire. */
  WIRE_BREAK,
  /**
   * The link that feeds the value (a PLC coupling reading it from the PLC) is down: the value is
   * the last one received, stale.
   */
  COMM_FAILURE;

  public boolean isGood() {
    return this == GOOD;
  }

  /** Usable with care: out of range but measured. */
  public boolean isUncertain() {
    return this == OUT_OF_RANGE;
  }

  public boolean isBad() {
    return this == OVERFLOW || this == WIRE_BREAK || this == COMM_FAILURE;
  }

  public static SignalQuality of(AnalogCard.Status status) {
    return switch (status) {
      case GOOD -> GOOD;
      case OUT_OF_RANGE -> OUT_OF_RANGE;
      case OVERFLOW -> OVERFLOW;
      case WIRE_BREAK -> WIRE_BREAK;
    };
  }
}
