package io.twinline.line;

import java.util.Locale;
import java.util.Optional;

/**
 * The data type of a signal, as the PLC sees it. The names are OPC UA's built-in types.
 *
 * <p>In Java a value is a Boolean, Byte (SByte), Short (Byte, Int16), Integer (UInt16, Int32),
 * Long (UInt32, Int64), Float, Double or String: unsigned types use the next wider signed type.
 */
public enum SignalType {
  BOOLEAN("Boolean", 0, 1),
  SBYTE("SByte", Byte.MIN_VALUE, Byte.MAX_VALUE),
  BYTE("Byte", 0, 255),
  INT16("Int16", Short.MIN_VALUE, Short.MAX_VALUE),
  UINT16("UInt16", 0, 65535),
  INT32("Int32", Integer.MIN_VALUE, Integer.MAX_VALUE),
  UINT32("UInt32", 0, 4294967295L),
  INT64("Int64", Long.MIN_VALUE, Long.MAX_VALUE),
  FLOAT("Float", 0, 0),
  DOUBLE("Double", 0, 0),
  STRING("String", 0, 0);

  private final String displayName;
  private final long min;
  private final long max;

  SignalType(String displayName, long min, long max) {
    this.displayName = displayName;
    this.min = min;
    this.max = max;
  }

  /** The name used in line files, docs and the OPC UA address space ("Boolean", "Int32", ...). */
  public String displayName() {
    return displayName;
  }

  public boolean isInteger() {
    return this != BOOLEAN && this != FLOAT && this != DOUBLE && this != STRING;
  }

  public boolean isFloatingPoint() {
    return this == FLOAT || this == DOUBLE;
  }

  public boolean isNumeric() {
    return isInteger() || isFloatingPoint();
  }

  /** Smallest value of an integer type. */
  public long min() {
    return min;
  }

  /** Largest value of an integer type. */
  public long max() {
    return max;
  }

  /**
   * Reads a value of this type from text ("true", "42", "3.5", any text for String), in the
   * Java form described above.
   *
   * @throws IllegalArgumentException naming the type, if the text is not such a value
   */
  public Object parseValue(String text) {
    String t = text.strip();
    try {
      switch (this) {
        case BOOLEAN:
          if (t.equalsIgnoreCase("true") || t.equals("1")) {
            return Boolean.TRUE;
          }
          if (t.equalsIgnoreCase("false") || t.equals("0")) {
            return Boolean.FALSE;
          }
          break;
        case FLOAT:
          return Float.parseFloat(t);
        case DOUBLE:
          return Double.parseDouble(t);
        case STRING:
          return text;
        default:
          long value = Long.parseLong(t);
          if (value >= min && value <= max) {
            return boxInteger(value);
          }
          throw new IllegalArgumentException(
              "'" + t + "' is outside the range of " + displayName + " (" + min + ".." + max + ")");
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException("'" + t + "' is not a " + displayName + " value");
  }

  /** The Java form of an integer value of this type (see the class comment). */
  public Object boxInteger(long value) {
    return switch (this) {
      case SBYTE -> (byte) value;
      case BYTE, INT16 -> (short) value;
      case UINT16, INT32 -> (int) value;
      case UINT32, INT64 -> value;
      default -> throw new IllegalStateException(displayName + " is not an integer type");
    };
  }

  /** Reads a type name as written in a line file ("Int16", "int16", "Boolean", ...). */
  public static Optional<SignalType> parse(String name) {
    String lower = name.strip().toLowerCase(Locale.ROOT);
    for (SignalType type : values()) {
      if (type.displayName.toLowerCase(Locale.ROOT).equals(lower)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
