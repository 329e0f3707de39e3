package io.twinline.bench;

import io.twinline.sim.controller.ControlProgram;
import io.twinline.sim.controller.SoftPlc;
import io.twinline.harness.reference.BottlingLineProgram;
import io.twinline.harness.reference.MixingTankProgram;
import io.twinline.harness.reference.SortingLineProgram;
import io.twinline.line.LineDefinitions;
import io.twinline.line.model.LineDefinition;
import io.twinline.sim.run.Operate;
import io.twinline.sim.run.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Whole lines as fast as possible: one simulated hour under the reference program scanning every
 * 10 ms, the wall time measured over several runs after a warm-up run.
 */
final class LineSpeed {

  static final long HOUR = 3_600_000_000_000L;

  /** Wall times of {@code runs} runs (after one warm-up), ns. */
  static List<Long> measure(Path lineFile, Supplier<ControlProgram> program, boolean pressStart,
      int runs) throws Exception {
    LineDefinition line = LineDefinitions.read(lineFile);
    runHour(line, program.get(), pressStart);
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      runHour(line, program.get(), pressStart);
      times.add(System.nanoTime() - start);
    }
    return times;
  }

  private static void runHour(LineDefinition line, ControlProgram program, boolean pressStart) {
    Session session = new Session(line);
    new SoftPlc(session, program, Duration.ofMillis(10)).start();
    if (pressStart) {
      session.runUntil(1_000_000_000L);
      session.apply(new Operate("StartButton", "press"));
      session.runUntil(2_000_000_000L);
      session.apply(new Operate("StartButton", "release"));
    }
    session.runUntil(HOUR);
  }

  static Supplier<ControlProgram> bottling() {
    return BottlingLineProgram::new;
  }

  static Supplier<ControlProgram> sorting() {
    return SortingLineProgram::new;
  }

  static Supplier<ControlProgram> mixing() {
    return MixingTankProgram::new;
  }

  private LineSpeed() {}
}
