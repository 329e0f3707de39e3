package io.twinline.sim.signal;

import io.twinline.line.AnalogCard;

/**
 * How far the PLC can trust a value, as its I/O card says: good, past the instrument's range
 * (uncertain), beyond what the card measures, or a broken wire (bad). Protocols map it to their
 * own codes (OPC UA StatusCodes in the server); the plant only says what the card reports.
 */
public enum SignalQuality {
  GOOD,
  /** In the card's overshoot or undershoot range: measured, but past the instrument's range. */
  OUT_OF_RANGE,
  /** Overflow or underflow: beyond what the card can measure. */
  OVERFLOW,
  /** The card reports a broken wire. */
  WIRE_BREAK;

  public boolean isGood() {
    return this == GOOD;
  }

  /** Usable with care: out of range but measured. */
  public boolean isUncertain() {
    return this == OUT_OF_RANGE;
  }

  public boolean isBad() {
    return this == OVERFLOW || this == WIRE_BREAK;
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
