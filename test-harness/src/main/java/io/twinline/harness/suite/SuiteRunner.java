package io.twinline.harness.suite;

import io.twinline.sim.controller.ControlProgram;
import io.twinline.harness.run.Coverage;
import io.twinline.harness.run.Harness;
import io.twinline.harness.run.SequenceFailure;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import io.twinline.line.model.LineDefinition;
import io.twinline.sim.time.SimTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs the sequences of a file, each on a fresh plant of its line with a fresh controller: the
 * setup, the sequence's steps, the teardown (also after a failure, with the invariants ended).
 * In process and as fast as possible; the same seed gives the same results.
 */
public final class SuiteRunner {

  /** How much simulated time before a failure the report's chart shows at most. */
  static final long TIMELINE_BEFORE = SimTime.seconds(10);

  /** How much it shows before the failing step began. */
  static final long TIMELINE_LEAD = SimTime.millis(500);

  /** How many events before a failure the report lists. */
  static final int LAST_EVENTS = 25;

  /**
   * How much simulated time before a broken invariant its chart shows at least, so that a race of
   * one scan is tens of pixels wide, not one; with a scan period, at least 20 scans.
   */
  static final long INVARIANT_ZOOM = SimTime.millis(200);

  /** How many signals a chart shows at most. */
  static final int TIMELINE_SIGNALS = 8;

  private final Optional<Supplier<ControlProgram>> controller;
  private final String controllerName;
  private final Long seed;
  private final Predicate<SuiteSpec.Sequence> selection;
  private java.util.function.BiConsumer<SuiteSpec.Sequence, Harness> finished = (s, h) -> { };

  /**
   * @param controller makes the program under test, a fresh one per sequence; empty: none
   * @param controllerName what the report calls it
   * @param seed the seed for the line's random streams, or null for the line's own
   * @param selection which sequences to run (by tags, for example)
   */
  public SuiteRunner(
      Optional<Supplier<ControlProgram>> controller,
      String controllerName,
      Long seed,
      Predicate<SuiteSpec.Sequence> selection) {
    this.controller = controller;
    this.controllerName = controllerName;
    this.seed = seed;
    this.selection = selection;
  }

  /** Called after each sequence (teardown included) with its harness: to keep its trace. */
  public SuiteRunner onFinished(java.util.function.BiConsumer<SuiteSpec.Sequence, Harness> then) {
    this.finished = then;
    return this;
  }

  /**
   * Selects the sequences with at least one of {@code tags} (all if there is none) and none of
   * the tags written {@code !tag}: {@code [smoke, !long]}, {@code [!long]}.
   */
  public static Predicate<SuiteSpec.Sequence> tagged(List<String> tags) {
    List<String> include = new ArrayList<>();
    List<String> exclude = new ArrayList<>();
    for (String tag : tags) {
      String t = tag.strip();
      if (t.startsWith("!")) {
        exclude.add(t.substring(1).strip());
      } else if (!t.isEmpty()) {
        include.add(t);
      }
    }
    return tagged(include, exclude);
  }

  /**
   * The sequences with one of {@code include} (all if it is empty) and none of {@code exclude},
   * as JUnit's tag filters select: {@code --tags smoke --exclude-tags long}.
   */
  public static Predicate<SuiteSpec.Sequence> tagged(List<String> include, List<String> exclude) {
    List<String> in = List.copyOf(include);
    List<String> out = List.copyOf(exclude);
    return s -> (in.isEmpty() || s.tags().stream().anyMatch(in::contains))
        && s.tags().stream().noneMatch(out::contains);
  }

  public SuiteResult run(SuiteSpec suite) {
    long wallStart = System.nanoTime();
    LineDefinition line = seed == null ? suite.line() : suite.line().withSeed(seed);
    List<SequenceResult> results = new ArrayList<>();
    Coverage total = null;
    for (SuiteSpec.Sequence sequence : suite.sequences()) {
      if (!selection.test(sequence)) {
        continue;
      }
      Harness.Builder builder = Harness.on(line).scan(suite.scan());
      controller.ifPresent(c -> builder.controller(c.get()));
      try (Harness harness = builder.start()) {
        results.add(run(suite, sequence, harness));
        finished.accept(sequence, harness);
        if (total == null) {
          total = harness.coverage().empty();
        }
        total.add(harness.coverage());
      }
    }
    return new SuiteResult(suite.file(), line.name(), controllerName, line.seed(), results, total,
        System.nanoTime() - wallStart);
  }

  /**
   * Runs one sequence of {@code suite} on {@code harness}: setup, steps, teardown. For harnesses
   * made elsewhere, such as one attached to a served line ({@link Harness#attach}).
   */
  public SequenceResult run(SuiteSpec suite, SuiteSpec.Sequence sequence, Harness harness) {
    long wallStart = System.nanoTime();
    Recorder recorder = new Recorder();
    Status status = Status.PASSED;
    Failure failure = null;
    List<Step> all = new ArrayList<>(suite.setup());
    all.addAll(sequence.steps());
    int next = 0;
    try {
      while (next < all.size()) {
        Step step = all.get(next++);
        recorder.started(step, harness.now());
        step.run(harness, recorder);
        recorder.finished(step, harness.now());
      }
    } catch (SequenceFailure e) {
      status = Status.FAILED;
      Step.Never broken = e.invariant().map(origin -> never(all, origin)).orElse(null);
      if (broken != null) {
        // the invariant failed, not the step that happened to run when it broke
        long scan = suite.scan().toNanos();
        long zoom = Math.max(INVARIANT_ZOOM, 20 * scan);
        failure = failure(harness, broken, e.getMessage(), e.time(), e.signals(), sequence,
            Math.max(harness.startTime(), e.time() - zoom), scan, true);
        recorder.interrupted(harness.now(), "interrupted at " + io.twinline.harness.run.Times.format(e.time())
            + ": the invariant of line " + broken.location().line() + " broke");
        recorder.invariantBroke(broken, e.time(), e.getMessage());
      } else {
        failure = failure(harness, recorder.innermost(), e.getMessage(), e.time(), e.signals(),
            sequence, from(harness, e.time(), recorder.innermostStart()), suite.scan().toNanos(),
            false);
        recorder.failed(harness.now(), Status.FAILED, e.getMessage());
      }
    } catch (RuntimeException e) {
      status = Status.ERROR;
      String message = describe(e);
      failure = failure(harness, recorder.innermost(), message, harness.now(), List.of(),
          sequence, from(harness, harness.now(), recorder.innermostStart()),
          suite.scan().toNanos(), false);
      recorder.failed(harness.now(), Status.ERROR, message);
    }
    for (Step skipped : all.subList(next, all.size())) {
      recorder.skipped(skipped);
    }
    harness.disarmInvariants();
    for (Step step : suite.teardown()) {
      try {
        recorder.started(step, harness.now());
        step.run(harness, recorder);
        recorder.finished(step, harness.now());
      } catch (RuntimeException | SequenceFailure e) {
        String message = "teardown: " + describe(e);
        Step culprit = recorder.innermost();
        recorder.failed(harness.now(), Status.ERROR, message);
        if (status == Status.PASSED) {
          status = Status.ERROR;
          failure = failure(harness, culprit, message, harness.now(), List.of(), sequence,
              from(harness, harness.now(), harness.now()), suite.scan().toNanos(), false);
        }
        break;
      }
    }
    return new SequenceResult(sequence.name(), sequence.location(), sequence.tags(), status,
        harness.now(), System.nanoTime() - wallStart, recorder.results(),
        Optional.ofNullable(failure));
  }

  private static String describe(Throwable e) {
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  /**
   * Where a failing step's chart starts: a little before the step began, at most {@link
   * #TIMELINE_BEFORE} before the failure, not before the run.
   */
  private static long from(Harness harness, long time, long stepStart) {
    return Math.max(harness.startTime(), Math.max(time - TIMELINE_BEFORE,
        Math.min(stepStart, time) - TIMELINE_LEAD));
  }

  /** The {@code never} step among {@code steps} (nested ones too) whose origin this is. */
  private static Step.Never never(List<Step> steps, String origin) {
    for (Step step : steps) {
      if (step instanceof Step.Never n && n.origin().equals(origin)) {
        return n;
      }
      if (step instanceof Step.Repeat r) {
        Step.Never inner = never(r.steps(), origin);
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }

  private static Failure failure(
      Harness harness,
      Step step,
      String message,
      long time,
      List<String> signals,
      SuiteSpec.Sequence sequence,
      long from,
      long scan,
      boolean invariant) {
    SourceLocation location = step == null ? sequence.location() : step.location();
    Set<String> chart = new LinkedHashSet<>(signals);
    for (Step s : sequence.steps()) {
      chart.addAll(signalsOf(s));
    }
    List<String> shown = chart.stream().limit(TIMELINE_SIGNALS).toList();
    long start = harness.startTime();
    Timeline window = timeline(harness, shown, from, time, scan);
    Timeline overview = from > start ? timeline(harness, shown, start, time, 0) : null;
    return new Failure(message, location, time, window, lastEvents(harness, time), overview,
        invariant);
  }

  /** The signals a step reads or writes. */
  static List<String> signalsOf(Step step) {
    List<String> paths = new ArrayList<>();
    if (step instanceof Step.Expect e) {
      e.condition().signals().forEach(r -> paths.add(r.path()));
    } else if (step instanceof Step.ExpectScans e) {
      e.condition().signals().forEach(r -> paths.add(r.path()));
    } else if (step instanceof Step.Never n) {
      n.condition().signals().forEach(r -> paths.add(r.path()));
    } else if (step instanceof Step.ExpectOrder o) {
      o.order().forEach(c -> c.signals().forEach(r -> paths.add(r.path())));
    } else if (step instanceof Step.Set s) {
      paths.addAll(s.values().keySet());
    } else if (step instanceof Step.Repeat r) {
      r.steps().forEach(inner -> paths.addAll(signalsOf(inner)));
    }
    return paths;
  }

  private static Timeline timeline(
      Harness harness, List<String> paths, long from, long marker, long scan) {
    long to = Math.max(harness.now(), marker);
    List<Timeline.Series> series = new ArrayList<>();
    for (String name : paths) {
      var ref = harness.signals().resolve(name);
      if (ref.isEmpty()) {
        continue;
      }
      int id = ref.get().index();
      SignalType type = ref.get().type();
      Object initial = harness.initialValue(id);
      List<Timeline.Point> points = new ArrayList<>();
      for (Harness.Change change : harness.changes()) {
        if (change.signal() != id) {
          continue;
        }
        if (change.time() < from) {
          initial = change.value();
        } else if (change.time() <= to) {
          points.add(new Timeline.Point(change.time(), change.value()));
        }
      }
      series.add(new Timeline.Series(ref.get().path(), type, initial, points));
    }
    return new Timeline(from, to, marker, series, scan);
  }

  private static List<Failure.Event> lastEvents(Harness harness, long time) {
    List<Failure.Event> events = new ArrayList<>();
    List<Harness.Change> changes = harness.changes();
    List<Harness.Event> actions = harness.actions();
    int c = changes.size() - 1;
    int a = actions.size() - 1;
    while (events.size() < LAST_EVENTS && (c >= 0 || a >= 0)) {
      boolean takeAction =
          a >= 0 && (c < 0 || actions.get(a).time() >= changes.get(c).time());
      if (takeAction) {
        Harness.Event action = actions.get(a--);
        if (action.time() <= time) {
          events.add(new Failure.Event(action.time(), action.text()));
        }
      } else {
        Harness.Change change = changes.get(c--);
        String path = harness.signals().definition(change.signal()).path().toString();
        if (change.time() <= time && !path.startsWith("Simulation/")) {
          events.add(new Failure.Event(change.time(), path + " = " + change.value()));
        }
      }
    }
    java.util.Collections.reverse(events);
    return events;
  }

  /** Keeps the result of every step, nested ones included, as they run. */
  private static final class Recorder implements Step.StepListener {
    private record Frame(Step step, long start) {}

    private final List<StepResult> results = new ArrayList<>();
    private final java.util.ArrayDeque<Frame> running = new java.util.ArrayDeque<>();

    @Override
    public void started(Step step, long time) {
      running.push(new Frame(step, time));
    }

    @Override
    public void finished(Step step, long time) {
      Frame frame = running.pop();
      results.add(new StepResult(step.location(), step.text(), Status.PASSED, frame.start(),
          time, ""));
    }

    /** When the innermost step running began, or -1. */
    long innermostStart() {
      return running.isEmpty() ? -1 : running.peek().start();
    }

    /** The innermost step running (the one that failed), or null. */
    Step innermost() {
      return running.isEmpty() ? null : running.peek().step();
    }

    /** The running steps failed: the innermost with {@code message}, the ones around it too. */
    void failed(long time, Status status, String message) {
      boolean first = true;
      while (!running.isEmpty()) {
        Frame frame = running.pop();
        results.add(new StepResult(frame.step().location(), frame.step().text(), status,
            frame.start(), time, first ? message : ""));
        first = false;
      }
    }

    /** The running steps were cut short by a broken invariant, not by their own failure. */
    void interrupted(long time, String message) {
      boolean first = true;
      while (!running.isEmpty()) {
        Frame frame = running.pop();
        results.add(new StepResult(frame.step().location(), frame.step().text(),
            Status.INTERRUPTED, frame.start(), time, first ? message : ""));
        first = false;
      }
    }

    /**
     * The {@code never} step {@code broken}, recorded as passed when it armed the invariant,
     * failed at {@code time}: its result says so, and spans from arming to the breach.
     */
    void invariantBroke(Step.Never broken, long time, String message) {
      for (int i = results.size() - 1; i >= 0; i--) {
        StepResult r = results.get(i);
        if (r.location().equals(broken.location()) && r.status() == Status.PASSED) {
          results.set(i, new StepResult(r.location(), r.text(), Status.FAILED, r.start(), time,
              message));
          return;
        }
      }
    }

    void skipped(Step step) {
      results.add(new StepResult(step.location(), step.text(), Status.SKIPPED, 0, 0, ""));
    }

    List<StepResult> results() {
      return results;
    }
  }
}
