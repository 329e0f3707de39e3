package io.twinline.harness.suite;

import io.twinline.harness.expr.Condition;
import io.twinline.harness.run.Harness;
import io.twinline.line.SourceLocation;
import io.twinline.line.fault.FaultSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One step of a sequence, read from a file and checked against the line. */
public sealed interface Step {

  /** Where it is written. */
  SourceLocation location();

  /** The step as a person reads it: {@code expect Tower/Green within 100 ms}. */
  String text();

  /** Does it. Throws {@link io.twinline.harness.run.SequenceFailure} if an expectation fails. */
  void run(Harness harness, StepListener listener);

  /** Hears about steps as they run (nested ones too). */
  interface StepListener {
    void started(Step step, long time);

    void finished(Step step, long time);
  }

  /** {@code set: {Signal: value, ...}}. */
  record Set(SourceLocation location, String text, Map<String, Object> values) implements Step {
    @Override
    public void run(Harness harness, StepListener listener) {
      values.forEach(harness::set);
    }
  }

  /** {@code pulse: Button} and {@code for: 200 ms}. */
  record Pulse(SourceLocation location, String text, String name, Duration length)
      implements Step {
    @Override
    public void run(Harness harness, StepListener listener) {
      harness.pulse(name, length);
    }
  }

  /** Press a device, hold it for {@code length}, release it (a fuzz campaign's e-stop). */
  record Hold(SourceLocation location, String text, String device, Duration length)
      implements Step {
    @Override
    public void run(Harness harness, StepListener listener) {
      harness.press(device);
      harness.waitFor(length);
      harness.release(device);
    }
  }

  /** {@code press: B}, {@code release: B}, {@code operate: Mode} with {@code action: select:Auto}. */
  record Operate(SourceLocation location, String text, String device, String action)
      implements Step {
    @Override
    public void run(Harness harness, StepListener listener) {
      harness.operate(device, action);
    }
  }

  /** {@code wait: 2 s}. */
  record Wait(SourceLocation location, String text, Duration duration) implements Step {
    @Override
    public void run(Harness harness, StepListener listener) {
      harness.waitFor(duration);
    }
  }

  /** {@code inject-fault: {id: J1, target: Infeed, kind: jam}}. */
  record InjectFault(SourceLocation location, String text, FaultSpec fault) implements Step {
    @Override
    public void run(Harness harness, StepListener listener) {
      harness.injectFault(fault);
    }
  }

  /** {@code clear-fault: J1}. */
  record ClearFault(SourceLocation location, String text, String id) implements Step {
    @Override
    public void run(Harness harness, StepListener listener) {
      harness.clearFault(id);
    }
  }

  /** {@code load-recipe: large}. */
  record LoadRecipe(SourceLocation location, String text, String name) implements Step {
    @Override
    public void run(Harness harness, StepListener listener) {
      harness.loadRecipe(name);
    }
  }

  /** When an {@code expect:} must hold. */
  enum When {
    NOW,
    WITHIN,
    FOR,
    AFTER
  }

  /**
   * {@code expect: C} with {@code within: d}, {@code for: d}, {@code after: d} (and optionally
   * {@code within:} as the latest time), or nothing (it holds now).
   */
  record Expect(
      SourceLocation location, String text, Condition condition, When when, Duration time,
      Duration latest)
      implements Step {
    @Override
    public void run(Harness harness, StepListener listener) {
      Harness.Expectation expectation = harness.expect(condition);
      switch (when) {
        case NOW -> expectation.now();
        case WITHIN -> expectation.within(time);
        case FOR -> expectation.holdsFor(time);
        case AFTER -> {
          if (latest == null) {
            expectation.after(time);
          } else {
            expectation.after(time, latest);
          }
        }
      }
    }
  }

  /** {@code expect: C} with {@code within: N scans}: C holds once the N-th scan's outputs are out. */
  record ExpectScans(SourceLocation location, String text, Condition condition, int scans)
      implements Step {
    @Override
    public void run(Harness harness, StepListener listener) {
      harness.expect(condition).withinScans(scans);
    }
  }

  /** {@code never: C}: an invariant from here to the end of the sequence. */
  record Never(SourceLocation location, String text, Condition condition) implements Step {
    @Override
    public void run(Harness harness, StepListener listener) {
      harness.never(condition, origin());
    }

    /** How the harness names it when it breaks: its text and {@code (file:line)}. */
    public String origin() {
      return text + " (" + location.file() + ":" + location.line() + ")";
    }
  }

  /** {@code expect-count: {sink: Packed, type: bottle, at-least: 10}}, optionally {@code within:}. */
  record ExpectCount(
      SourceLocation location, String text, String sink, String type,
      Harness.Comparison comparison, int expected, Duration timeout)
      implements Step {
    @Override
    public void run(Harness harness, StepListener listener) {
      harness.expectCount(sink, type, comparison, expected, timeout);
    }
  }

  /** {@code expect-order: [rose(A), rose(B)]} with {@code within: d}. */
  record ExpectOrder(
      SourceLocation location, String text, List<Condition> order, Duration timeout)
      implements Step {
    @Override
    public void run(Harness harness, StepListener listener) {
      harness.expectOrder(timeout, order);
    }
  }

  /** {@code repeat: 3} with {@code steps:}. */
  record Repeat(SourceLocation location, String text, int times, List<Step> steps)
      implements Step {
    @Override
    public void run(Harness harness, StepListener listener) {
      for (int i = 0; i < times; i++) {
        for (Step step : steps) {
          listener.started(step, harness.now());
          step.run(harness, listener);
          listener.finished(step, harness.now());
        }
      }
    }
  }
}
