package io.twinline.harness.expr;

import io.twinline.sim.time.SimTime;
import java.util.List;
import java.util.StringJoiner;

/**
 * A compiled condition: a Boolean expression over signals, e.g. {@code Cylinder1/Extend &&
 * !Cylinder1/Retract} or {@code stable(Tank/Level, 2 s) && Tank/Level > 1.2}.
 */
public final class Condition {

  private final String text;
  private final Expressions.Node root;
  private final List<SignalTable.Ref> signals;
  private final List<String> labels;
  private final boolean edges;

  Condition(String text, Expressions.Node root, List<SignalTable.Ref> signals,
      List<String> labels, boolean edges) {
    this.text = text;
    this.root = root;
    this.signals = List.copyOf(signals);
    this.labels = List.copyOf(labels);
    this.edges = edges;
  }

  /** Whether it reads an edge (rose, fell, changed): true only at the instant of a change. */
  public boolean hasEdges() {
    return edges;
  }

  /**
   * How a failure names each of {@link #signals()}: as the condition wrote it, with the other
   * name in brackets: {@code Q_E1_On [E1/Heat]}, {@code E1/Heat [Q_E1_On]}, or just the path of
   * a signal without a tag.
   */
  public List<String> labels() {
    return labels;
  }

  /** The condition as written. */
  public String text() {
    return text;
  }

  /** The signals it reads, each once, in the order they appear. */
  public List<SignalTable.Ref> signals() {
    return signals;
  }

  public boolean test(Env env) {
    return root.bool(env);
  }

  /**
   * The values of its signals now, for a failure message, named as the condition named them:
   * {@code Q_Run [Belt/MotorOn] = true, Tank/Level = 0.4}.
   */
  public String describe(Env env) {
    StringJoiner values = new StringJoiner(", ");
    for (int i = 0; i < signals.size(); i++) {
      values.add(labels.get(i) + " = " + format(env.value(signals.get(i).index())));
    }
    return values.toString();
  }

  /**
   * As {@link #describe}, with when each signal last changed, against the start of the step that
   * waited for the condition ({@code stepStart}, ns): {@code Filler/Busy = true, last changed
   * at 10.180 s, 0.020 s before the step began}. Says so when an edge came before the step, since
   * it does not count for the step.
   */
  public String describeSince(Env env, long stepStart) {
    StringJoiner values = new StringJoiner(", ");
    boolean earlier = false;
    for (int i = 0; i < signals.size(); i++) {
      int id = signals.get(i).index();
      long changed = env.lastChange(id);
      String when;
      if (changed == 0) {
        when = "unchanged since 0.000 s";
      } else if (changed < stepStart) {
        earlier = true;
        when = "last changed at " + io.twinline.harness.run.Times.format(changed) + ", "
            + io.twinline.harness.run.Times.format(stepStart - changed) + " before the step began";
      } else {
        when = "last changed at " + io.twinline.harness.run.Times.format(changed) + ", "
            + io.twinline.harness.run.Times.format(changed - stepStart) + " into the step";
      }
      values.add(labels.get(i) + " = " + format(env.value(id)) + ", " + when);
    }
    String text = values.toString();
    if (edges && earlier) {
      text += "; an edge before the step began does not count for it";
    }
    return text;
  }

  static String format(Object value) {
    if (value instanceof String s) {
      return "'" + s + "'";
    }
    if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return String.valueOf(d);
    }
    return String.valueOf(value);
  }

  @Override
  public String toString() {
    return text;
  }
}
