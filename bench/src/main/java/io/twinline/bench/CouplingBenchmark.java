package io.twinline.bench;

import io.twinline.coupling.modbus.EndpointFault;
import io.twinline.coupling.modbus.ModbusEndpoint;
import io.twinline.coupling.plc.CycleStats;
import io.twinline.coupling.plc.PlcCoupling;
import io.twinline.coupling.plc.TagMap;
import io.twinline.line.LineDefinitions;
import io.twinline.line.model.LineDefinition;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.run.SimulationRunner;
import io.twinline.sim.run.TimeMode;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Modbus and the PLC4X coupling: the endpoint's request rate beside a pymodbus server (Debian's
 * python3-pymodbus, the example soft PLC) measured by the same raw Modbus TCP client in the same
 * run; the coupling's cycle time against both; and a reconnect soak with the thread count and
 * heap before and after. {@code bench.reconnects} sets the soak's length (default 200).
 */
final class CouplingBenchmark {

  private CouplingBenchmark() {}

  static void report(StringBuilder md, Path root) throws Exception {
    Path example = root.resolve("docs/examples/coupling");
    LineDefinition demo = LineDefinitions.read(root.resolve("line-definitions/demo-conveyor.yaml"));
    SimulationRunner runner = new SimulationRunner(Plant.build(demo), TimeMode.REALTIME, 1.0);
    runner.start();
    Process python = softPlc(example);
    try (ModbusEndpoint endpoint = ModbusEndpoint.start(runner, ModbusEndpoint.Options
        .defaults().withBindAddress("127.0.0.1").withPort(0))) {
      int pythonPort = port(python);
      requests(endpoint.port(), 2);
      requests(pythonPort, 2);
      List<Double> twinline = new ArrayList<>();
      List<Double> pymodbus = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        twinline.add(requests(endpoint.port(), 5));
        pymodbus.add(requests(pythonPort, 5));
      }
      double t = BenchmarkReport.medianOf(twinline);
      double p = BenchmarkReport.medianOf(pymodbus);
      md.append("## Modbus and the PLC4X coupling\n\n");
      md.append("Load average when this section ran: ").append(loadAverage())
          .append(" (on 2 cores; other work on the machine slows every hand-off between ")
          .append("threads, which the coupling's exchanges are made of).\n\n");
      md.append("**Endpoint.** One master (a raw Modbus TCP client in this JVM, one request ")
          .append("at a time: read 8 holding registers) against Twinline's endpoint serving the ")
          .append("demo line in real time, and against a pymodbus 3.0 server (the example soft ")
          .append("PLC, `docs/examples/coupling/soft_plc.py`) in the same run. Median of 3 runs ")
          .append("of 5 s after a warm-up.\n\n");
      md.append("| server | requests per second | median round trip |\n|---|---|---|\n");
      md.append(String.format(Locale.ROOT, "| Twinline (digitalpetri modbus-tcp) | %.0f | %.0f µs |\n",
          t, 1e6 / t));
      md.append(String.format(Locale.ROOT, "| pymodbus 3.0 (peer) | %.0f | %.0f µs |\n", p, 1e6 / p));
      md.append(String.format(Locale.ROOT, "| ratio | %.1f× | |\n\n", t / p));

      // the coupling: against the soft PLC (4 tags), and against the endpoint (203 tags)
      LineDefinition transfer = LineDefinitions.read(example.resolve("transfer-line.yaml"));
      CycleStats small = cycle(transfer, TagMap.read(example.resolve("transfer-tags.csv"),
          signals(transfer)), pythonPort);
      LineDefinition big = LineDefinitions.parse("big.yaml", BIG);
      SimulationRunner fakePlc = new SimulationRunner(
          Plant.build(LineDefinitions.parse("plc.yaml", BIG_PLC)), TimeMode.REALTIME, 1.0);
      fakePlc.start();
      CycleStats large;
      int reconnects = Integer.getInteger("bench.reconnects", 200);
      String soak;
      try (ModbusEndpoint plcSide = ModbusEndpoint.start(fakePlc, ModbusEndpoint.Options
          .defaults().withBindAddress("127.0.0.1").withPort(0))) {
        large = cycle(big, TagMap.parse("big.csv", bigTags(), signals(big)), plcSide.port());
      }
      try (ModbusEndpoint dropping = ModbusEndpoint.start(fakePlc, ModbusEndpoint.Options
          .defaults().withBindAddress("127.0.0.1").withPort(0)
          .withFaults(List.of(EndpointFault.parse("drop/9"))))) {
        soak = soak(big, signals(big), dropping.port(), reconnects);
      } finally {
        fakePlc.close();
      }
      md.append("**Coupling.** `PlcCoupling` (PLC4X 0.13.1 Modbus TCP driver) exchanging the ")
          .append("process image every 10 ms for 10 s: the example's 4 tags with the pymodbus ")
          .append("soft PLC (2 reads, 1 write a cycle), and 203 tags with a Twinline endpoint ")
          .append("playing the PLC (200 Int16 read in 2 requests, 3 coils written in 1). The ")
          .append("time of one exchange, all its requests, on the wall clock.\n\n");
      md.append("| PLC | tags | exchanges | median | p99 | max | overruns of 10 ms |\n")
          .append("|---|---|---|---|---|---|---|\n");
      md.append(row("pymodbus soft PLC", 4, small));
      md.append(row("Twinline endpoint", 203, large));
      md.append("\n**Reconnects.** ").append(soak).append("\n\n");
    } finally {
      python.destroy();
      runner.close();
    }
  }

  private static String row(String plc, int tags, CycleStats s) {
    return String.format(Locale.ROOT, "| %s | %d | %d | %d µs | %d µs | %d µs | %d |\n", plc,
        tags, s.cycles(), s.medianMicros(), s.p99Micros(), s.maxMicros(), s.overruns());
  }

  private static final String BIG_PLC = """
      line: FakePlc
      components:
        - name: Io
          type: variables
          variables:
            - {name: V, type: Int16, direction: input, count: 200}
            - {name: S, type: Boolean, direction: output, count: 3}
      """;

  private static final String BIG = """
      line: Coupled
      components:
        - name: Io
          type: variables
          variables:
            - {name: V, type: Int16, direction: output, count: 200}
            - {name: S, type: Boolean, direction: input, count: 3}
      """;

  private static String bigTags() {
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      csv.append("Io/V").append(i).append(",input-register:").append(i + 1).append('\n');
    }
    for (int i = 0; i < 3; i++) {
      csv.append("Io/S").append(i).append(",coil:").append(1001 + i).append('\n');
    }
    return csv.toString();
  }

  private static List<io.twinline.line.SignalDefinition> signals(LineDefinition line) {
    return Plant.build(line).signals().all().stream().map(s -> s.definition()).toList();
  }

  private static CycleStats cycle(LineDefinition line, TagMap tags, int port) throws Exception {
    SimulationRunner runner = new SimulationRunner(Plant.build(line), TimeMode.REALTIME, 1.0);
    runner.start();
    try (PlcCoupling coupling = PlcCoupling.start(runner, PlcCoupling.Options.of(
        "modbus-tcp://127.0.0.1:" + port, tags, Duration.ofMillis(10)))) {
      long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (System.nanoTime() < until) {
        Thread.sleep(100);
      }
      return coupling.stats();
    } finally {
      runner.close();
    }
  }

  private static String soak(LineDefinition line, List<io.twinline.line.SignalDefinition> signals,
      int port, int reconnects) throws Exception {
    SimulationRunner runner = new SimulationRunner(Plant.build(line), TimeMode.REALTIME, 1.0);
    runner.start();
    TagMap tags = TagMap.parse("big.csv", bigTags(), signals);
    long start = System.nanoTime();
    try (PlcCoupling coupling = PlcCoupling.start(runner, PlcCoupling.Options.of(
        "modbus-tcp://127.0.0.1:" + port, tags, Duration.ofMillis(10))
        .withTimeout(Duration.ofMillis(500))
        .withBackoff(Duration.ofMillis(10), Duration.ofMillis(200)))) {
      while (coupling.connects() < 5) {
        Thread.sleep(50);
      }
      int threads0 = ManagementFactory.getThreadMXBean().getThreadCount();
      long heap0 = usedHeap();
      while (coupling.connects() < 5 + reconnects) {
        Thread.sleep(50);
      }
      int threads1 = ManagementFactory.getThreadMXBean().getThreadCount();
      long heap1 = usedHeap();
      double seconds = (System.nanoTime() - start) / 1e9;
      return String.format(Locale.ROOT, "The coupling against an endpoint that drops the "
          + "connection every 9th request: %d reconnects in %.0f s; threads %d before and %d "
          + "after, heap after a full GC %.1f MB before and %.1f MB after. PLC4X 0.13.1 alone "
          + "leaks 5 threads a reconnect (`ConnectionCloser` says why and releases them).",
          reconnects, seconds, threads0, threads1, heap0 / 1e6, heap1 / 1e6);
    } finally {
      runner.close();
    }
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static long usedHeap() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  private static Process softPlc(Path example) throws IOException {
    return new ProcessBuilder("/usr/bin/python3", example.resolve("soft_plc.py").toString(), "0")
        .redirectErrorStream(true).start();
  }

  private static int port(Process python) throws IOException {
    BufferedReader in = new BufferedReader(
        new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
    Matcher m = Pattern.compile("listening on port (\\d+)").matcher(in.readLine());
    if (!m.find()) {
      throw new IOException("the soft PLC did not start");
    }
    return Integer.parseInt(m.group(1));
  }

  /** Requests per second of one master reading 8 holding registers for {@code seconds}. */
  private static double requests(int port, int seconds) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setTcpNoDelay(true);
      OutputStream out = socket.getOutputStream();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      byte[] response = new byte[9 + 16];
      long count = 0;
      long start = System.nanoTime();
      long until = start + seconds * 1_000_000_000L;
      while (System.nanoTime() < until) {
        int tid = (int) (count & 0xFFFF);
        out.write(new byte[] {(byte) (tid >> 8), (byte) tid, 0, 0, 0, 6, 1, 3, 0, 0, 0, 8});
        in.readFully(response);
        if (response[7] != 3) {
          throw new IOException("exception " + response[8] + " from port " + port);
        }
        count++;
      }
      return count / ((System.nanoTime() - start) / 1e9);
    }
  }
}
