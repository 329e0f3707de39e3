package io.twinline.cli;

import io.twinline.coupling.modbus.EndpointFault;
import io.twinline.coupling.modbus.ModbusEndpoint;
import io.twinline.coupling.modbus.WordOrder;
import io.twinline.coupling.plc.PlcCoupling;
import io.twinline.coupling.plc.TagMap;
import io.twinline.line.InvalidDefinitionException;
import io.twinline.line.model.LineDefinition;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.signal.Signal;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of {@code serve} for PLCs that are not OPC UA clients: the Modbus TCP endpoint
 * (the PLC polls Twinline) and the PLC4X coupling (Twinline polls the PLC). Each is attached to
 * the served line and closed before it.
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

  @Option(
      names = "--plc",
      paramLabel = "URL",
      description = "Couple the line to a PLC that Twinline polls, over PLC4X:"
          + " modbus-tcp://HOST:PORT (needs --plc-tags).")
  String plc;

  @Option(
      names = "--plc-tags",
      paramLabel = "FILE",
      description = "The tag map of --plc: CSV lines 'signal,address', e.g."
          + " 'Infeed/PartPresent,coil:1' (PLC4X addresses, counted from 1).")
  String plcTags;

  @Option(
      names = "--plc-word-order",
      paramLabel = "ORDER",
      description = "Word order of 32- and 64-bit values in the PLC: ABCD or CDAB (default:"
          + " ${DEFAULT-VALUE}).")
  String plcWordOrder = "ABCD";

  @Option(
      names = "--plc-cycle",
      paramLabel = "MS",
      description = "Exchange the process image every MS milliseconds (default: the line's I/O"
          + " cycle).")
  Integer plcCycle;

  @Option(
      names = "--plc-pause-while-down",
      description = "Pause the simulation while the PLC is unreachable (and until it first"
          + " answers); by default it runs on.")
  boolean plcPauseWhileDown;

  @Option(
      names = "--plc-status",
      paramLabel = "SIGNAL",
      description = "A Boolean or integer output of the line (e.g. of a variables component) that"
          + " shows the PLC link: true/1 while up, 0 connecting, 2 down; visible on OPC UA.")
  String plcStatus;

  private PlcCoupling.Options coupling;

  /**
   * Checks the options before anything starts, and reads the tag map.
   *
   * @throws IllegalArgumentException naming the option that is wrong
   * @throws InvalidDefinitionException with every problem of the tag map
   */
  void check(LineDefinition line) throws InvalidDefinitionException {
    modbusOptions();
    if (plc == null && plcTags == null) {
      java.util.Optional<io.twinline.line.model.CouplingSection> section =
          io.twinline.line.LineDefinitions.coupling(line);
      if (section.isEmpty()) {
        return;
      }
      fromSection(section.get());
    }
    if (plc == null || plcTags == null) {
      throw new IllegalArgumentException("--plc and --plc-tags go together: the PLC's URL and"
          + " the map of signals to its tags");
    }
    WordOrder order;
    try {
      order = WordOrder.parse(plcWordOrder);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--plc-word-order: " + e.getMessage(), e);
    }
    if (plcCycle != null && plcCycle < 1) {
      throw new IllegalArgumentException("--plc-cycle must be 1 ms or more, was " + plcCycle);
    }
    java.util.List<io.twinline.line.SignalDefinition> signals = Plant.build(line).signals().all()
        .stream().map(Signal::definition).toList();
    TagMap tags = TagMap.read(java.nio.file.Path.of(plcTags), signals);
    try {
      coupling = PlcCoupling.Options.of(plc, tags, plcCycle == null ? line.ioCycle()
          : java.time.Duration.ofMillis(plcCycle)).withWordOrder(order)
          .withPauseWhileDown(plcPauseWhileDown);
      if (plcStatus != null) {
        coupling = coupling.withStatus(signals.stream()
            .filter(s -> s.path().toString().equals(plcStatus)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("--plc-status: the line has no"
                + " signal " + plcStatus)));
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--plc: " + e.getMessage(), e);
    }
  }

  /**
   * Takes the coupling from the line file's {@code coupling:} section; the flags given override
   * its fields (but --plc-word-order ABCD, the default, cannot override a CDAB there).
   */
  private void fromSection(io.twinline.line.model.CouplingSection section) {
    plc = section.plc();
    plcTags = section.tags().toString();
    if (plcCycle == null && section.cycle().isPresent()) {
      plcCycle = (int) Math.max(1, section.cycle().get().toMillis());
    }
    plcPauseWhileDown |= section.pauseWhileDown();
    if (plcStatus == null) {
      plcStatus = section.status().map(Object::toString).orElse(null);
    }
    if ("ABCD".equals(plcWordOrder)) {
      plcWordOrder = section.wordOrder().orElse(plcWordOrder);
    }
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
    if (coupling != null) {
      PlcCoupling link = PlcCoupling.start(serving.runner(), coupling);
      serving.attachments().add(link);
      out.printf("PLC coupling: %s, %d tags, every %d ms: %d read and %d write requests a"
              + " cycle%s%n", coupling.url(), coupling.tags().bindings().size(),
          coupling.cycle().toMillis(), link.readBlocks().size(), link.writeBlocks().size(),
          coupling.pauseWhileDown() ? "; the simulation waits while the PLC is unreachable" : "");
      out.flush();
      link.onStateChange(state -> {
        out.println("PLC link: " + state + (state == io.twinline.coupling.plc.LinkState.DOWN
            ? " (" + link.lastError() + ")" : ""));
        out.flush();
      });
    }
  }
}
