package io.twinline.coupling.modbus;

import io.twinline.line.SignalType;
import io.twinline.sim.signal.SignalValues;
import java.util.Optional;

/**
 * How a signal's value is carried in 16-bit registers: Booleans are bits (coils and discrete
 * inputs); 8- and 16-bit integers take one register (two's complement when signed), Int32,
 * UInt32 and Float two, Int64 and Double four (IEEE 754 for floating point). Strings have no
 * Modbus form here.
 */
public final class RegisterCodec {

  private RegisterCodec() {}

  /** Registers a value of {@code type} takes; 0 for a Boolean (a bit), -1 for no Modbus form. */
  public static int width(SignalType type) {
    return switch (type) {
      case BOOLEAN -> 0;
      case SBYTE, BYTE, INT16, UINT16 -> 1;
      case INT32, UINT32, FLOAT -> 2;
      case INT64, DOUBLE -> 4;
      case STRING -> -1;
    };
  }

  /** The Modbus form named in maps: "bit", "int16", "uint32", "float32", "float64", ... */
  public static String form(SignalType type) {
    return switch (type) {
      case BOOLEAN -> "bit";
      case SBYTE -> "int16 (SByte)";
      case BYTE -> "uint16 (Byte)";
      case INT16 -> "int16";
      case UINT16 -> "uint16";
      case INT32 -> "int32";
      case UINT32 -> "uint32";
      case FLOAT -> "float32";
      case INT64 -> "int64";
      case DOUBLE -> "float64";
      case STRING -> "-";
    };
  }

  /**
   * Writes the value with stored {@code bits} (as {@link SignalValues} keeps it) into
   * {@code width(type)} registers at {@code words[offset..]}, in {@code order}.
   */
  public static void encode(SignalType type, long bits, WordOrder order, int[] words, int offset) {
    int width = width(type);
    long raw = switch (type) {
      case FLOAT -> Float.floatToRawIntBits((float) Double.longBitsToDouble(bits)) & 0xFFFFFFFFL;
      default -> bits; // integers as they are, Double as its bits
    };
    for (int k = 0; k < width; k++) {
      // k-th word, most significant first
      int word = (int) (raw >>> (16 * (width - 1 - k))) & 0xFFFF;
      words[offset + (order == WordOrder.ABCD ? k : width - 1 - k)] = word;
    }
  }

  /**
   * The Java value (in the form {@link SignalType} names) that registers {@code words[offset..]}
   * hold in {@code order}, or empty if it does not fit the type (a Byte register above 255).
   */
  public static Optional<Object> decode(SignalType type, WordOrder order, int[] words,
      int offset) {
    int width = width(type);
    long raw = 0;
    for (int k = 0; k < width; k++) {
      int word = words[offset + (order == WordOrder.ABCD ? k : width - 1 - k)] & 0xFFFF;
      raw = (raw << 16) | word;
    }
    return switch (type) {
      case SBYTE -> (short) raw >= Byte.MIN_VALUE && (short) raw <= Byte.MAX_VALUE
          ? Optional.of((Object) (byte) (short) raw) : Optional.empty();
      case BYTE -> raw <= 255 ? Optional.of((Object) (short) raw) : Optional.empty();
      case INT16 -> Optional.of((Object) (short) raw);
      case UINT16 -> Optional.of((Object) (int) raw);
      case INT32 -> Optional.of((Object) (int) raw);
      case UINT32 -> Optional.of((Object) raw);
      case FLOAT -> Optional.of((Object) Float.intBitsToFloat((int) raw));
      case INT64 -> Optional.of((Object) raw);
      case DOUBLE -> Optional.of((Object) Double.longBitsToDouble(raw));
      case BOOLEAN, STRING -> throw new IllegalArgumentException(type + " has no registers");
    };
  }
}
