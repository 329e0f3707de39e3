package io.twinline.opcua.namespace;

import io.twinline.sim.run.Refusal;
import org.eclipse.milo.opcua.stack.core.StatusCodes;

/** The OPC UA status code for each kind of refusal of the control surface. */
public final class RefusalCodes {

  private RefusalCodes() {}

  /** The status a method call is answered with when the control surface refused it. */
  public static long ofMethod(Refusal refusal) {
    return switch (refusal.kind()) {
      case NOT_FOUND -> StatusCodes.Bad_NotFound;
      case INVALID_ARGUMENT -> StatusCodes.Bad_InvalidArgument;
      case INVALID_STATE -> StatusCodes.Bad_InvalidState;
      case NOT_ALLOWED -> StatusCodes.Bad_NotWritable;
    };
  }
}
