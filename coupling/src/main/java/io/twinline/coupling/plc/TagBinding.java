package io.twinline.coupling.plc;

import io.twinline.coupling.modbus.RegisterCodec;
import io.twinline.line.SignalDefinition;
import io.twinline.line.SourceLocation;

/**
 * One signal bound to one PLC tag.
 *
 * @param id the signal's id in the plant
 * @param signal the signal
 * @param tag its place in the PLC
 * @param location where the binding was written (file:line:column)
 */
public record TagBinding(int id, SignalDefinition signal, ModbusTag tag, SourceLocation location) {

  /** Bits or registers the value takes in the PLC. */
  public int width() {
    return tag.area().bits() ? 1 : RegisterCodec.width(signal.type());
  }

  /** The protocol address after the last one it takes. */
  public int end() {
    return tag.address() + width();
  }
}
