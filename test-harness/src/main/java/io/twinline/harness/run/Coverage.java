package io.twinline.harness.run;

import io.twinline.harness.expr.LineSignals;
import io.twinline.line.Direction;
import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalType;
import io.twinline.line.fault.FaultSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a run exercised: which inputs changed (Booleans: each direction separately, so a trip that
 * happened but was never reset counts as exercised one way, not as untested), which outputs the
 * controller drove, which signals a condition checked, which faults were injected, which
 * invariants were armed. Runs of one suite add up ({@link #add}).
 */
public final class Coverage {

  /** How far an input was exercised. */
  public enum Exercise {
    /** A Boolean rose and fell; another value changed. */
    BOTH_WAYS("both ways"),
    /** A Boolean changed one way only: it rose (a trip that happened) or fell, not back. */
    ONE_WAY("one way"),
    /** It never changed. */
    NOT_EXERCISED("not exercised");

    private final String text;

    Exercise(String text) {
      this.text = text;
    }

    /** How the report words it: {@code both ways}, {@code one way}, {@code not exercised}. */
    public String text() {
      return text;
    }
  }

  /**
   * One signal's coverage.
   *
   * @param asserted whether a condition of an expectation or invariant named it
   */
  public record SignalUse(
      String path, Direction direction, boolean rose, boolean fell, boolean changed,
      boolean drivenByController, boolean setByHarness, boolean asserted) {

    /** A Boolean input seen in both directions, another input seen changing. */
    public boolean exercised(SignalType type) {
      return exercise(type) == Exercise.BOTH_WAYS;
    }

    /** How far it was exercised: a Boolean's directions separately. */
    public Exercise exercise(SignalType type) {
      if (type != SignalType.BOOLEAN) {
        return changed ? Exercise.BOTH_WAYS : Exercise.NOT_EXERCISED;
      }
      if (rose && fell) {
        return Exercise.BOTH_WAYS;
      }
      return rose || fell ? Exercise.ONE_WAY : Exercise.NOT_EXERCISED;
    }

    /** {@code rose only}, {@code fell only}, or the exercise's text. */
    public String describe(SignalType type) {
      Exercise e = exercise(type);
      if (e == Exercise.ONE_WAY) {
        return rose ? "rose only" : "fell only";
      }
      return e.text();
    }
  }

  private final LineSignals signals;
  private final Object[] last;
  private final boolean[] rose;
  private final boolean[] fell;
  private final boolean[] changed;
  private final boolean[] byController;
  private final boolean[] byHarness;
  private final boolean[] asserted;
  private final Set<String> faults = new LinkedHashSet<>();
  private final Set<String> invariants = new LinkedHashSet<>();

  public Coverage(LineSignals signals) {
    this.signals = signals;
    int n = signals.size();
    last = new Object[n];
    rose = new boolean[n];
    fell = new boolean[n];
    changed = new boolean[n];
    byController = new boolean[n];
    byHarness = new boolean[n];
    asserted = new boolean[n];
  }

  void onChange(int id, Object value, boolean harness) {
    Object before = last[id];
    last[id] = value;
    if (value.equals(before)) {
      return;
    }
    changed[id] = true;
    if (Boolean.TRUE.equals(value)) {
      rose[id] = true;
    } else if (Boolean.FALSE.equals(value) && before != null) {
      fell[id] = true;
    }
    if (signals.definition(id).direction() == Direction.OUTPUT) {
      if (harness) {
        byHarness[id] = true;
      } else {
        byController[id] = true;
      }
    }
  }

  /** Seeds the previous values, so that the first change of a Boolean counts as an edge. */
  void initial(int id, Object value) {
    last[id] = value;
  }

  void onFault(FaultSpec fault) {
    faults.add(fault.kind().keyword() + " on " + fault.target());
  }

  /** A condition of an expectation or invariant named these signals. */
  void onAsserted(io.twinline.harness.expr.Condition condition) {
    condition.signals().forEach(r -> asserted[r.index()] = true);
  }

  void onInvariant(String condition) {
    invariants.add(condition);
  }

  /** Adds what {@code other} (a run of the same line) covered. */
  public void add(Coverage other) {
    for (int i = 0; i < last.length; i++) {
      rose[i] |= other.rose[i];
      fell[i] |= other.fell[i];
      changed[i] |= other.changed[i];
      byController[i] |= other.byController[i];
      byHarness[i] |= other.byHarness[i];
      asserted[i] |= other.asserted[i];
    }
    faults.addAll(other.faults);
    invariants.addAll(other.invariants);
  }

  /** An empty coverage of the same line, to add runs to. */
  public Coverage empty() {
    return new Coverage(signals);
  }

  /** Every input and output of the line's components (not the simulation's own signals). */
  public List<SignalUse> signals() {
    List<SignalUse> uses = new ArrayList<>();
    for (int i = 0; i < last.length; i++) {
      SignalDefinition d = signals.definition(i);
      if (d.path().component().equals("Simulation")) {
        continue;
      }
      uses.add(new SignalUse(d.path().toString(), d.direction(), rose[i], fell[i], changed[i],
          byController[i], byHarness[i], asserted[i]));
    }
    return uses;
  }

  public List<String> faults() {
    return List.copyOf(faults);
  }

  public List<String> invariants() {
    return List.copyOf(invariants);
  }

  /** Inputs exercised / all inputs. */
  public int[] inputFigures() {
    int exercised = 0;
    int total = 0;
    for (int i = 0; i < last.length; i++) {
      SignalDefinition d = signals.definition(i);
      if (d.direction() != Direction.INPUT || d.path().component().equals("Simulation")) {
        continue;
      }
      total++;
      boolean done = d.type() == SignalType.BOOLEAN ? rose[i] && fell[i] : changed[i];
      exercised += done ? 1 : 0;
    }
    return new int[] {exercised, total};
  }

  /** Inputs exercised one way only (a Boolean that rose or fell but did not change back). */
  public int inputsOneWay() {
    int count = 0;
    for (SignalUse use : signals()) {
      if (use.direction() == Direction.INPUT
          && use.exercise(type(use.path())) == Exercise.ONE_WAY) {
        count++;
      }
    }
    return count;
  }

  /** Outputs that a condition checked / all outputs. */
  public int[] assertedOutputFigures() {
    int checked = 0;
    int total = 0;
    for (SignalUse use : signals()) {
      if (use.direction() == Direction.OUTPUT) {
        total++;
        checked += use.asserted() ? 1 : 0;
      }
    }
    return new int[] {checked, total};
  }

  /** Outputs the controller drove / all outputs. */
  public int[] outputFigures() {
    int driven = 0;
    int total = 0;
    for (int i = 0; i < last.length; i++) {
      SignalDefinition d = signals.definition(i);
      if (d.direction() != Direction.OUTPUT || d.path().component().equals("Simulation")) {
        continue; // Twinline's own (the lock-step ack) is not the program's I/O
      }
      total++;
      driven += byController[i] ? 1 : 0;
    }
    return new int[] {driven, total};
  }

  public SignalType type(String path) {
    return signals.resolve(path).map(r -> r.type()).orElse(SignalType.STRING);
  }
}
