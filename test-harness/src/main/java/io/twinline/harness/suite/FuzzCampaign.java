package io.twinline.harness.suite;

import io.twinline.sim.controller.ControlProgram;
import io.twinline.line.fault.FaultSpec;
import io.twinline.sim.time.SimTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Runs a {@link FuzzSpec} for a range of seeds. A seed decides both the line's random streams
 * and the random actions, so a failing seed replays exactly: run that seed alone.
 */
public final class FuzzCampaign {

  private FuzzCampaign() {}

  /** A planned random action. */
  private record Planned(long time, FuzzSpec.Action action, int number) {}

  /**
   * The steps of one seed's run: the invariants, then the random actions at their times, then
   * the rest of the duration.
   */
  public static List<Step> plan(FuzzSpec fuzz, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long end = fuzz.duration().toNanos();
    List<Planned> planned = new ArrayList<>();
    for (FuzzSpec.Action action : fuzz.actions()) {
      SplittableRandom stream = random.split();
      double mean = action.every().toNanos();
      long t = 0;
      int n = 0;
      while (true) {
        t += (long) (-Math.log(1 - stream.nextDouble()) * mean);
        if (t >= end) {
          break;
        }
        planned.add(new Planned(t - t % 1_000_000, action, ++n)); // whole milliseconds
      }
    }
    planned.sort(Comparator.comparingLong(Planned::time).thenComparingInt(p -> p.number()));
    List<Step> steps = new ArrayList<>();
    for (var invariant : fuzz.invariants()) {
      steps.add(new Step.Never(fuzz.location(), "never " + invariant.text(), invariant));
    }
    long now = 0;
    for (Planned p : planned) {
      if (p.time() > now) {
        steps.add(wait(fuzz, p.time() - now));
        now = p.time();
      }
      steps.add(step(p));
      if (p.action().kind() == FuzzSpec.Kind.PULSE || p.action().kind() == FuzzSpec.Kind.HOLD) {
        now += p.action().length().toNanos(); // a pulse or hold takes its time
      }
    }
    if (end > now) {
      steps.add(wait(fuzz, end - now));
    }
    return steps;
  }

  private static Step wait(FuzzSpec fuzz, long nanos) {
    Duration d = Duration.ofNanos(nanos);
    return new Step.Wait(fuzz.location(), "wait " + io.twinline.harness.run.Times.format(nanos), d);
  }

  private static Step step(Planned p) {
    FuzzSpec.Action a = p.action();
    String at = "at " + io.twinline.harness.run.Times.format(p.time()) + ": ";
    return switch (a.kind()) {
      case PULSE -> new Step.Pulse(a.location(),
          at + "pulse " + a.target() + " for " + io.twinline.harness.run.Times.format(a.length().toNanos()),
          a.target(), a.length());
      case HOLD -> new Step.Hold(a.location(),
          at + "hold " + a.target() + " for " + io.twinline.harness.run.Times.format(a.length().toNanos()),
          a.target(), a.length());
      case OPERATE -> new Step.Operate(a.location(), at + a.operation() + " " + a.target(),
          a.target(), a.operation());
      case FAULT -> {
        FaultSpec f = a.fault();
        FaultSpec once = new FaultSpec(f.id() + "_" + p.number(), f.target(), f.kind(), f.value(),
            f.period(), f.delay(), f.amplitude(), f.fraction(), f.probability(),
            Optional.empty(), Optional.of(a.length()));
        yield new Step.InjectFault(a.location(), at + "inject fault " + once.describe(), once);
      }
    };
  }

  /**
   * Runs the campaign for {@code count} seeds from {@code firstSeed}; each seed is a sequence of
   * the result, named {@code seed N}.
   */
  public static SuiteResult run(
      SuiteSpec suite,
      Optional<Supplier<ControlProgram>> controller,
      String controllerName,
      long firstSeed,
      int count) {
    FuzzSpec fuzz = suite.fuzz().orElseThrow(
        () -> new IllegalArgumentException(suite.file() + " has no 'fuzz:' section"));
    long wallStart = System.nanoTime();
    List<SequenceResult> results = new ArrayList<>();
    io.twinline.harness.run.Coverage coverage = null;
    for (long seed = firstSeed; seed < firstSeed + count; seed++) {
      SuiteSpec.Sequence sequence =
          new SuiteSpec.Sequence("seed " + seed, fuzz.location(), List.of("fuzz"),
              plan(fuzz, seed));
      SuiteSpec one = new SuiteSpec(suite.file(), suite.line(), suite.controller(), suite.scan(),
          suite.setup(), suite.teardown(), List.of(sequence), suite.fuzz());
      SuiteResult result =
          new SuiteRunner(controller, controllerName, seed, s -> true).run(one);
      results.addAll(result.sequences());
      if (coverage == null) {
        coverage = result.coverage();
      } else if (result.coverage() != null) {
        coverage.add(result.coverage());
      }
    }
    return new SuiteResult(suite.file(), suite.line().name(), controllerName, firstSeed, results,
        coverage, System.nanoTime() - wallStart);
  }
}
