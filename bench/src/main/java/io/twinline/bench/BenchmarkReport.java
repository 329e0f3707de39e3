package io.twinline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs every benchmark and writes docs/benchmarks.md: each figure as a median, beside a peer
 * measured in the same run, with the machine it ran on. Never edit the file by hand.
 */
public final class BenchmarkReport {

  private final StringBuilder md = new StringBuilder();

  public static void main(String[] args) throws Exception {
    Path output = Path.of(args.length > 0 ? args[0] : "docs/benchmarks.md");
    new BenchmarkReport().run(output);
  }

  private void run(Path output) throws Exception {
    // the project's folder: where the output lies, docs/benchmarks.md, unless told otherwise
    Path root = System.getProperty("bench.root") != null
        ? Path.of(System.getProperty("bench.root")).toAbsolutePath()
        : output.toAbsolutePath().getParent().getParent();
    header();
    // bench.only=network runs the OPC UA figures alone (while working on them)
    String only = System.getProperty("bench.only", "");
    if (only.isEmpty() || only.equals("simulation")) {
      kernel();
      continuous();
      lines(root);
    }
    if (only.equals("lines")) {
      // bench.only=lines: the example lines alone (a minute), after a change to a model
      lines(root);
    }
    if (only.isEmpty() || only.equals("network")) {
      new NetworkReport(md, root).run();
    }
    if (only.isEmpty() || only.equals("lockstep")) {
      LockStepBenchmark.report(md, root);
    }
    if (only.isEmpty() || only.equals("coupling")) {
      CouplingBenchmark.report(md, root);
    }
    if (only.isEmpty() || only.equals("st")) {
      StPlcBenchmark.report(md, root);
    }
    if (only.isEmpty() || only.equals("web")) {
      WebStreamBenchmark.report(md, root);
    }
    if (only.isEmpty() || only.equals("soak")) {
      AttackSoak.report(md, 5_000, 2_000, 1_000);
    }
    if (!only.isEmpty() && Files.exists(output)) {
      // a part run: its sections replace their namesakes in the report, the rest stays
      String sections = md.substring(Math.max(0, md.indexOf("\n## ") + 1));
      String merged = merge(Files.readString(output), sections);
      md.setLength(0);
      md.append(merged);
    }
    Files.writeString(output, md.toString(), StandardCharsets.UTF_8);
    System.out.println("wrote " + output);
  }

  /**
   * {@code report} with each {@code ## } section of {@code sections} in place of the section of
   * the same title (or added at the end).
   */
  static String merge(String report, String sections) {
    String result = report;
    for (String section : sections.split("(?m)(?=^## )")) {
      if (!section.startsWith("## ")) {
        continue;
      }
      String title = section.substring(0, section.indexOf('\n') + 1);
      int at = result.indexOf(title);
      if (at < 0) {
        result = result.endsWith("\n") ? result + section : result + "\n" + section;
        continue;
      }
      int next = result.indexOf("\n## ", at + title.length());
      result = result.substring(0, at) + section
          + (next < 0 ? "" : result.substring(next + 1));
    }
    return result;
  }

  private void header() {
    md.append("# Benchmarks\n\n");
    md.append("Written by `./twinline bench` (module `bench`); do not edit by hand. Machines here ")
        .append("are shared and noisy: each figure is a median, and each is set beside a peer ")
        .append("measured in the same run.\n\n");
    md.append("| | |\n|---|---|\n");
    md.append("| date | ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE))
        .append(" |\n");
    md.append("| cores | ").append(Runtime.getRuntime().availableProcessors()).append(" |\n");
    md.append("| CPU | ").append(cpuModel()).append(" |\n");
    md.append("| JDK | ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.version")).append(" |\n");
    md.append("| OS | ").append(System.getProperty("os.name")).append(' ')
        .append(System.getProperty("os.version")).append(" |\n\n");
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException e) {
      // not Linux
    }
    return System.getProperty("os.arch");
  }

  private static Collection<RunResult> jmh(Class<?> benchmark) throws Exception {
    Options options = new OptionsBuilder().include(benchmark.getName() + ".*").build();
    return new Runner(options).run();
  }

  /** The median of a benchmark's measured iterations. */
  private static double median(Collection<RunResult> results, String method) {
    return median(results, method, null);
  }

  /** The median of a benchmark's measured iterations with parameter pending = {@code pending}. */
  private static double median(Collection<RunResult> results, String method, String pending) {
    for (RunResult result : results) {
      if (result.getParams().getBenchmark().endsWith("." + method)
          && (pending == null || pending.equals(result.getParams().getParam("pending")))) {
        List<Double> scores = new ArrayList<>();
        for (BenchmarkResult benchmark : result.getBenchmarkResults()) {
          for (IterationResult iteration : benchmark.getIterationResults()) {
            scores.add(iteration.getPrimaryResult().getScore());
          }
        }
        return medianOf(scores);
      }
    }
    throw new IllegalStateException("no result for " + method);
  }

  static double medianOf(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private void kernel() throws Exception {
    Collection<RunResult> results = jmh(KernelBenchmark.class);
    md.append("## Simulation kernel\n\n");
    md.append("Hold model: with N events pending, each operation schedules one event at a random ")
        .append("time up to 1 s ahead and runs the earliest one (JMH, 9 iterations of 1 s after ")
        .append("5 of warm-up, median). The peer is `java.util.PriorityQueue` with the same ")
        .append("ordering (time, priority, sequence), in the same run.\n\n");
    md.append("| pending | Twinline events/s | `PriorityQueue` events/s | ratio | target |\n")
        .append("|---|---|---|---|---|\n");
    for (String pending : new String[] {"10000", "100000"}) {
      double twinline = median(results, "twinlineScheduleAndRun", pending);
      double peer = median(results, "priorityQueueScheduleAndRun", pending);
      String target =
          pending.equals("100000") ? "≥ 5 M/s: " + (twinline >= 5e6 ? "met" : "**missed**") : "";
      md.append(String.format(Locale.ROOT, "| %,d | %s | %s | %.1f× | %s |\n",
          Integer.parseInt(pending), millions(twinline), millions(peer), twinline / peer,
          target));
    }
    md.append("\nSame-instant crowd: the same hold model, but every new event is due at the next ")
        .append("10 ms I/O-cycle tick, so all N pending events share one or two instants (a ")
        .append("PLC-synchronised plant resampling its inputs on the cycle grid).\n\n");
    md.append("| pending at one instant | Twinline events/s | `PriorityQueue` events/s | ratio |\n")
        .append("|---|---|---|---|\n");
    for (String pending : new String[] {"10000", "100000"}) {
      double twinline = median(results, "twinlineSameInstantCrowd", pending);
      double peer = median(results, "priorityQueueSameInstantCrowd", pending);
      md.append(String.format(Locale.ROOT, "| %,d | %s | %s | %.1f× |\n",
          Integer.parseInt(pending), millions(twinline), millions(peer), twinline / peer));
    }
    md.append("\nWhat limits it: with 100 000 events pending, the event that runs was scheduled ")
        .append("about 100 000 operations earlier and has left the processor's caches; fetching ")
        .append("it (and appending the new one to its bucket) costs main-memory latency. The ")
        .append("calendar keeps this to about one miss per event: a small 4-ary heap on ")
        .append("primitive keys for the near future, a ring of time buckets appended to in ")
        .append("constant time, and each bucket's events fetched together (in parallel) when it ")
        .append("becomes the heap. A binary heap of event objects measured 0.95 M/s here.\n\n");
  }

  private void continuous() throws Exception {
    Collection<RunResult> results = jmh(ContinuousBenchmark.class);
    double tank = median(results, "tankCycle");
    double heater = median(results, "heaterCycle");
    double empty = median(results, "emptyCycle");
    md.append("## Continuous models\n\n");
    md.append("One 10 ms I/O cycle of simulated time with one small continuous model moving: ")
        .append("its Runge-Kutta step and the published analog value (JMH, median). The peer ")
        .append("is the same cycle of a plant with nothing moving: what the model adds is the ")
        .append("difference.\n\n");
    md.append("| | ns per cycle | model's share | target |\n|---|---|---|---|\n");
    md.append(String.format(Locale.ROOT, "| tank (valve inlet, level switch) | %.0f | %.0f ns | ≤ 1 µs: %s |\n",
        tank, tank - empty, tank - empty <= 1000 ? "met" : "**missed**"));
    md.append(String.format(Locale.ROOT, "| heater (thermostat) | %.0f | %.0f ns | ≤ 1 µs: %s |\n",
        heater, heater - empty, heater - empty <= 1000 ? "met" : "**missed**"));
    md.append(String.format(Locale.ROOT, "| empty plant (peer) | %.0f | | |\n\n", empty));
  }

  private void lines(Path root) throws Exception {
    Path lines = root.resolve("line-definitions");
    md.append("## Example lines as fast as possible\n\n");
    md.append("One simulated hour under the line's reference program, a soft PLC scanning every ")
        .append("10 ms in process (median of 5 runs after a warm-up run). The speed factor is ")
        .append("simulated time over wall time.\n\n");
    md.append("| line | wall time per simulated hour | speed factor | target |\n|---|---|---|---|\n");
    line("bottling-line", LineSpeed.measure(lines.resolve("bottling-line.yaml"),
        LineSpeed.bottling(), true, 5), "≥ 1000× (one hour in under 5 s)");
    line("sorting-line", LineSpeed.measure(lines.resolve("sorting-line.yaml"),
        LineSpeed.sorting(), false, 5), "");
    line("mixing-tank", LineSpeed.measure(lines.resolve("mixing-tank.yaml"),
        LineSpeed.mixing(), false, 5), "");
    md.append("\n");
  }

  private void line(String name, List<Long> nanos, String target) {
    List<Double> seconds = new ArrayList<>();
    nanos.forEach(n -> seconds.add(n / 1e9));
    double median = medianOf(seconds);
    double factor = 3600.0 / median;
    String verdict = target.isEmpty() ? "" : target + ": " + (factor >= 1000 ? "met" : "**missed**");
    md.append(String.format(Locale.ROOT, "| %s | %.2f s | %.0f× | %s |\n", name, median, factor,
        verdict));
  }

  private static String millions(double perSecond) {
    return String.format(Locale.ROOT, "%.2f M", perSecond / 1e6);
  }
}
