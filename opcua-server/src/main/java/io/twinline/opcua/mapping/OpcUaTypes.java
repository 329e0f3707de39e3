package io.twinline.opcua.mapping;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ubyte;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ushort;

import io.twinline.line.SignalType;
import io.twinline.sim.signal.SignalValues;
import java.time.Instant;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;

/** How signal types and values look in OPC UA: the one place that maps them. */
public final class OpcUaTypes {

  private OpcUaTypes() {}

  /** 1970-01-01 in OPC UA's DateTime: 100 ns ticks since 1601-01-01 UTC. */
  private static final long UNIX_EPOCH_TICKS = 116_444_736_000_000_000L;

  /** {@code instant} in nanoseconds since 1970-01-01 UTC (good until the year 2262). */
  public static long epochNanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  /**
   * The DateTime of {@code epochNanos} (nanoseconds since 1970-01-01 UTC), truncated to OPC UA's
   * 100 ns, as {@code new DateTime(Instant)} gives it but without making an Instant per value:
   * the publisher stamps a million values a second.
   */
  public static DateTime dateTime(long epochNanos) {
    return new DateTime(UNIX_EPOCH_TICKS + Math.floorDiv(epochNanos, 100));
  }

  /** The DataType NodeId of a signal type. */
  public static NodeId dataType(SignalType type) {
    return switch (type) {
      case BOOLEAN -> NodeIds.Boolean;
      case SBYTE -> NodeIds.SByte;
      case BYTE -> NodeIds.Byte;
      case INT16 -> NodeIds.Int16;
      case UINT16 -> NodeIds.UInt16;
      case INT32 -> NodeIds.Int32;
      case UINT32 -> NodeIds.UInt32;
      case INT64 -> NodeIds.Int64;
      case FLOAT -> NodeIds.Float;
      case DOUBLE -> NodeIds.Double;
      case STRING -> NodeIds.String;
    };
  }

  /** The Variant for a signal value in its stored form ({@code text} for String signals). */
  public static Variant variant(SignalType type, long bits, String text) {
    return switch (type) {
      case BOOLEAN -> new Variant(bits != 0);
      case SBYTE -> new Variant((byte) bits);
      case BYTE -> new Variant(ubyte(bits));
      case INT16 -> new Variant((short) bits);
      case UINT16 -> new Variant(ushort((int) bits));
      case INT32 -> new Variant((int) bits);
      case UINT32 -> new Variant(uint(bits));
      case INT64 -> new Variant(bits);
      case FLOAT -> new Variant((float) Double.longBitsToDouble(bits));
      case DOUBLE -> new Variant(Double.longBitsToDouble(bits));
      case STRING -> new Variant(text == null ? "" : text);
    };
  }

  /**
   * The plant value for a written Variant, or null if the Variant's value is not of the signal's
   * type (OPC UA does not convert on write: Bad_TypeMismatch).
   */
  public static Object plantValue(SignalType type, Variant variant) {
    Object value = variant.value();
    return switch (type) {
      case BOOLEAN -> value instanceof Boolean ? value : null;
      case SBYTE -> value instanceof Byte ? value : null;
      case BYTE -> value instanceof UByte u ? (Object) u.shortValue() : null;
      case INT16 -> value instanceof Short ? value : null;
      case UINT16 -> value instanceof UShort u ? (Object) u.intValue() : null;
      case INT32 -> value instanceof Integer ? value : null;
      case UINT32 -> value instanceof UInteger u ? (Object) u.longValue() : null;
      case INT64 -> value instanceof Long ? value : null;
      case FLOAT -> value instanceof Float ? value : null;
      case DOUBLE -> value instanceof Double ? value : null;
      case STRING -> value instanceof String ? value : null;
    };
  }

  /** A plant value as a double, for range checks (NaN for Booleans and Strings). */
  public static double numeric(SignalType type, Object plantValue) {
    if (!type.isNumeric() || !(plantValue instanceof Number number)) {
      return Double.NaN;
    }
    return number.doubleValue();
  }

  /** Stored bits of a plant value. */
  public static long bits(SignalType type, Object plantValue) {
    return SignalValues.toBits(type, plantValue);
  }
}
