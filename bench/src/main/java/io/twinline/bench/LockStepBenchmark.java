package io.twinline.bench;

import io.twinline.harness.controller.OpcUaSoftPlc;
import io.twinline.harness.reference.DemoConveyorProgram;
import io.twinline.line.LineDefinitions;
import io.twinline.line.model.LineDefinition;
import io.twinline.opcua.ServedLine;
import io.twinline.opcua.ServerOptions;
import io.twinline.sim.controller.SoftPlc;
import io.twinline.sim.run.SimulationRunner;
import io.twinline.sim.run.TimeMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Lock-step with an external PLC: I/O cycles per wall second when a PLC on loopback acknowledges
 * every step (Twinline's OPC UA soft PLC, a Milo client in this JVM over TCP), beside the same
 * line running free as fast as possible with the same program in process. The ratio is what the
 * network handshake costs.
 */
final class LockStepBenchmark {

  private static final long RUN_NANOS = TimeUnit.SECONDS.toNanos(10);

  private LockStepBenchmark() {}

  /** I/O cycles per second of each of {@code runs} runs of 10 s wall time, over loopback. */
  static List<Double> lockStep(LineDefinition line, Path pki, int runs) throws Exception {
    List<Double> rates = new ArrayList<>();
    for (int run = 0; run < runs + 1; run++) {
      ServedLine.Options options = ServedLine.Options.of(line)
          .withLockStep(Duration.ofSeconds(10))
          .withServer(ServerOptions.defaults().withPort(0).withBindAddress("127.0.0.1")
              .withHostname("127.0.0.1").withPki(pki));
      try (ServedLine served = ServedLine.start(options);
          OpcUaSoftPlc plc = OpcUaSoftPlc.connectLockStep(served.opcUa().endpointUrl(),
              new DemoConveyorProgram(), line.ioCycle())) {
        long startSteps = plc.steps();
        long start = System.nanoTime();
        LockSupport.parkNanos(RUN_NANOS);
        double rate = (plc.steps() - startSteps) / ((System.nanoTime() - start) / 1e9);
        if (run > 0) { // the first is the warm-up
          rates.add(rate);
        }
      }
    }
    return rates;
  }

  /**
   * I/O cycles per second when the PLC steps with the Step method: per cycle one Write of the
   * output, one Call of Step(10 ms) and one Read of the input, each waiting for its answer.
   */
  static List<Double> methodSteps(LineDefinition line, Path pki, int runs) throws Exception {
    List<Double> rates = new ArrayList<>();
    for (int run = 0; run < runs + 1; run++) {
      ServedLine.Options options = ServedLine.Options.of(line)
          .withTime(TimeMode.STEPPED, 1.0)
          .withServer(ServerOptions.defaults().withPort(0).withBindAddress("127.0.0.1")
              .withHostname("127.0.0.1").withPki(pki));
      try (ServedLine served = ServedLine.start(options)) {
        org.eclipse.milo.opcua.sdk.client.OpcUaClient client =
            org.eclipse.milo.opcua.sdk.client.OpcUaClient.create(served.opcUa().endpointUrl());
        client.connect();
        try {
          var ns = served.opcUa().namespace().nodeIds();
          var motor = ns.signal(line.name(), io.twinline.line.SignalPath.parse("Infeed/MotorOn"));
          var eye = ns.signal(line.name(), io.twinline.line.SignalPath.parse("Infeed/PartAtEnd"));
          var step = new org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest(
              ns.simulation(), ns.simulation("Step"),
              new org.eclipse.milo.opcua.stack.core.types.builtin.Variant[] {
                  new org.eclipse.milo.opcua.stack.core.types.builtin.Variant(10.0)});
          long cycles = 0;
          long start = System.nanoTime();
          while (System.nanoTime() - start < RUN_NANOS) {
            client.writeValues(List.of(motor), List.of(
                org.eclipse.milo.opcua.stack.core.types.builtin.DataValue.valueOnly(
                    new org.eclipse.milo.opcua.stack.core.types.builtin.Variant(true))));
            client.call(List.of(step));
            client.readValue(0,
                org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn.Neither, eye);
            cycles++;
          }
          if (run > 0) {
            rates.add(cycles / ((System.nanoTime() - start) / 1e9));
          }
        } finally {
          client.disconnect();
        }
      }
    }
    return rates;
  }

  /** I/O cycles per second of the line running free (afap) with the program in process. */
  static List<Double> freeRunning(LineDefinition line, int runs) throws Exception {
    List<Double> rates = new ArrayList<>();
    for (int run = 0; run < runs + 1; run++) {
      SimulationRunner runner = new SimulationRunner(
          io.twinline.sim.plant.Plant.build(line), TimeMode.AFAP, 1.0);
      SoftPlc.serve(runner, DemoConveyorProgram::new, line.ioCycle());
      runner.start();
      try {
        long start = System.nanoTime();
        long cycles = runner.ioCycles();
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
        double rate = (runner.ioCycles() - cycles) / ((System.nanoTime() - start) / 1e9);
        if (run > 0) {
          rates.add(rate);
        }
      } finally {
        runner.close();
      }
    }
    return rates;
  }

  /** The report's section. */
  static void report(StringBuilder md, Path root) throws Exception {
    LineDefinition line = LineDefinitions.read(root.resolve("line-definitions/demo-conveyor.yaml"));
    Path pki = Files.createTempDirectory("twinline-bench-pki");
    double lockStep = BenchmarkReport.medianOf(lockStep(line, pki, 3));
    double free = BenchmarkReport.medianOf(freeRunning(line, 3));
    double method = BenchmarkReport.medianOf(methodSteps(line, pki, 3));
    double cycleSeconds = line.ioCycle().toNanos() / 1e9;
    md.append("## Lock-step with an external PLC\n\n");
    md.append("The demo conveyor served with `--lock-step`; Twinline's OPC UA soft PLC (a Milo ")
        .append("client in the same JVM, over loopback TCP) scans the demo program once per ")
        .append("`StepRequest` and writes its outputs and `StepAck` in one Write. Beside it the ")
        .append("same line stepped by a client with the Step method (three round trips a cycle), ")
        .append("and running free as fast as possible with the program in process. Median ")
        .append("of 3 runs (10 s and 2 s of wall time) after a warm-up run.\n\n");
    md.append("| | I/O cycles per second | speed factor (10 ms cycle) |\n|---|---|---|\n");
    md.append(String.format(Locale.ROOT, "| lock-step, PLC over OPC UA | %.0f | %.1f× |\n",
        lockStep, lockStep * cycleSeconds));
    md.append(String.format(Locale.ROOT, "| lock-step, Write + Step(10 ms) + Read per cycle (Milo client) | %.0f | %.1f× |\n",
        method, method * cycleSeconds));
    md.append(String.format(Locale.ROOT, "| free-running, program in process (peer) | %.0f | %.0f× |\n",
        free, free * cycleSeconds));
    md.append(String.format(Locale.ROOT, "| ratio of the handshake to free running | %.4f | |\n\n",
        lockStep / free));
    md.append("Each lock-step cycle is a round trip: the server publishes the step (the ")
        .append("subscription's publishing interval is 1 ms, Milo's floor), the PLC scans and ")
        .append("writes, the server applies the writes and steps. What limits it is that round ")
        .append("trip, not the plant.\n\n");
  }
}
