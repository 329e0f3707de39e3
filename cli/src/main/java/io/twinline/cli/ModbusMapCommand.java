package io.twinline.cli;

import io.twinline.coupling.modbus.ModbusMap;
import io.twinline.coupling.modbus.WordOrder;
import io.twinline.line.InvalidDefinitionException;
import io.twinline.line.Problem;
import io.twinline.line.SignalDefinition;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.signal.Signal;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code twinline modbus-map LINE}: the Modbus addresses {@code serve --modbus-port} uses. */
@Command(
    name = "modbus-map",
    mixinStandardHelpOptions = true,
    description = "Print the Modbus TCP address map of a line (as 'serve --modbus-port' serves"
        + " it), as a table or as CSV for a PLC's I/O configuration.")
final class ModbusMapCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "LINE", description = "Line file or example name.",
      defaultValue = "demo-conveyor")
  String line;

  @Option(names = "--csv", description = "CSV: signal,direction,type,area,address,registers,"
      + "access.")
  boolean csv;

  @Option(names = "--modbus-word-order", paramLabel = "ORDER",
      description = "ABCD or CDAB, as given to serve (default: ${DEFAULT-VALUE}).")
  String wordOrder = "ABCD";

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      WordOrder order = WordOrder.parse(wordOrder);
      List<SignalDefinition> signals = Plant.build(LineFiles.load(line)).signals().all().stream()
          .map(Signal::definition).toList();
      ModbusMap map = ModbusMap.of(signals);
      out.print(csv ? map.csv() : map.table(order));
      out.flush();
      return 0;
    } catch (InvalidDefinitionException e) {
      e.problems().stream().map(Problem::format).forEach(err::println);
      err.flush();
      return ServeCommand.EXIT_BAD_INPUT;
    } catch (IllegalArgumentException e) {
      err.println("twinline modbus-map: " + e.getMessage());
      err.flush();
      return ServeCommand.EXIT_BAD_INPUT;
    }
  }

}
