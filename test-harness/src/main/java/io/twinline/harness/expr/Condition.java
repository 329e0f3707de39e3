package io.twinline.harness.expr;

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

  Condition(String text, Expressions.Node root, List<SignalTable.Ref> signals) {
    this.text = text;
    this.root = root;
    this.signals = List.copyOf(signals);
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

  /** The values of its signals now, for a failure message: {@code A = true, B = 0.4}. */
  public String describe(Env env) {
    StringJoiner values = new StringJoiner(", ");
    for (SignalTable.Ref ref : signals) {
      values.add(ref.path() + " = " + format(env.value(ref.index())));
    }
    return values.toString();
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
