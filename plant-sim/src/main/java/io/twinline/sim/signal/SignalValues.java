package io.twinline.sim.signal;

import io.twinline.line.SignalType;

/**
 * Converts between a signal's stored form and Java values. Numbers and Booleans are stored as a
 * {@code long}: 0/1, the integer, or a floating-point value's double bits (a Float is stored as
 * the double of its value). Strings are stored as objects beside that. Keeping values as
 * primitive bits lets the plant change signals without allocating.
 */
public final class SignalValues {

  private SignalValues() {}

  /**
   * The stored form of {@code value} for a signal of {@code type}.
   *
   * @throws IllegalArgumentException if the value does not fit the type; the message names both
   */
  public static long toBits(SignalType type, Object value) {
    if (type == SignalType.BOOLEAN && value instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (type.isInteger() && isIntegral(value)) {
      long v = ((Number) value).longValue();
      if (v < type.min() || v > type.max()) {
        throw new IllegalArgumentException(
            value + " is outside the range of a " + type.displayName() + " signal ("
                + type.min() + ".." + type.max() + ")");
      }
      return v;
    }
    if (type == SignalType.FLOAT && (value instanceof Float || isIntegral(value))) {
      return Double.doubleToLongBits(((Number) value).floatValue());
    }
    if (type == SignalType.DOUBLE && (value instanceof Number) && !(value instanceof Long)) {
      return Double.doubleToLongBits(((Number) value).doubleValue());
    }
    throw new IllegalArgumentException(
        "a " + type.displayName() + " signal cannot take "
            + (value == null ? "null" : value.getClass().getSimpleName() + " " + value));
  }

  private static boolean isIntegral(Object value) {
    return value instanceof Byte
        || value instanceof Short
        || value instanceof Integer
        || value instanceof Long;
  }

  /** The Java value of stored bits (not for String signals). */
  public static Object toObject(SignalType type, long bits) {
    return switch (type) {
      case BOOLEAN -> bits != 0;
      case SBYTE, BYTE, INT16, UINT16, INT32, UINT32, INT64 -> type.boxInteger(bits);
      case FLOAT -> (float) Double.longBitsToDouble(bits);
      case DOUBLE -> Double.longBitsToDouble(bits);
      case STRING -> throw new IllegalArgumentException("a String signal has no bits");
    };
  }

  /** The value of stored bits as a double (Booleans as 0/1). */
  public static double toDouble(SignalType type, long bits) {
    return switch (type) {
      case BOOLEAN -> bits != 0 ? 1.0 : 0.0;
      case FLOAT, DOUBLE -> Double.longBitsToDouble(bits);
      case STRING -> Double.NaN;
      default -> bits;
    };
  }

  /** The stored bits of a number for a signal of {@code type}, rounding for integers. */
  public static long fromDouble(SignalType type, double value) {
    return switch (type) {
      case BOOLEAN -> value != 0 ? 1 : 0;
      case FLOAT -> Double.doubleToLongBits((float) value);
      case DOUBLE -> Double.doubleToLongBits(value);
      case STRING -> throw new IllegalArgumentException("a String signal has no bits");
      default -> Math.max(type.min(), Math.min(type.max(), Math.round(value)));
    };
  }

  /** The stored bits of a type's default initial value (false, 0, 0.0). */
  public static long initialBits(SignalType type) {
    return type.isFloatingPoint() ? Double.doubleToLongBits(0.0) : 0L;
  }
}
