package io.twinline.bench;

import io.twinline.harness.reference.BottlingLineProgram;
import io.twinline.line.LineDefinitions;
import io.twinline.line.SignalDefinition;
import io.twinline.line.model.LineDefinition;
import io.twinline.sim.controller.ControlProgram;
import io.twinline.sim.controller.Controllers;
import io.twinline.sim.controller.ProcessImage;
import io.twinline.sim.controller.SoftPlc;
import io.twinline.sim.run.Operate;
import io.twinline.sim.run.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Structured Text soft PLC beside the Java reference program, in the same run: the bottling
 * line as fast as possible under each, and the programs' scans alone against an in-memory
 * image. Runs alternate between the two programs so that the machine's noise falls on both.
 */
final class StPlcBenchmark {

  private static final long MINUTES = 10;
  private static final long SIMULATED = MINUTES * 60_000_000_000L;
  private static final int RUNS = 5;
  private static final int SCANS = 1_000_000;

  private StPlcBenchmark() {}

  static void report(StringBuilder md, Path root) throws Exception {
    Path lineFile = root.resolve("line-definitions/bottling-line.yaml");
    LineDefinition line = LineDefinitions.read(lineFile);
    String st = "st:" + root.resolve("st-plc/examples/bottling-line.st");
    Supplier<ControlProgram> stProgram = Controllers.resolve(st, line).orElseThrow();
    Supplier<ControlProgram> javaProgram = BottlingLineProgram::new;

    // whole line, afap
    runLine(line, javaProgram.get());
    runLine(line, stProgram.get());
    List<Long> javaLine = new ArrayList<>();
    List<Long> stLine = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      javaLine.add(runLine(line, javaProgram.get()));
      stLine.add(runLine(line, stProgram.get()));
    }
    // scans alone
    scans(line, javaProgram.get(), SCANS / 2);
    scans(line, stProgram.get(), SCANS / 2);
    List<Double> javaScan = new ArrayList<>();
    List<Double> stScan = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      javaScan.add(scans(line, javaProgram.get(), SCANS));
      stScan.add(scans(line, stProgram.get(), SCANS));
    }
    double javaWall = median(javaLine);
    double stWall = median(stLine);
    double javaNs = medianD(javaScan);
    double stNs = medianD(stScan);

    md.append("## Structured Text soft PLC\n\n");
    md.append("The bottling line's reference program in Structured Text ")
        .append("(`st-plc/examples/bottling-line.st`, compiled to slot-resolved code) beside the ")
        .append("Java reference program (`BottlingLineProgram`), alternating in the same run, ")
        .append(RUNS).append(" runs each after a warm-up. *Line*: ").append(MINUTES)
        .append(" simulated minutes of the whole line as fast as possible, the program ")
        .append("scanning every 10 ms (plant simulation included). *Scan*: ")
        .append(String.format(Locale.ROOT, "%,d", SCANS)).append(" scans of the program ")
        .append("alone against an in-memory process image of the running line (no plant).\n\n");
    md.append("| | Java program | ST program | ST / Java |\n|---|---|---|---|\n");
    md.append(String.format(Locale.ROOT, "| line, wall time (median) | %.2f s | %.2f s | %.2f |%n",
        javaWall / 1e9, stWall / 1e9, stWall / javaWall));
    md.append(String.format(Locale.ROOT, "| line, × real time | %,.0f× | %,.0f× | |%n",
        SIMULATED / javaWall, SIMULATED / stWall));
    md.append(String.format(Locale.ROOT, "| scan alone (median) | %.0f ns | %.0f ns | %.2f |%n",
        javaNs, stNs, stNs / javaNs));
    md.append(String.format(Locale.ROOT, "| scans alone, × real time at 10 ms | %,.0f× | %,.0f× | |%n",
        1e7 / javaNs, 1e7 / stNs));
    md.append("\nTargets (issue 15): at least 1,000× real time, and within 2× of the Java ")
        .append("program's speed. The line runs with the start button pressed, every belt and ")
        .append("station busy: the plant's events, not the program, set the line's pace. Load ")
        .append("average when the run ended: ").append(loadAverage()).append(" on ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores.\n\n");
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private static long runLine(LineDefinition line, ControlProgram program) {
    long start = System.nanoTime();
    Session session = new Session(line);
    new SoftPlc(session, program, Duration.ofMillis(10)).start();
    session.runUntil(1_000_000_000L);
    session.apply(new Operate("StartButton", "press"));
    session.runUntil(1_200_000_000L);
    session.apply(new Operate("StartButton", "release"));
    session.runUntil(SIMULATED);
    return System.nanoTime() - start;
  }

  /** ns per scan of {@code program} on an image of the line with the start button pressed. */
  private static double scans(LineDefinition line, ControlProgram program, int n) {
    ArrayImage image = new ArrayImage(line);
    image.values[image.index.get("EStop/Healthy")] = true;
    image.values[image.index.get("StopButton/Contact")] = true;
    image.values[image.index.get("NeckGuide/InPosition")] = true;
    program.init(image);
    image.now = 0;
    program.scan(image);
    image.values[image.index.get("StartButton/Contact")] = true;
    long start = System.nanoTime();
    for (int i = 1; i <= n; i++) {
      image.now = i * 10_000_000L;
      // a bottle comes and goes at the filler every 100 scans
      image.values[image.index.get("Filler/PartPresent")] = (i / 100) % 2 == 0;
      program.scan(image);
    }
    return (double) (System.nanoTime() - start) / n;
  }

  private static double median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static double medianD(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  /**
   * A process image in an array, as the in-process soft PLC's: by name through a hash map, by a
   * bound tag at its index.
   */
  static final class ArrayImage implements ProcessImage {
    final Map<String, Integer> index = new HashMap<>();
    final Object[] values;
    long now;

    record Slot(String name, int at) implements Tag {}

    ArrayImage(LineDefinition line) {
      List<SignalDefinition> signals = line.signals();
      values = new Object[signals.size()];
      for (int i = 0; i < signals.size(); i++) {
        SignalDefinition s = signals.get(i);
        index.put(s.path().toString(), i);
        s.tag().ifPresent(t -> index.put(t, index.get(s.path().toString())));
        values[i] = switch (s.type()) {
          case BOOLEAN -> Boolean.FALSE;
          case STRING -> "";
          case FLOAT, DOUBLE -> 0.0;
          default -> 0L;
        };
      }
    }

    private int at(String name) {
      Integer i = index.get(name);
      if (i == null) {
        throw new IllegalArgumentException("no signal " + name);
      }
      return i;
    }

    @Override
    public Tag tag(String signal) {
      return new Slot(signal, at(signal));
    }

    @Override
    public long now() {
      return now;
    }

    @Override
    public boolean bool(Tag tag) {
      return (Boolean) values[((Slot) tag).at()];
    }

    @Override
    public double number(Tag tag) {
      return ((Number) values[((Slot) tag).at()]).doubleValue();
    }

    @Override
    public void set(Tag tag, boolean value) {
      values[((Slot) tag).at()] = value;
    }

    @Override
    public void set(Tag tag, double value) {
      values[((Slot) tag).at()] = value;
    }

    @Override
    public void set(Tag tag, long value) {
      values[((Slot) tag).at()] = value;
    }

    @Override
    public boolean bool(String signal) {
      return (Boolean) values[at(signal)];
    }

    @Override
    public double number(String signal) {
      Object v = values[at(signal)];
      return v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).doubleValue();
    }

    @Override
    public int integer(String signal) {
      return (int) Math.round(number(signal));
    }

    @Override
    public String text(String signal) {
      return String.valueOf(values[at(signal)]);
    }

    @Override
    public void set(String signal, boolean value) {
      values[at(signal)] = value;
    }

    @Override
    public void set(String signal, double value) {
      values[at(signal)] = value;
    }

    @Override
    public void set(String signal, long value) {
      values[at(signal)] = value;
    }

    @Override
    public void set(String signal, String value) {
      values[at(signal)] = value;
    }
  }
}
