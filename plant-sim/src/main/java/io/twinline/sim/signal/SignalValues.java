package io.twinline.sim.signal;

import io.twinline.line.SignalType;

/**
 * Converts between a signal's stored form (a {@code long}: 0/1, the int, or the double's bits)
 * and Java values. Keeping values as primitive bits lets the plant change signals without
 * allocating.
 */
public final class SignalValues {

  private SignalValues() {}

  /**
   * The stored form of {@code value} for a signal of {@code type}.
   *
   * @throws IllegalArgumentException if the value does not fit the type; the message names both
   */
  public static long toBits(SignalType type, Object value) {
    switch (type) {
      case BOOLEAN:
        if (value instanceof Boolean b) {
          return b ? 1 : 0;
        }
        break;
      case INT32:
        if (value instanceof Integer i) {
          return i;
        }
        if (value instanceof Short || value instanceof Byte) {
          return ((Number) value).intValue();
        }
        break;
      case DOUBLE:
        if (value instanceof Double || value instanceof Float) {
          return Double.doubleToLongBits(((Number) value).doubleValue());
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
          return Double.doubleToLongBits(((Number) value).doubleValue());
        }
        break;
      default:
        break;
    }
    throw new IllegalArgumentException(
        "a " + type.displayName() + " signal cannot take "
            + (value == null ? "null" : value.getClass().getSimpleName() + " " + value));
  }

  /** The Java value (Boolean, Integer or Double) of stored bits. */
  public static Object toObject(SignalType type, long bits) {
    return switch (type) {
      case BOOLEAN -> bits != 0;
      case INT32 -> (int) bits;
      case DOUBLE -> Double.longBitsToDouble(bits);
    };
  }

  /** The stored bits of a type's initial value (false, 0, 0.0). */
  public static long initialBits(SignalType type) {
    return type == SignalType.DOUBLE ? Double.doubleToLongBits(0.0) : 0L;
  }
}
