package io.twinline.opcua.mapping;

import io.twinline.line.SignalType;
import io.twinline.sim.signal.SignalValues;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/** How signal types and values look in OPC UA. */
public final class OpcUaTypes {

  private OpcUaTypes() {}

  /** The DataType NodeId of a signal type. */
  public static NodeId dataType(SignalType type) {
    return switch (type) {
      case BOOLEAN -> NodeIds.Boolean;
      case INT32 -> NodeIds.Int32;
      case DOUBLE -> NodeIds.Double;
    };
  }

  /** The Variant for a signal value in its stored form. */
  public static Variant variant(SignalType type, long bits) {
    return new Variant(SignalValues.toObject(type, bits));
  }

  /**
   * The plant value for a written Variant, or null if the Variant's value does not fit the
   * signal's type exactly (OPC UA does not convert on write: Bad_TypeMismatch).
   */
  public static Object plantValue(SignalType type, Variant variant) {
    Object value = variant.value();
    return switch (type) {
      case BOOLEAN -> value instanceof Boolean ? value : null;
      case INT32 -> value instanceof Integer ? value : null;
      case DOUBLE -> value instanceof Double ? value : null;
    };
  }
}
