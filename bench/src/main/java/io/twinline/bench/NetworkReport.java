package io.twinline.bench;

import io.twinline.bench.NetworkBenchmark.LoadResult;
import io.twinline.bench.NetworkBenchmark.Percentiles;
import io.twinline.sim.run.PacingStats;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The OPC UA figures of docs/benchmarks.md: Twinline serving a generated line, beside a bare
 * Milo server and a node-opcua server with the same number of variables changing at the same
 * rate, all measured by the same Milo client in the same run.
 *
 * <p>System properties: {@code bench.signals} (comma-separated line sizes, default {@code
 * 10000,100000}), {@code bench.seconds} (load duration, default 60), {@code bench.node} and
 * {@code bench.milo} (false skips the node-opcua or the bare Milo peer, while working on
 * Twinline's own figures).
 */
final class NetworkReport {

  private static final double FRACTION = 0.1;
  private static final long PERIOD_NANOS = 10_000_000L;

  private final StringBuilder md;
  private final Path root;
  private final Path scratch;

  NetworkReport(StringBuilder md, Path root) throws Exception {
    this.md = md;
    this.root = root;
    this.scratch = Files.createTempDirectory("twinline-bench-");
  }

  void run() throws Exception {
    List<Integer> sizes = new ArrayList<>();
    for (String size : System.getProperty("bench.signals", "10000,100000").split(",")) {
      sizes.add(Integer.parseInt(size.strip()));
    }
    double seconds = Double.parseDouble(System.getProperty("bench.seconds", "60"));
    boolean node = Boolean.parseBoolean(System.getProperty("bench.node", "true"));
    boolean withMilo = Boolean.parseBoolean(System.getProperty("bench.milo", "true"));

    md.append("## OPC UA server\n\n");
    md.append("Twinline serving a generated line (`twinline generate --signals N`) in real time ")
        .append("with a 10 ms I/O cycle, beside two peers with the same number of Int32 ")
        .append("variables: a bare Eclipse Milo 1.0 server written the usual way (values in the ")
        .append("nodes, Milo's `SubscriptionModel` sampling them) and a node-opcua server ")
        .append("(`bench/src/main/node/peer-server.mjs`). One Eclipse Milo client measures them ")
        .append("all, one after the other, in this JVM, on this machine: client and server share ")
        .append("its cores.\n\n");

    List<String> scale = new ArrayList<>();
    List<String> load = new ArrayList<>();
    List<String> latency = new ArrayList<>();
    List<String> reads = new ArrayList<>();
    List<String> pacing = new ArrayList<>();
    for (int signals : sizes) {
      System.out.printf("network figures, %,d signals%n", signals);
      LoadResult twinline;
      NetworkBenchmark.Latency twinlineLatency;
      Percentiles twinlineRead;
      long before = usedHeap();
      try (TwinlineTarget target = new TwinlineTarget(signals, FRACTION, scratch.resolve("pki"))) {
        long retained = usedHeap() - before;
        int count = target.runner().plant().signals().size();
        scale.add(row(String.format(Locale.ROOT, "%,d", count), "Twinline",
            String.format(Locale.ROOT, "%.2f s (read %.2f, build %.2f, serve %.2f)",
                (target.readNanos + target.buildNanos + target.serveNanos) / 1e9,
                target.readNanos / 1e9, target.buildNanos / 1e9, target.serveNanos / 1e9),
            String.format(Locale.ROOT, "%,.0f B", retained / (double) count),
            signals >= 100_000 ? verdict(
                (target.readNanos + target.buildNanos + target.serveNanos) / 1e9 < 5
                    && retained / (double) count < 1024, "< 5 s and < 1 KB/signal") : ""));
        GcWatch gc = new GcWatch();
        double[] raw = NetworkBenchmark.createRaw(target, 1000, true);
        twinline = NetworkBenchmark.load(target, 1000, seconds).withCreateRaw(raw);
        String gcText = gc.toString();
        PacingStats p = target.runner().pacing();
        pacing.add(row(String.format(Locale.ROOT, "%,d", signals),
            String.format(Locale.ROOT, "%,d", p.count()),
            String.format(Locale.ROOT, "%.2f ms", p.quantile(0.5) / 1e6),
            String.format(Locale.ROOT, "%.2f ms", p.quantile(0.99) / 1e6),
            String.format(Locale.ROOT, "%.2f ms", p.max() / 1e6),
            Long.toString(p.overruns()), gcText,
            verdict(p.quantile(0.99) <= 1_000_000 && p.overruns() == 0,
                "p99 ≤ 1 ms, no overrun")));
        twinlineLatency = NetworkBenchmark.latency(target, 300);
        twinlineRead = NetworkBenchmark.readRoundTrip(target, 5000);
      }
      System.gc();
      load.add(loadRow(signals, twinline, twinline, signals >= 100_000, 0));
      latency.add(latencyRow(signals, "Twinline", twinlineLatency,
          verdict(twinlineLatency.total().p50() <= 12 && twinlineLatency.total().p99() <= 22,
              "p50 ≤ 12 ms, p99 ≤ 22 ms")));
      reads.add(readRow(signals, "Twinline", twinlineRead,
          verdict(twinlineRead.p50() <= 200 && twinlineRead.p99() <= 1000,
              "p50 ≤ 200 µs, p99 ≤ 1 ms")));

      long t0;
      if (withMilo) {
        before = usedHeap();
        t0 = System.nanoTime();
        try (BareMiloTarget milo =
            new BareMiloTarget(signals, FRACTION, PERIOD_NANOS, scratch.resolve("pki-milo"))) {
          double start = (System.nanoTime() - t0) / 1e9;
          long retained = usedHeap() - before;
          scale.add(row(String.format(Locale.ROOT, "%,d", signals), "bare Milo",
              String.format(Locale.ROOT, "%.2f s", start),
              String.format(Locale.ROOT, "%,.0f B", retained / (double) signals), ""));
          double[] raw = NetworkBenchmark.createRaw(milo, 1000, true);
          load.add(loadRow(signals, NetworkBenchmark.load(milo, 1000, seconds).withCreateRaw(raw),
              twinline, signals >= 100_000, 0.8));
          latency.add(latencyRow(signals, "bare Milo", NetworkBenchmark.latency(milo, 300), ""));
          reads.add(readRow(signals, "bare Milo", NetworkBenchmark.readRoundTrip(milo, 5000), ""));
        }
        System.gc();
      }

      if (node) {
        t0 = System.nanoTime();
        try (NodeTarget peer = new NodeTarget(root.resolve("bench/src/main/node"), signals,
            FRACTION, (int) (PERIOD_NANOS / 1_000_000))) {
          double start = (System.nanoTime() - t0) / 1e9;
          scale.add(row(String.format(Locale.ROOT, "%,d", signals), "node-opcua",
              String.format(Locale.ROOT, "%.2f s", start), "(other process)", ""));
          // once: at 100,000 items node-opcua takes minutes and may drop the connection
          double[] raw = NetworkBenchmark.createRaw(peer, 1000, false);
          load.add(loadRow(signals, NetworkBenchmark.load(peer, 1000, seconds)
              .withCreateRaw(raw), twinline, signals >= 100_000, 2));
          latency.add(latencyRow(signals, "node-opcua", NetworkBenchmark.latency(peer, 300),
              ""));
          reads.add(readRow(signals, "node-opcua", NetworkBenchmark.readRoundTrip(peer, 5000),
              ""));
        } catch (Exception e) {
          // an overloaded peer that gives up: said in the report, the run goes on
          load.add(row(String.format(Locale.ROOT, "%,d", signals), "node-opcua",
              "failed: " + e.getMessage(), "", "", "", "", "", ""));
        }
      }
    }

    md.append("### Plant scale\n\n");
    md.append("From the generated line's text to a server accepting clients (Twinline: reading ")
        .append("the YAML, building the plant, starting the server), and the ")
        .append("heap still used after a full GC, per signal (the peers: their variables).\n\n");
    md.append("| signals | server | start | retained heap per signal | target |\n")
        .append("|---|---|---|---|---|\n");
    scale.forEach(md::append);
    md.append("\nWhat limits it: Twinline does not store its signals' nodes. They are made from ")
        .append("the line's definition when a request asks for one (a browse, a read, a write, a ")
        .append("new monitored item) and forgotten after it, so a signal keeps only its ")
        .append("simulation state, its definition and its current value. The bare Milo server ")
        .append("stores a node per variable with its references, Milo's usual way. Much of the ")
        .append("start is Milo's own (namespace 0, certificates), the same for 10,000 signals as ")
        .append("for 100,000; reading the YAML is most of the rest.\n");

    md.append("\n### Subscriptions at scale\n\n");
    md.append(String.format(Locale.ROOT, "Creating the items is timed twice: with raw "
        + "CreateMonitoredItems calls of 1,000 items (the server's part; the first time with "
        + "the server's code not yet compiled by the JIT, then again) and through Milo's "
        + "client library, which does its own bookkeeping per item. "
        + "One client subscribes to every variable in batches of "
        + "1,000 (subscriptions of at most %,d items, 10 ms publishing, 10 ms sampling, queue "
        + "10); 10%% of the variables count up by one every 10 ms. After a 3 s warm-up the client "
        + "counts for %.0f s: changes made (from the counters' values), notifications received, "
        + "and changes lost (a counter that jumped).\n\n",
        NetworkBenchmark.ITEMS_PER_SUBSCRIPTION, seconds));
    md.append("| signals | server | create items (server, cold / warm) | create items (Milo client) | "
        + "changes made/s | received/s | lost | Twinline ÷ peer (received) | target |\n"
        + "|---|---|---|---|---|---|---|---|---|\n");
    load.forEach(md::append);
    md.append("\nWhat limits it: Milo's server subscription looks at every one of its monitored ")
        .append("items at each publishing interval, changed or not (a synchronized check per ")
        .append("item): 100,000 items at 10 ms are ten million checks a second, on two cores ")
        .append("shared with the client decoding what arrives. Twinline feeds the items from a ")
        .append("publisher thread of its own, so the simulation thread never waits for OPC UA ")
        .append("until 64 change sets are pending; then the simulation waits rather than lose a ")
        .append("change or grow without bound, and runs behind real time (the pacing table). ")
        .append("In a profile (JFR) of this load about half of the samples are Milo's scan of ")
        .append("the items; going further needs a subscription that keeps the items with ")
        .append("something to send in a list of their own, which Milo's server offers no way to ")
        .append("plug in. The client asks for queues of 10; Twinline grants a queued item on a ")
        .append("signal one second of I/O cycles (100 here), so the cycles the simulation runs ")
        .append("back to back after a stall (a GC pause, a core taken) do not overflow it: a ")
        .append("change is lost only when a subscription falls a whole second behind. ")
        .append("The bare Milo server samples its nodes: values changing every ")
        .append("10 ms, sampled every 10 ms, alias, and most changes never reach the client. ")
        .append("node-opcua samples every item with a timer of its own and falls behind its own ")
        .append("changes. Creating items: the server's part is Milo's handling of each item ")
        .append("(attribute reads, access and data type checks) and the namespace hooking it to ")
        .append("its signal; cold, the JIT compiling those paths dominates. Milo's client adds ")
        .append("its own bookkeeping, checking each new item against every other of its ")
        .append("subscription (one linear scan per item), hence subscriptions of at most 10,000 ")
        .append("items here.\n");

    md.append("\n### Real-time pacing under that load\n\n");
    md.append("How late each 10 ms I/O cycle of the Twinline runs above began against the wall ")
        .append("clock, and the JVM's garbage collections over the whole load run (creating the items, ")
        .append("warming up, counting; the client's included).\n\n");
    md.append("| signals | cycles | lateness p50 | p99 | max | overruns (≥ 1 cycle late) | GC | "
        + "target |\n|---|---|---|---|---|---|---|---|\n");
    pacing.forEach(md::append);
    md.append("\nWhat limits it: with 10,000 signals the I/O cycles start on time but for a ")
        .append("few that wait for a core (client, Milo and the simulation share two) or for a ")
        .append("garbage collection: a G1 pause of 10 ms or more is an overrun. With 100,000 ")
        .append("it is the load above, a million changes a second through Milo and its client ")
        .append("on two cores: the simulation waits for OPC UA and falls behind, then catches ")
        .append("up. A low-pause collector trades throughput for jitter: see docs/scaling.md.\n");

    md.append("\n### Reaction latency\n\n");
    md.append("The client writes the actuator (Twinline: `ProbeMotor/Run`, answered by ")
        .append("`ProbeMotor/Running` in the next I/O cycle; the peers answer at once) and waits ")
        .append("for the sensor's notification, on a subscription with 10 ms publishing and ")
        .append("sampling interval 0 (as fast as the server can); 300 writes at random phases, ")
        .append("no other load. For Twinline the time splits in two (p50 / p99): from the write ")
        .append("to the simulation publishing the sensor's change (the wait for the next I/O ")
        .append("cycle, uniform over 0..10 ms), and from there to the client's notification ")
        .append("(the wait for the subscription's next publishing, uniform over 0..10 ms, as ")
        .append("Milo's publishing timer does not keep step with the I/O cycle). The write's own ")
        .append("round trip (p50) shows what this machine adds when threads wake from idle.\n\n");
    md.append("| signals | server | p50 | p90 | p99 | max | write round trip | write → "
        + "published | published → notified | target |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|\n");
    latency.forEach(md::append);
    md.append("\nWhat limits it: two waits of up to one period each, the I/O cycle and the ")
        .append("publishing interval, 5 ms each at the median, plus what it costs this machine to ")
        .append("wake the threads on the way (the write's own round trip after an idle pause is ")
        .append("ten times its back-to-back figure under Read round trip). The peers answer ")
        .append("without waiting for a cycle, so they save one of the two waits.\n");

    md.append("\n### Read round trip\n\n");
    md.append("One Read of one variable's value, 5,000 times after 2,000 for warm-up, no other ")
        .append("load.\n\n");
    md.append("| signals | server | p50 | p90 | p99 | max | target |\n")
        .append("|---|---|---|---|---|---|---|\n");
    reads.forEach(md::append);
    md.append("\nClient and server are both Eclipse Milo in this JVM; the bare Milo server is the ")
        .append("floor. Twinline adds the role check and the value lookup of its signal nodes.\n");
    md.append('\n');
  }

  /**
   * @param judge whether this size has targets (100,000 signals)
   * @param least the least Twinline ÷ peer ratio of delivered changes; 0 for Twinline's own row
   */
  private static String loadRow(int signals, LoadResult result, LoadResult twinline,
      boolean judge, double least) {
    boolean self = result == twinline;
    double factor = twinline.deliveredPerSecond() / Math.max(1e-9, result.deliveredPerSecond());
    String ratio = self ? "" : String.format(Locale.ROOT, "%.2f×", factor);
    String target = "";
    if (judge && !self) {
      target = verdict(factor >= least, String.format(Locale.ROOT, "≥ %s×", least));
    } else if (judge) {
      target = verdict(result.createRawSeconds()[1] < 5 && result.lost() == 0
              && result.badStatus() == 0 && result.offeredPerSecond() >= 0.99e6,
          "create < 5 s (server, warm); 1 M changes/s, none lost");
    }
    return row(String.format(Locale.ROOT, "%,d", signals), result.target(),
        (Double.isNaN(result.createRawSeconds()[0]) ? "failed"
            : seconds(result.createRawSeconds()[0])) + " / "
            + seconds(result.createRawSeconds()[1]),
        String.format(Locale.ROOT, "%.1f s", result.createSeconds()),
        String.format(Locale.ROOT, "%,.0f", result.offeredPerSecond()),
        String.format(Locale.ROOT, "%,.0f", result.deliveredPerSecond()),
        String.format(Locale.ROOT, "%,d%s", result.lost(),
            result.badStatus() > 0 ? " (+" + result.badStatus() + " bad status)" : ""),
        ratio, target);
  }

  private static String latencyRow(int signals, String server, NetworkBenchmark.Latency l,
      String target) {
    Percentiles p = l.total();
    return row(String.format(Locale.ROOT, "%,d", signals), server, ms(p.p50()), ms(p.p90()),
        ms(p.p99()), ms(p.max()), ms(l.write().p50()),
        l.reaction() == null ? "" : ms(l.reaction().p50()) + " / " + ms(l.reaction().p99()),
        l.delivery() == null ? "" : ms(l.delivery().p50()) + " / " + ms(l.delivery().p99()),
        target);
  }

  private static String readRow(int signals, String server, Percentiles p, String target) {
    return row(String.format(Locale.ROOT, "%,d", signals), server, us(p.p50()), us(p.p90()),
        us(p.p99()), us(p.max()), target);
  }

  private static String seconds(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f s", value);
  }

  private static String ms(double value) {
    return String.format(Locale.ROOT, "%.1f ms", value);
  }

  private static String us(double value) {
    return String.format(Locale.ROOT, "%.0f µs", value);
  }

  private static String verdict(boolean met, String target) {
    return target + ": " + (met ? "met" : "**missed**");
  }

  private static String row(String... cells) {
    return "| " + String.join(" | ", cells) + " |\n";
  }

  /** Heap in use after full collections (the least of a few, to let finalizers run). */
  static long usedHeap() {
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      least = Math.min(least,
          ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return least;
  }

  /** Collections and their time from its creation to {@link #toString()}. */
  private static final class GcWatch {
    private final long count;
    private final long millis;

    GcWatch() {
      long c = 0;
      long m = 0;
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        c += Math.max(0, gc.getCollectionCount());
        m += Math.max(0, gc.getCollectionTime());
      }
      count = c;
      millis = m;
    }

    @Override
    public String toString() {
      GcWatch now = new GcWatch();
      return String.format(Locale.ROOT, "%d collections, %d ms", now.count - count,
          now.millis - millis);
    }
  }
}
