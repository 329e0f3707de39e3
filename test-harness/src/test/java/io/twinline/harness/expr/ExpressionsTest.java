package io.twinline.harness.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinline.line.SignalType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The condition language: what it accepts, what it computes, and where it says a mistake is. */
class ExpressionsTest {

  /** Signals 0..4: a Boolean pair, an analog level, a count, a text. */
  private static final List<SignalTable.Ref> REFS =
      List.of(
          new SignalTable.Ref(0, "Cyl/Extend", SignalType.BOOLEAN),
          new SignalTable.Ref(1, "Cyl/Retract", SignalType.BOOLEAN),
          new SignalTable.Ref(2, "Tank/Level", SignalType.DOUBLE),
          new SignalTable.Ref(3, "Out/Count", SignalType.INT32),
          new SignalTable.Ref(4, "Reader/PartType", SignalType.STRING));

  private static final SignalTable TABLE =
      new SignalTable() {
        @Override
        public Optional<Ref> resolve(String name) {
          if (name.equals("Q_Extend")) {
            return Optional.of(REFS.get(0));
          }
          return REFS.stream().filter(r -> r.path().equals(name)).findFirst();
        }

        @Override
        public List<String> names() {
          return REFS.stream().map(Ref::path).toList();
        }
      };

  /** Values now and before, and change times, settable by a test. */
  private static final class TestEnv implements Env {
    final Object[] value = {false, false, 0.0, 0, ""};
    final Object[] previous = value.clone();
    final long[] changed = new long[5];
    long now;

    void set(int i, Object v, long at) {
      previous[i] = value[i];
      value[i] = v;
      changed[i] = at;
      now = at;
    }

    @Override
    public long now() {
      return now;
    }

    @Override
    public Object value(int signal) {
      return value[signal];
    }

    @Override
    public Object previous(int signal) {
      return changed[signal] == now ? previous[signal] : value[signal];
    }

    @Override
    public long lastChange(int signal) {
      return changed[signal];
    }

    final io.twinline.sim.signal.SignalQuality[] quality = {
        io.twinline.sim.signal.SignalQuality.GOOD, io.twinline.sim.signal.SignalQuality.GOOD,
        io.twinline.sim.signal.SignalQuality.GOOD, io.twinline.sim.signal.SignalQuality.GOOD,
        io.twinline.sim.signal.SignalQuality.GOOD};

    @Override
    public io.twinline.sim.signal.SignalQuality quality(int signal) {
      return quality[signal];
    }
  }

  private final TestEnv env = new TestEnv();

  private boolean eval(String text) {
    return Expressions.compile(text, TABLE).test(env);
  }

  private static ExpressionException error(String text) {
    try {
      Expressions.compile(text, TABLE);
    } catch (ExpressionException e) {
      return e;
    }
    throw new AssertionError("no error for " + text);
  }

  @Test
  void qualityFunctionsSeeWhatTheCardReports() {
    assertThat(eval("good(Tank/Level) && !bad(Tank/Level) && !uncertain(Tank/Level)")).isTrue();
    env.quality[2] = io.twinline.sim.signal.SignalQuality.OUT_OF_RANGE;
    assertThat(eval("uncertain(Tank/Level) && !good(Tank/Level)")).isTrue();
    env.quality[2] = io.twinline.sim.signal.SignalQuality.WIRE_BREAK;
    assertThat(eval("bad(Tank/Level) && !uncertain(Tank/Level)")).isTrue();
    assertThat(error("bad(Tank/Lvl)").getMessage()).contains("Tank/Lvl");
  }

  @Test
  void logicComparisonsAndArithmetic() {
    env.set(0, true, 1);
    env.set(2, 1.25, 2);
    env.set(3, 7, 3);
    env.set(4, "red", 4);

    assertThat(eval("Cyl/Extend && !Cyl/Retract")).isTrue();
    assertThat(eval("Cyl/Extend and not Cyl/Retract or false")).isTrue();
    assertThat(eval("Q_Extend == true")).isTrue();
    assertThat(eval("Tank/Level > 1.2 && Tank/Level <= 1.25")).isTrue();
    assertThat(eval("Tank/Level / 2 * 4 - 0.5 == 2")).isTrue();
    assertThat(eval("-Tank/Level < 0 && abs(-Tank/Level) == 1.25")).isTrue();
    assertThat(eval("min(Out/Count, 3) == 3 && max(Out/Count, 10) == 10")).isTrue();
    assertThat(eval("Out/Count != 7")).isFalse();
    assertThat(eval("Reader/PartType == 'red' && Reader/PartType != \"blue\"")).isTrue();
    assertThat(eval("(Cyl/Extend || Cyl/Retract) && Out/Count >= 7")).isTrue();
    assertThat(eval("1e3 > 999.5 && .5 < 1")).isTrue();
  }

  @Test
  void conditionsNestedAbsurdlyDeepAreAProblemWithAColumnNotAStackOverflow() {
    String brackets = "(".repeat(1_000) + "Cyl/Extend" + ")".repeat(1_000);
    String nots = "!".repeat(1_000) + "Cyl/Extend";
    String minus = "-".repeat(1_000) + "Tank/Level > 0";
    String functions = "abs(".repeat(1_000) + "Tank/Level" + ")".repeat(1_000) + " > 0";

    for (String text : List.of(brackets, nots, minus, functions)) {
      ExpressionException e = error(text);
      assertThat(e.getMessage()).contains("nests more than 100 levels deep");
      assertThat(e.column()).isBetween(100, 410);
    }
    String deepButSane = "(".repeat(50) + "Cyl/Extend" + ")".repeat(50);
    assertThat(eval(deepButSane)).isFalse();
  }

  @Test
  void aLongFlatChainOfTermsCompilesAndEvaluatesWithoutRecursingPerTerm() {
    env.set(0, true, 1);
    env.set(2, 1.0, 2);
    String and = String.join(" && ", java.util.Collections.nCopies(20_000, "Cyl/Extend"));
    String or = String.join(" || ", java.util.Collections.nCopies(20_000, "Cyl/Retract"));
    String sum = String.join(" + ", java.util.Collections.nCopies(20_000, "Tank/Level"));

    assertThat(eval(and)).isTrue();
    assertThat(eval(and + " && Cyl/Retract")).isFalse();
    assertThat(eval(or)).isFalse();
    assertThat(eval(or + " || Cyl/Extend")).isTrue();
    assertThat(eval(sum + " == 20000")).isTrue();
    assertThat(eval("10 - 4 - 3 == 3 && 64 / 4 / 2 == 8 && 2 + 3 * 4 - 1 == 13")).isTrue();
  }

  @Test
  void edgesHoldAtTheInstantOfTheChangeOnly() {
    env.set(0, true, 100);
    assertThat(eval("rose(Cyl/Extend)")).isTrue();
    assertThat(eval("changed(Cyl/Extend)")).isTrue();
    assertThat(eval("fell(Cyl/Extend)")).isFalse();

    env.now = 101;
    assertThat(eval("rose(Cyl/Extend)")).isFalse();
    assertThat(eval("changed(Cyl/Extend)")).isFalse();

    env.set(0, false, 200);
    assertThat(eval("fell(Q_Extend)")).isTrue();
    env.set(3, 8, 300);
    assertThat(eval("changed(Out/Count)")).isTrue();
  }

  @Test
  void stableHoldsOnceTheSignalHasNotChangedForTheDuration() {
    env.set(2, 1.0, 1_000_000_000L);
    env.now = 1_150_000_000L;
    assertThat(eval("stable(Tank/Level, 200 ms)")).isFalse();
    env.now = 1_200_000_000L;
    assertThat(eval("stable(Tank/Level, 200 ms)")).isTrue();
    assertThat(eval("stable(Tank/Level, 0.1 s) && Tank/Level == 1")).isTrue();
  }

  @Test
  void theSignalsAreListedOnceInOrder() {
    Condition c = Expressions.compile("Cyl/Extend && Q_Extend || Tank/Level > Out/Count", TABLE);

    assertThat(c.signals()).extracting(SignalTable.Ref::path)
        .containsExactly("Cyl/Extend", "Tank/Level", "Out/Count");
    env.set(2, 0.5, 1);
    assertThat(c.describe(env))
        .isEqualTo("Cyl/Extend = false, Tank/Level = 0.5, Out/Count = 0");
  }

  @Test
  void mistakesNameTheirColumnAndGiveAHint() {
    Map<String, String[]> cases = new HashMap<>();
    // text -> {column, message start, hint fragment}
    cases.put("Cyl/Extend && Cyl/Retrakt", new String[] {"15", "unknown signal 'Cyl/Retrakt'",
        "did you mean 'Cyl/Retract'?"});
    cases.put("Cyl/Extend &", new String[] {"12", "'&' alone is not an operator", "&&"});
    cases.put("Tank/Level = 2", new String[] {"12", "'=' alone is not an operator", "=="});
    cases.put("Tank/Level", new String[] {"1", "a condition must be true or false", "compare"});
    cases.put("Cyl/Extend && Tank/Level", new String[] {"15", "'&&' needs true or false",
        "Tank/Level > 0"});
    cases.put("Cyl/Extend > 1", new String[] {"1", "'>' compares numbers", "== or !="});
    cases.put("rose(Tank/Level)", new String[] {"6", "rose() needs a Boolean signal", "changed"});
    cases.put("stable(Cyl/Extend, 200)", new String[] {"20", "expected a duration",
        "200 ms"});
    cases.put("stable(Cyl/Extend, 2 parsecs)", new String[] {"20", "", ""});
    cases.put("(Cyl/Extend && Cyl/Retract", new String[] {"27", "the condition ends too early",
        "')' to close the '(' at column 1"});
    cases.put("Cyl/Extend Cyl/Retract", new String[] {"12", "unexpected 'Cyl/Retract'",
        "join conditions with && or ||"});
    cases.put("rise(Cyl/Extend)", new String[] {"1", "unknown function 'rise'",
        "did you mean 'rose'?"});
    cases.put("Reader/PartType == 'red", new String[] {"20", "the text starting here is not"
        + " closed", "'"});
    cases.put("Reader/PartType == 3", new String[] {"20", "cannot compare text with a number",
        ""});
    cases.put("", new String[] {"1", "the condition is empty", ""});
    cases.put("Cyl/Extend && #", new String[] {"15", "unexpected character '#'", ""});

    cases.forEach((text, expected) -> {
      ExpressionException e = error(text);
      assertThat(e.column()).as(text + ": " + e.getMessage())
          .isEqualTo(Integer.parseInt(expected[0]));
      assertThat(e.getMessage()).as(text).startsWith(expected[1]);
      assertThat(e.hint()).as(text).contains(expected[2]);
    });
  }

  @Test
  void aSlashWithSpacesDividesAndWithoutJoinsAPath() {
    env.set(2, 3.0, 1);
    assertThat(eval("Tank/Level / 3 == 1")).isTrue();
    assertThatThrownBy(() -> Expressions.compile("Tank / Level > 1", TABLE))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("unknown signal 'Tank'");
  }
}
