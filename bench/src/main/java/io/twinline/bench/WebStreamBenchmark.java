package io.twinline.bench;

import io.twinline.harness.reference.BottlingLineProgram;
import io.twinline.line.Direction;
import io.twinline.line.LineDefinitions;
import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalType;
import io.twinline.line.generate.LineGenerator;
import io.twinline.line.model.LineDefinition;
import io.twinline.sim.controller.SoftPlc;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.run.SimulationRunner;
import io.twinline.sim.run.TimeMode;
import io.twinline.sim.signal.Signal;
import io.twinline.web.WebConsole;
import io.twinline.web.WebOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The web console's live stream against its peer, N viewers polling the REST API, measured in
 * the same run on the same served line: the bottling line in real time under its reference
 * program, and a generated 10,000-signal line with 10 % of its signals changing every I/O cycle.
 * Viewers are the JDK's WebSocket and HTTP clients in this process (their threads are not
 * counted); server CPU is the CPU time of the Vert.x and simulation threads over the window.
 */
final class WebStreamBenchmark {

  private static final long WARM_MILLIS = 2_000;
  private static final long WINDOW_MILLIS = 5_000;
  private static final long POLL_MILLIS = 100;

  /** One measured configuration. */
  private record Row(String line, String clients, double framesPerSecond, double kbPerSecond,
      double cpuPercent, double p50, double p99, double edgesSeen) {}

  private WebStreamBenchmark() {}

  static void report(StringBuilder md, Path root) throws Exception {
    List<Row> rows = new ArrayList<>();
    LineDefinition bottling = LineDefinitions.read(root.resolve(
        "line-definitions/bottling-line.yaml"));
    try (Served served = Served.bottling(bottling)) {
      rows.add(served.idle("bottling line"));
      for (int n : new int[] {1, 10, 50}) {
        rows.add(served.stream("bottling line", n));
      }
      for (int n : new int[] {10, 50}) {
        rows.add(served.poll("bottling line", n));
      }
    }
    LineDefinition generated = LineDefinitions.parse("generated.yaml",
        LineGenerator.generate(10_000));
    try (Served served = Served.generated(generated, 0.1)) {
      rows.add(served.idle("10k line"));
      for (int n : new int[] {1, 10, 50}) {
        rows.add(served.stream("10k line", n));
      }
      rows.add(served.poll("10k line", 10));
    }
    md.append("## Web console live stream\n\n");
    md.append("The console's WebSocket stream (`/api/stream`: one 50 ms fan-out for every viewer) ")
        .append("beside its peer, the same number of viewers polling `GET /api/signals` every ")
        .append(POLL_MILLIS).append(" ms, on the same served line in the same run: the bottling ")
        .append("line in real time under its reference program, and a generated 10,000-signal ")
        .append("line with 1,000 counters changing every 10 ms I/O cycle. ").append(WARM_MILLIS / 1000)
        .append(" s of warm-up, then ").append(WINDOW_MILLIS / 1000).append(" s measured per ")
        .append("row; viewers run in the same process on JDK clients, whose threads are not ")
        .append("counted. Server CPU is the CPU time of the Vert.x and simulation threads over ")
        .append("the window, in % of one core (the simulation itself is the idle row). Latency ")
        .append("is from a change's simulated time (on the wall clock, as the simulation runs ")
        .append("it) to its arrival at the first viewer: up to a 50 ms frame, plus the time to ")
        .append("build, send and parse it. Edges seen: of the changes of Boolean inputs (photo-eyes, sensors) the ")
        .append("simulation made in the window, the share one viewer could tell happened (the ")
        .append("stream's edge counts; a poller sees a change only if the value differs from ")
        .append("its previous poll; the 10k line's changing signals are counters, so there is ")
        .append("none).\n\n");
    md.append("| line | viewers | frames/s per viewer | KB/s to all | server CPU | latency p50 | ")
        .append("latency p99 | edges seen |\n|---|---|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.1f %% | %s | %s | %s |\n",
          r.line(), r.clients(), Double.isNaN(r.framesPerSecond()) ? "" : String.format(
              Locale.ROOT, "%.1f", r.framesPerSecond()),
          Double.isNaN(r.kbPerSecond()) ? "" : String.format(Locale.ROOT, "%,.0f",
              r.kbPerSecond()),
          r.cpuPercent(), ms(r.p50()), ms(r.p99()),
          Double.isNaN(r.edgesSeen()) ? "" : String.format(Locale.ROOT, "%.0f %%",
              r.edgesSeen() * 100)));
    }
    md.append('\n');
  }

  private static String ms(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.0f ms", value);
  }

  /** A line served with its console, and the edges of its Boolean inputs counted losslessly. */
  private static final class Served implements AutoCloseable {
    final SimulationRunner runner;
    final WebConsole web;
    final BitSet booleanInputs = new BitSet();
    final AtomicLong edges = new AtomicLong();
    final AutoCloseable reference;
    volatile boolean loading;
    CompletableFuture<Void> load;
    final HttpClient http = HttpClient.newHttpClient();
    /** The wall-clock millisecond of simulated time 0 as the simulation runs it. */
    volatile long zero;

    private Served(SimulationRunner runner) throws Exception {
      this.runner = runner;
      for (Signal signal : runner.plant().signals().all()) {
        SignalDefinition d = signal.definition();
        if (d.type() == SignalType.BOOLEAN && d.direction() == Direction.INPUT) {
          booleanInputs.set(signal.id());
        }
      }
      reference = runner.feed().lossless("bench-reference", (changes, epoch) -> {
        if (!changes.isSnapshot()) {
          for (int i = 0; i < changes.size(); i++) {
            if (booleanInputs.get(changes.id(i))) {
              edges.incrementAndGet();
            }
          }
        }
      });
      web = WebConsole.start(runner, WebOptions.defaults().withPort(0)
          .withBindAddress("127.0.0.1"));
    }

    /**
     * Where simulated time 0 lies on the wall clock now: the runner's epoch is taken before the
     * plant starts, so the clock is anchored a little later (tens to hundreds of ms). Sampled
     * for half a second; the simulated time read is at most one I/O cycle old, so the smallest
     * difference is the closest.
     */
    void findZero() throws InterruptedException {
      long best = Long.MAX_VALUE;
      for (int i = 0; i < 50; i++) {
        best = Math.min(best, System.currentTimeMillis() - runner.simTime() / 1_000_000);
        Thread.sleep(10);
      }
      zero = best;
    }

    static Served bottling(LineDefinition line) throws Exception {
      SimulationRunner runner = new SimulationRunner(Plant.build(line), TimeMode.REALTIME, 1.0);
      SoftPlc.serve(runner, BottlingLineProgram::new, line.ioCycle());
      runner.start();
      Served served = new Served(runner);
      runner.control().operate("StartButton", "press").get(10, TimeUnit.SECONDS);
      Thread.sleep(300);
      runner.control().operate("StartButton", "release").get(10, TimeUnit.SECONDS);
      served.findZero();
      return served;
    }

    static Served generated(LineDefinition line, double fraction) throws Exception {
      SimulationRunner runner = new SimulationRunner(Plant.build(line), TimeMode.REALTIME, 1.0);
      runner.start();
      Served served = new Served(runner);
      int cells = line.components().size() - 5;
      int changing = (int) Math.round(cells * LineGenerator.CELL * fraction);
      List<String> paths = new ArrayList<>();
      for (int i = 0; i < LineGenerator.COUNTERS_PER_CELL && paths.size() < changing; i++) {
        for (int c = 0; c < cells && paths.size() < changing; c++) {
          paths.add("Cell" + c + "/Count" + i);
        }
      }
      served.loading = true;
      served.load = runner.runScript(ctx -> {
        Signal[] signals = paths.stream().map(p -> ctx.session().plant().signal(p))
            .toArray(Signal[]::new);
        int value = 0;
        long cycle = ctx.session().ioCycle();
        while (served.loading) {
          value++;
          for (Signal signal : signals) {
            signal.set(value);
          }
          ctx.runUntil(p -> false, cycle);
        }
        return null;
      });
      served.findZero();
      return served;
    }

    Row idle(String line) throws Exception {
      Thread.sleep(WARM_MILLIS);
      long cpu = serverCpu();
      long start = System.nanoTime();
      Thread.sleep(WINDOW_MILLIS);
      double percent = (serverCpu() - cpu) * 100.0 / (System.nanoTime() - start);
      return new Row(line, "0 (simulation, idle console)", Double.NaN, Double.NaN, percent,
          Double.NaN, Double.NaN, Double.NaN);
    }

    /** {@code n} stream viewers; the first parses every frame for latency and edges. */
    Row stream(String line, int n) throws Exception {
      List<Viewer> viewers = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        viewers.add(new Viewer(i == 0));
      }
      List<WebSocket> sockets = new ArrayList<>();
      URI uri = URI.create("ws://127.0.0.1:" + web.port() + "/api/stream");
      for (Viewer viewer : viewers) {
        sockets.add(http.newWebSocketBuilder().buildAsync(uri, viewer).get(30, TimeUnit.SECONDS));
      }
      Thread.sleep(WARM_MILLIS);
      viewers.forEach(Viewer::reset);
      long edges0 = edges.get();
      long cpu = serverCpu();
      long start = System.nanoTime();
      Thread.sleep(WINDOW_MILLIS);
      long wall = System.nanoTime() - start;
      double percent = (serverCpu() - cpu) * 100.0 / wall;
      long made = edges.get() - edges0;
      List<Double> frames = new ArrayList<>();
      long bytes = 0;
      for (Viewer viewer : viewers) {
        frames.add(viewer.messages.get() * 1e9 / wall);
        bytes += viewer.chars.get();
      }
      Viewer first = viewers.get(0);
      List<Double> latencies;
      synchronized (first.latencies) {
        latencies = new ArrayList<>(first.latencies);
      }
      latencies.sort(Double::compare);
      for (WebSocket socket : sockets) {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
      }
      return new Row(line, n + " stream", BenchmarkReport.medianOf(frames),
          bytes / 1024.0 * 1e9 / wall, percent, quantile(latencies, 0.5),
          quantile(latencies, 0.99), made == 0 ? Double.NaN
              : Math.min(1.0, first.edgesSeen.get() / (double) made));
    }

    /** {@code n} pollers of GET /api/signals; the first counts the edges it can tell. */
    Row poll(String line, int n) throws Exception {
      ScheduledExecutorService pollers = Executors.newScheduledThreadPool(Math.min(n, 8));
      AtomicLong polls = new AtomicLong();
      AtomicLong chars = new AtomicLong();
      AtomicLong seen = new AtomicLong();
      Object[] last = new Object[runner.plant().signals().size()];
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port()
          + "/api/signals")).build();
      for (int i = 0; i < n; i++) {
        boolean counting = i == 0;
        pollers.scheduleAtFixedRate(() -> {
          try {
            String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            polls.incrementAndGet();
            chars.addAndGet(body.length());
            if (counting) {
              JsonArray signals = new JsonObject(body).getJsonArray("signals");
              for (int k = 0; k < signals.size(); k++) {
                JsonObject s = signals.getJsonObject(k);
                int id = s.getInteger("id");
                if (booleanInputs.get(id)) {
                  Object value = s.getValue("value");
                  if (last[id] != null && !last[id].equals(value)) {
                    seen.incrementAndGet();
                  }
                  last[id] = value;
                }
              }
            }
          } catch (Exception e) {
            // a failed poll is a missed poll; the rate shows it
          }
        }, i * POLL_MILLIS / n, POLL_MILLIS, TimeUnit.MILLISECONDS);
      }
      Thread.sleep(WARM_MILLIS);
      polls.set(0);
      chars.set(0);
      seen.set(0);
      long edges0 = edges.get();
      long cpu = serverCpu();
      long start = System.nanoTime();
      Thread.sleep(WINDOW_MILLIS);
      long wall = System.nanoTime() - start;
      double percent = (serverCpu() - cpu) * 100.0 / wall;
      long made = edges.get() - edges0;
      long answered = polls.get();
      long read = chars.get();
      long told = seen.get();
      pollers.shutdownNow();
      pollers.awaitTermination(30, TimeUnit.SECONDS);
      return new Row(line, n + " REST pollers", answered * 1e9 / wall / n,
          read / 1024.0 * 1e9 / wall, percent, Double.NaN, Double.NaN,
          made == 0 ? Double.NaN : Math.min(1.0, told / (double) made));
    }

    /** One stream viewer: counts messages and characters; the first also parses them. */
    final class Viewer implements WebSocket.Listener {
      final boolean parsing;
      final AtomicLong messages = new AtomicLong();
      final AtomicLong chars = new AtomicLong();
      final AtomicLong edgesSeen = new AtomicLong();
      final List<Double> latencies = new ArrayList<>();
      private final StringBuilder partial = new StringBuilder();

      Viewer(boolean parsing) {
        this.parsing = parsing;
      }

      void reset() {
        messages.set(0);
        chars.set(0);
        edgesSeen.set(0);
        synchronized (latencies) {
          latencies.clear();
        }
      }

      @Override
      public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        chars.addAndGet(data.length());
        if (parsing) {
          partial.append(data);
        }
        if (last) {
          messages.incrementAndGet();
          if (parsing) {
            take(partial.toString(), System.currentTimeMillis());
            partial.setLength(0);
          }
        }
        socket.request(1);
        return null;
      }

      private void take(String text, long arrived) {
        JsonObject message = new JsonObject(text);
        if (!"frame".equals(message.getString("type"))) {
          return;
        }
        long epoch = zero;
        JsonArray changes = message.getJsonArray("changes");
        synchronized (latencies) {
          for (int i = 0; i < changes.size(); i++) {
            JsonArray change = changes.getJsonArray(i);
            int id = change.getInteger(0);
            latencies.add((double) (arrived - (epoch + change.getLong(2) / 1_000_000)));
            if (booleanInputs.get(id)) {
              edgesSeen.addAndGet(change.getInteger(3));
            }
          }
        }
      }
    }

    @Override
    public void close() throws Exception {
      loading = false;
      if (load != null) {
        load.get(30, TimeUnit.SECONDS);
      }
      web.close();
      reference.close();
      runner.close();
    }
  }

  private static double quantile(List<Double> sorted, double q) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
  }

  /** CPU time of the server's threads (Vert.x and the simulation), ns. */
  private static long serverCpu() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      String name = info.getThreadName();
      if (name.startsWith("vert.x-") || name.startsWith("twinline-sim-")) {
        long cpu = threads.getThreadCpuTime(info.getThreadId());
        if (cpu > 0) {
          sum += cpu;
        }
      }
    }
    return sum;
  }

  /** Runs the section alone (bench.only=web does the same within the report). */
  public static void main(String[] args) throws Exception {
    StringBuilder md = new StringBuilder();
    report(md, Path.of(args.length > 0 ? args[0] : "."));
    System.out.println(md);
  }
}
