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
 * What a run exercised: which inputs changed (Booleans: in both directions), which outputs the
 * controller drove, which faults were injected, which invariants were armed. Runs of one suite
 * add up ({@link #add}).
 */
public final class Coverage {

  /** One signal's coverage. */
  public record SignalUse(
      String path, Direction direction, boolean rose, boolean fell, boolean changed,
      boolean drivenByController, boolean setByHarness) {

    /** A Boolean input seen in both directions, another input seen changing. */
    public boolean exercised(SignalType type) {
      return type == SignalType.BOOLEAN ? rose && fell : changed;
    }
  }

  private final LineSignals signals;
  private final Object[] last;
  private final boolean[] rose;
  private final boolean[] fell;
  private final boolean[] changed;
  private final boolean[] byController;
  private final boolean[] byHarness;
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
          byController[i], byHarness[i]));
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
