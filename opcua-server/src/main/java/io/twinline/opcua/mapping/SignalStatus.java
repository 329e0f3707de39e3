package io.twinline.opcua.mapping;

import io.twinline.sim.signal.SignalQuality;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;

/**
 * The StatusCode a signal's value is published with: the quality its I/O card gives it, or
 * Good_LocalOverride while it is forced (a forced value is what the PLC reads, card or not);
 * Bad_NoCommunication (OPC DA's "comm failure") while the PLC link that feeds it is down.
 */
public final class SignalStatus {

  private static final StatusCode LOCAL_OVERRIDE = new StatusCode(StatusCodes.Good_LocalOverride);
  private static final StatusCode OUT_OF_RANGE =
      new StatusCode(StatusCodes.Uncertain_EngineeringUnitsExceeded);
  private static final StatusCode OVERFLOW = new StatusCode(StatusCodes.Bad_OutOfRange);
  private static final StatusCode WIRE_BREAK = new StatusCode(StatusCodes.Bad_SensorFailure);
  private static final StatusCode COMM_FAILURE = new StatusCode(StatusCodes.Bad_NoCommunication);

  private SignalStatus() {}

  public static StatusCode of(SignalQuality quality, boolean forced) {
    if (forced) {
      return LOCAL_OVERRIDE;
    }
    return switch (quality) {
      case GOOD -> StatusCode.GOOD;
      case OUT_OF_RANGE -> OUT_OF_RANGE;
      case OVERFLOW -> OVERFLOW;
      case WIRE_BREAK -> WIRE_BREAK;
      case COMM_FAILURE -> COMM_FAILURE;
    };
  }
}
