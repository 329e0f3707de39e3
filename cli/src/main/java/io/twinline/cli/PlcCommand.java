package io.twinline.cli;

import io.twinline.sim.controller.ControlProgram;
import io.twinline.sim.controller.Controllers;
import io.twinline.harness.controller.OpcUaSoftPlc;
import io.twinline.line.units.Quantities;
import io.twinline.line.units.QuantityFormatException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code twinline plc}: a soft PLC that runs a control program as an OPC UA client of a Twinline
 * server, until Ctrl-C: {@code ./twinline serve} in one terminal, {@code ./twinline plc
 * --controller reference} in another, and the demo line runs.
 */
@Command(
    name = "plc",
    mixinStandardHelpOptions = true,
    description = {
      "Run a control program as a soft PLC connected over OPC UA to a Twinline server, until"
          + " Ctrl-C.",
      "It scans every --scan of wall-clock time and writes its outputs to the server."
    })
final class PlcCommand implements Callable<Integer> {

  @Option(
      names = {"-e", "--endpoint"},
      paramLabel = "URL",
      description = "The server's endpoint (default: ${DEFAULT-VALUE}).")
  String endpoint = "opc.tcp://localhost:4840/twinline";

  @Option(
      names = {"-c", "--controller"},
      paramLabel = "CLASS",
      description = "A ControlProgram class name, or 'reference' for the served example line's"
          + " reference program (default: ${DEFAULT-VALUE}).")
  String controller = "reference";

  @Option(names = "--program", paramLabel = "FILE",
      description = "An IEC 61131-3 program to run instead of --controller: Structured Text"
          + " (.st) or a PLCopen XML project (.xml). Its variables bind to the line's signals.")
  String program;

  @Option(names = "--line", paramLabel = "FILE",
      description = "The line file the server serves, for --program to bind to (default: the"
          + " example line of the served line's name).")
  String lineFile;

  @Option(names = "--task", paramLabel = "TIME",
      description = "The interval of the task that runs --program when the program has no"
          + " configuration of its own, e.g. 20ms (default: every scan).")
  String task;

  @Option(names = "--lock-step",
      description = "Scan once per Simulation/StepRequest of a server started with --lock-step"
          + " and acknowledge it in Simulation/StepAck; --scan is then the line's I/O cycle"
          + " (the PLC's clock moves by it per step).")
  boolean lockStep;

  @Option(names = "--restart-on-reset",
      description = "Start the program afresh (a new instance, init at its first scan) whenever"
          + " the server's Simulation/ResetCount changes, as a PLC's warm restart: what"
          + " 'twinline test --plc' needs, since it resets the line before every sequence.")
  boolean restartOnReset;

  @Option(names = "--scan", paramLabel = "TIME",
      description = "Scan period (default: ${DEFAULT-VALUE}).")
  String scan = "10 ms";

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Duration period;
    try {
      period = Quantities.duration(scan);
    } catch (QuantityFormatException e) {
      err.println("twinline plc: --scan: " + e.getMessage());
      err.flush();
      return ServeCommand.EXIT_BAD_INPUT;
    }
    OpcUaSoftPlc plc;
    try {
      // Connect once to learn the line's name, for 'reference'.
      ControlProgram program;
      String line;
      try (OpcUaSoftPlc probe = OpcUaSoftPlc.connect(endpoint, io -> { }, Duration.ofHours(1))) {
        line = probe.line();
      }
      Optional<Supplier<ControlProgram>> chosen = this.program != null
          ? Controllers.resolve(StProgramSpec.of(this.program, task),
              StProgramSpec.line(lineFile, line))
          : Controllers.resolve(controller, line);
      if (chosen.isEmpty()) {
        err.println("twinline plc: --controller none leaves nothing to run");
        err.flush();
        return ServeCommand.EXIT_BAD_INPUT;
      }
      program = chosen.get().get();
      plc = lockStep ? OpcUaSoftPlc.connectLockStep(endpoint, program, period)
          : OpcUaSoftPlc.connect(endpoint, program, period);
      if (restartOnReset) {
        plc.restartOnReset(chosen.get());
      }
      out.printf("Soft PLC running %s on line %s at %s, scanning every %s. Ctrl-C stops it.%n",
          this.program != null ? this.program : program.getClass().getName(), line, endpoint,
          scan);
      out.flush();
    } catch (IllegalArgumentException e) {
      err.println("twinline plc: " + e.getMessage());
      err.flush();
      return ServeCommand.EXIT_BAD_INPUT;
    } catch (Exception e) {
      err.println("twinline plc: cannot connect to " + endpoint + ": " + e.getMessage());
      err.flush();
      return ServeCommand.EXIT_BAD_INPUT;
    }
    OpcUaSoftPlc running = plc;
    Thread hook = new Thread(running::close, "twinline-plc-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      Thread.currentThread().join(); // until Ctrl-C (the hook closes the PLC) or an interrupt
    } finally {
      running.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run
      }
    }
    return 0;
  }
}
