package io.twinline.coupling.modbus;

import java.util.Locale;

/**
 * How a value wider than one register is laid out over consecutive registers. Bytes inside a
 * register are always big-endian (Modbus's own order); only the order of the 16-bit words
 * differs between PLCs.
 */
public enum WordOrder {
  /** Most significant word first (ABCD; for 64 bits ABCDEFGH): Modbus's "big-endian". */
  ABCD,
  /**
   * Least significant word first (CDAB; for 64 bits GHEFCDAB): the "word swap" many PLCs
   * (Schneider, some CODESYS targets) use.
   */
  CDAB;

  /**
   * Reads "ABCD" or "CDAB" (any case; "big" and "little" too).
   *
   * @throws IllegalArgumentException naming the two choices
   */
  public static WordOrder parse(String text) {
    return switch (text.strip().toUpperCase(Locale.ROOT)) {
      case "ABCD", "BIG" -> ABCD;
      case "CDAB", "LITTLE", "SWAPPED" -> CDAB;
      default -> throw new IllegalArgumentException(
          "word order must be ABCD (most significant word first) or CDAB, was '" + text + "'");
    };
  }

  /** The other order. */
  public WordOrder swapped() {
    return this == ABCD ? CDAB : ABCD;
  }
}
