package io.twinline.coupling.modbus;

import com.digitalpetri.modbus.ExceptionCode;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import io.twinline.sim.run.Refusal;

/** The Modbus exception responses the endpoint gives, and how refusals map to them. */
final class Exceptions {

  private Exceptions() {}

  /** A refusal of the control surface as a Modbus exception for function {@code fc}. */
  static ModbusResponseException of(int fc, Refusal refusal) {
    ExceptionCode code = switch (refusal.kind()) {
      // an input the plant drives has an address, but not one a master may write
      case NOT_FOUND, NOT_ALLOWED -> ExceptionCode.ILLEGAL_DATA_ADDRESS;
      case INVALID_ARGUMENT -> ExceptionCode.ILLEGAL_DATA_VALUE;
      case INVALID_STATE -> ExceptionCode.SLAVE_DEVICE_FAILURE;
    };
    return of(fc, code);
  }

  static ModbusResponseException of(int fc, ExceptionCode code) {
    return new ModbusResponseException(fc, code.getCode());
  }

  static ModbusResponseException illegalAddress(int fc) {
    return of(fc, ExceptionCode.ILLEGAL_DATA_ADDRESS);
  }

  static ModbusResponseException illegalValue(int fc) {
    return of(fc, ExceptionCode.ILLEGAL_DATA_VALUE);
  }
}
