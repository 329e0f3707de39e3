package io.twinline.cli;

import io.twinline.coupling.modbus.EndpointFault;
import io.twinline.coupling.modbus.ModbusEndpoint;
import io.twinline.coupling.modbus.WordOrder;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of {@code serve} for PLCs that are not OPC UA clients: the Modbus TCP endpoint.
 * Each endpoint is attached to the served line and closed before it.
 */
final class CouplingOptions {

  @Option(
      names = "--modbus-port",
      paramLabel = "PORT",
      description = "Also serve the line's signals over Modbus TCP on this port (502 is the"
          + " standard one; 0 picks a free one). The map: 'twinline modbus-map LINE'.")
  Integer modbusPort;

  @Option(
      names = "--modbus-bind",
      paramLabel = "ADDRESS",
      description = "Address the Modbus endpoint listens on (default: ${DEFAULT-VALUE}).")
  String modbusBind = "0.0.0.0";

  @Option(
      names = "--modbus-word-order",
      paramLabel = "ORDER",
      description = "Word order of 32- and 64-bit values on units 0, 1 and 255: ABCD (most"
          + " significant word first) or CDAB; unit 2 has the other (default: ${DEFAULT-VALUE}).")
  String modbusWordOrder = "ABCD";

  @Option(
      names = "--modbus-fault",
      paramLabel = "FAULT",
      description = "A communication fault for the PLC to cope with: delay=250ms, exception=6,"
          + " silent or drop, each optionally /N for every N-th request (repeatable).")
  List<String> modbusFaults = new ArrayList<>();

  /**
   * Checks the options before anything starts.
   *
   * @throws IllegalArgumentException naming the option that is wrong
   */
  void check() {
    modbusOptions();
  }

  private ModbusEndpoint.Options modbusOptions() {
    List<EndpointFault> faults = new ArrayList<>();
    for (String fault : modbusFaults) {
      try {
        faults.add(EndpointFault.parse(fault));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--modbus-fault: " + e.getMessage(), e);
      }
    }
    WordOrder order;
    try {
      order = WordOrder.parse(modbusWordOrder);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--modbus-word-order: " + e.getMessage(), e);
    }
    try {
      return ModbusEndpoint.Options.defaults().withBindAddress(modbusBind)
          .withPort(modbusPort == null ? ModbusEndpoint.DEFAULT_PORT : modbusPort)
          .withWordOrder(order).withFaults(faults);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--modbus-port: " + e.getMessage(), e);
    }
  }

  /**
   * Starts the endpoints asked for on the served line and attaches them to it; prints where.
   *
   * @throws IOException if one cannot start (the message says why)
   */
  void attach(ServeCommand.Serving serving, PrintWriter out) throws IOException {
    if (modbusPort != null) {
      ModbusEndpoint endpoint = ModbusEndpoint.start(serving.runner(), modbusOptions());
      serving.attach(endpoint);
      ModbusEndpoint.Options options = modbusOptions();
      out.printf("Modbus TCP endpoint: %s:%d, units 0/1/255 (%s) and 2 (%s), %d signals mapped"
              + " (twinline modbus-map %s)%s%n",
          options.bindAddress(), endpoint.port(), options.wordOrder(),
          options.wordOrder().swapped(), endpoint.map().entries().size(),
          serving.line().runner().plant().definition().file(),
          options.faults().isEmpty() ? "" : "; faults " + options.faults());
      out.flush();
    }
  }
}
