package io.twinline.coupling.modbus;

import com.digitalpetri.modbus.ExceptionCode;
import com.digitalpetri.modbus.FunctionCode;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import com.digitalpetri.modbus.pdu.ReadCoilsRequest;
import com.digitalpetri.modbus.pdu.ReadCoilsResponse;
import com.digitalpetri.modbus.pdu.ReadDiscreteInputsRequest;
import com.digitalpetri.modbus.pdu.ReadDiscreteInputsResponse;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersResponse;
import com.digitalpetri.modbus.pdu.ReadInputRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadInputRegistersResponse;
import com.digitalpetri.modbus.pdu.WriteMultipleCoilsRequest;
import com.digitalpetri.modbus.pdu.WriteMultipleCoilsResponse;
import com.digitalpetri.modbus.pdu.WriteMultipleRegistersRequest;
import com.digitalpetri.modbus.pdu.WriteMultipleRegistersResponse;
import com.digitalpetri.modbus.pdu.WriteSingleCoilRequest;
import com.digitalpetri.modbus.pdu.WriteSingleCoilResponse;
import com.digitalpetri.modbus.pdu.WriteSingleRegisterRequest;
import com.digitalpetri.modbus.pdu.WriteSingleRegisterResponse;
import com.digitalpetri.modbus.server.ModbusRequestContext;
import com.digitalpetri.modbus.server.ModbusServices;
import io.twinline.coupling.modbus.ModbusMap.Area;
import io.twinline.coupling.modbus.ModbusMap.Entry;
import io.twinline.line.SignalType;
import io.twinline.sim.run.Command;
import io.twinline.sim.run.Refusal;
import io.twinline.sim.run.SetSignal;
import io.twinline.sim.run.SimulationRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers Modbus requests from the line's map: reads from the published values, writes checked
 * here (address, access, type, range, as OPC UA writes are) and sent to the simulation as
 * {@link SetSignal} commands, applied at its next I/O cycle in the order they came. A request
 * that is refused in part is refused whole: nothing of it is applied.
 *
 * <p>Units 0, 1 and 255 use the endpoint's word order, unit 2 the other one; other units get
 * exception 0B (gateway target failed to respond), as from a gateway without that device.
 */
final class LineServices implements ModbusServices {

  private static final Logger LOG = LoggerFactory.getLogger(LineServices.class);

  /** Protocol limits of one request (Modbus application protocol 1.1b3). */
  static final int MAX_READ_BITS = 2000;
  static final int MAX_READ_REGISTERS = 125;
  static final int MAX_WRITE_BITS = 1968;
  static final int MAX_WRITE_REGISTERS = 123;

  private final ModbusMap map;
  private final ProcessValues values;
  private final SimulationRunner runner;
  private final WordOrder order;

  LineServices(ModbusMap map, ProcessValues values, SimulationRunner runner, WordOrder order) {
    this.map = map;
    this.values = values;
    this.runner = runner;
    this.order = order;
  }

  /** The word order of {@code unit}, or the exception for a unit that is not there. */
  WordOrder orderOf(int fc, int unit) throws ModbusResponseException {
    return switch (unit) {
      case 0, 1, 255 -> order;
      case 2 -> order.swapped();
      default -> throw Exceptions.of(fc, ExceptionCode.GATEWAY_TARGET_DEVICE_FAILED_TO_RESPONSE);
    };
  }

  @Override
  public ReadCoilsResponse readCoils(ModbusRequestContext context, int unitId,
      ReadCoilsRequest request) throws ModbusResponseException {
    orderOf(FunctionCode.READ_COILS.getCode(), unitId);
    return new ReadCoilsResponse(readBits(FunctionCode.READ_COILS.getCode(), request.address(),
        request.quantity()));
  }

  @Override
  public ReadDiscreteInputsResponse readDiscreteInputs(ModbusRequestContext context, int unitId,
      ReadDiscreteInputsRequest request) throws ModbusResponseException {
    int fc = FunctionCode.READ_DISCRETE_INPUTS.getCode();
    orderOf(fc, unitId);
    return new ReadDiscreteInputsResponse(readBits(fc, request.address(), request.quantity()));
  }

  @Override
  public ReadHoldingRegistersResponse readHoldingRegisters(ModbusRequestContext context,
      int unitId, ReadHoldingRegistersRequest request) throws ModbusResponseException {
    int fc = FunctionCode.READ_HOLDING_REGISTERS.getCode();
    return new ReadHoldingRegistersResponse(
        readRegisters(fc, orderOf(fc, unitId), request.address(), request.quantity()));
  }

  @Override
  public ReadInputRegistersResponse readInputRegisters(ModbusRequestContext context, int unitId,
      ReadInputRegistersRequest request) throws ModbusResponseException {
    int fc = FunctionCode.READ_INPUT_REGISTERS.getCode();
    return new ReadInputRegistersResponse(
        readRegisters(fc, orderOf(fc, unitId), request.address(), request.quantity()));
  }

  @Override
  public WriteSingleCoilResponse writeSingleCoil(ModbusRequestContext context, int unitId,
      WriteSingleCoilRequest request) throws ModbusResponseException {
    int fc = FunctionCode.WRITE_SINGLE_COIL.getCode();
    orderOf(fc, unitId);
    if (request.value() != 0xFF00 && request.value() != 0x0000) {
      throw Exceptions.illegalValue(fc);
    }
    Entry entry = bitEntry(fc, request.address());
    submit(fc, List.of(checked(fc, entry, request.value() == 0xFF00)));
    return new WriteSingleCoilResponse(request.address(), request.value());
  }

  @Override
  public WriteMultipleCoilsResponse writeMultipleCoils(ModbusRequestContext context, int unitId,
      WriteMultipleCoilsRequest request) throws ModbusResponseException {
    int fc = FunctionCode.WRITE_MULTIPLE_COILS.getCode();
    orderOf(fc, unitId);
    int quantity = request.quantity();
    if (quantity < 1 || quantity > MAX_WRITE_BITS || request.values().length < (quantity + 7) / 8) {
      throw Exceptions.illegalValue(fc);
    }
    List<Command> writes = new ArrayList<>(quantity);
    for (int k = 0; k < quantity; k++) {
      boolean on = (request.values()[k / 8] >> (k % 8) & 1) != 0;
      writes.add(checked(fc, bitEntry(fc, request.address() + k), on));
    }
    submit(fc, writes);
    return new WriteMultipleCoilsResponse(request.address(), quantity);
  }

  @Override
  public WriteSingleRegisterResponse writeSingleRegister(ModbusRequestContext context,
      int unitId, WriteSingleRegisterRequest request) throws ModbusResponseException {
    int fc = FunctionCode.WRITE_SINGLE_REGISTER.getCode();
    WordOrder unitOrder = orderOf(fc, unitId);
    submit(fc, registerWrites(fc, unitOrder, request.address(), new int[] {request.value()}));
    return new WriteSingleRegisterResponse(request.address(), request.value());
  }

  @Override
  public WriteMultipleRegistersResponse writeMultipleRegisters(ModbusRequestContext context,
      int unitId, WriteMultipleRegistersRequest request) throws ModbusResponseException {
    int fc = FunctionCode.WRITE_MULTIPLE_REGISTERS.getCode();
    WordOrder unitOrder = orderOf(fc, unitId);
    int quantity = request.quantity();
    if (quantity < 1 || quantity > MAX_WRITE_REGISTERS || request.values().length < quantity * 2) {
      throw Exceptions.illegalValue(fc);
    }
    int[] words = new int[quantity];
    for (int k = 0; k < quantity; k++) {
      words[k] = (request.values()[2 * k] & 0xFF) << 8 | request.values()[2 * k + 1] & 0xFF;
    }
    submit(fc, registerWrites(fc, unitOrder, request.address(), words));
    return new WriteMultipleRegistersResponse(request.address(), quantity);
  }

  private byte[] readBits(int fc, int address, int quantity) throws ModbusResponseException {
    if (quantity < 1 || quantity > MAX_READ_BITS) {
      throw Exceptions.illegalValue(fc);
    }
    byte[] packed = new byte[(quantity + 7) / 8];
    for (int k = 0; k < quantity; k++) {
      Entry entry = map.at(Area.BITS, address + k);
      if (entry == null) {
        throw Exceptions.illegalAddress(fc);
      }
      if (values.bits(entry.id()) != 0) {
        packed[k / 8] |= (byte) (1 << (k % 8));
      }
    }
    return packed;
  }

  private byte[] readRegisters(int fc, WordOrder unitOrder, int address, int quantity)
      throws ModbusResponseException {
    if (quantity < 1 || quantity > MAX_READ_REGISTERS) {
      throw Exceptions.illegalValue(fc);
    }
    byte[] bytes = new byte[quantity * 2];
    int[] words = new int[4];
    int k = 0;
    while (k < quantity) {
      Entry entry = map.at(Area.REGISTERS, address + k);
      if (entry == null) {
        throw Exceptions.illegalAddress(fc);
      }
      RegisterCodec.encode(entry.signal().type(), values.bits(entry.id()), unitOrder, words, 0);
      // a read may start or end inside a wide value: it gets the registers it asked for
      for (int w = address + k - entry.address(); w < entry.width() && k < quantity; w++, k++) {
        bytes[2 * k] = (byte) (words[w] >> 8);
        bytes[2 * k + 1] = (byte) words[w];
      }
    }
    return bytes;
  }

  private Entry bitEntry(int fc, int address) throws ModbusResponseException {
    Entry entry = map.at(Area.BITS, address);
    if (entry == null) {
      throw Exceptions.illegalAddress(fc);
    }
    return entry;
  }

  private List<Command> registerWrites(int fc, WordOrder unitOrder, int address, int[] words)
      throws ModbusResponseException {
    List<Command> writes = new ArrayList<>();
    int k = 0;
    while (k < words.length) {
      Entry entry = map.at(Area.REGISTERS, address + k);
      if (entry == null) {
        throw Exceptions.illegalAddress(fc);
      }
      if (entry.address() != address + k || k + entry.width() > words.length) {
        // half a 32-bit value cannot be written: the other half would be a guess
        throw refused(fc, Refusal.invalidArgument(entry.signal().path() + " takes "
            + entry.width() + " registers from " + entry.address() + "; write them together"));
      }
      Optional<Object> value = RegisterCodec.decode(entry.signal().type(), unitOrder, words, k);
      if (value.isEmpty()) {
        throw refused(fc, Refusal.invalidArgument(entry.signal().path() + ": not a "
            + entry.signal().type().displayName()));
      }
      writes.add(checked(fc, entry, value.get()));
      k += entry.width();
    }
    return writes;
  }

  /** The write of {@code value} to {@code entry}'s signal, checked as the plant would. */
  private Command checked(int fc, Entry entry, Object value) throws ModbusResponseException {
    if (!entry.writable()) {
      throw refused(fc, Refusal.notAllowed(entry.signal().path()
          + " is an input that the plant drives"));
    }
    if (entry.signal().type() == SignalType.BOOLEAN && !(value instanceof Boolean)) {
      throw refused(fc, Refusal.invalidArgument(entry.signal().path() + " is a bit"));
    }
    Optional<Refusal> problem = SetSignal.valueProblem(entry.signal(), value);
    if (problem.isPresent()) {
      throw refused(fc, problem.get());
    }
    return new SetSignal(entry.signal().path(), value);
  }

  private void submit(int fc, List<Command> writes) throws ModbusResponseException {
    if (runner.termination().isDone()) {
      throw refused(fc, Refusal.invalidState("the simulation is not running"));
    }
    writes.forEach(runner::submit);
  }

  private static ModbusResponseException refused(int fc, Refusal refusal) {
    LOG.debug("Modbus function {}: refused: {}", fc, refusal);
    return Exceptions.of(fc, refusal);
  }
}
