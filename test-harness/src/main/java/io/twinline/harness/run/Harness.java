package io.twinline.harness.run;

import io.twinline.sim.controller.ControlProgram;
import io.twinline.sim.controller.SoftPlc;
import io.twinline.harness.expr.Condition;
import io.twinline.harness.expr.Expressions;
import io.twinline.harness.expr.LineSignals;
import io.twinline.line.Direction;
import io.twinline.line.InvalidDefinitionException;
import io.twinline.line.LineDefinitions;
import io.twinline.line.SignalDefinition;
import io.twinline.line.fault.FaultSpec;
import io.twinline.line.model.LineDefinition;
import io.twinline.sim.flow.Sink;
import io.twinline.sim.operator.PushButton;
import io.twinline.sim.operator.Variables;
import io.twinline.sim.plant.OperatorDevice;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.run.ClearFault;
import io.twinline.sim.run.InjectFault;
import io.twinline.sim.run.Operate;
import io.twinline.sim.run.Session;
import io.twinline.sim.run.SetSignal;
import io.twinline.sim.signal.Signal;
import io.twinline.sim.time.SimTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Drives a simulated line and checks how it behaves, in simulated time: the engine behind
 * sequence files, the Java API and the JUnit extension.
 *
 * <pre>{@code
 * try (Harness line = Harness.on(bottlingLine).controller(new BottlingLineProgram()).start()) {
 *   line.never("Tower/Green && Tower/Red");
 *   line.press("StartButton").waitFor(Duration.ofMillis(200)).release("StartButton");
 *   line.expect("Tower/Green && Q_Infeed_Run").within(Duration.ofMillis(100));
 *   line.expect("Packed/Count >= 10").within(Duration.ofMinutes(1));
 * }
 * }</pre>
 *
 * <p>Runs in process, as fast as possible and deterministically: the plant is a fresh one of the
 * line, the controller under test (a {@link ControlProgram}) scans in virtual time. Actions happen
 * at the present simulated instant; expectations run the simulation until they hold, fail, or
 * their time is up. Conditions are checked at the end of every simulated instant, so a glitch
 * between two events of one instant is not a change. A failed expectation throws {@link
 * SequenceFailure}.
 */
public final class Harness implements AutoCloseable {

  /** Builds a harness. */
  public static final class Builder {
    private final LineDefinition line;
    private ControlProgram controller;
    private Duration scan = Duration.ofMillis(10);
    private Long seed;
    private int changeLimit = DEFAULT_CHANGE_LIMIT;

    private Builder(LineDefinition line) {
      this.line = Objects.requireNonNull(line, "line");
    }

    /** The program under test; without one, the harness alone drives the outputs. */
    public Builder controller(ControlProgram program) {
      this.controller = program;
      return this;
    }

    /** The controller's scan period (default 10 ms), rounded up to whole I/O cycles. */
    public Builder scan(Duration period) {
      this.scan = period;
      return this;
    }

    /** Another seed for the line's random streams (arrival times, defects). */
    public Builder seed(long newSeed) {
      this.seed = newSeed;
      return this;
    }

    /**
     * The most signal changes the harness keeps (default {@value #DEFAULT_CHANGE_LIMIT}); a run
     * that would record more fails instead of filling the memory.
     */
    public Builder changeLimit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("the change limit must be positive: " + limit);
      }
      this.changeLimit = limit;
      return this;
    }

    public Harness start() {
      LineDefinition definition = seed == null ? line : line.withSeed(seed);
      Harness harness = new Harness(definition, Optional.ofNullable(controller), scan);
      harness.changeLimit = changeLimit;
      return harness;
    }
  }

  public static Builder on(LineDefinition line) {
    return new Builder(line);
  }

  /**
   * A harness on the line a {@link io.twinline.sim.run.SimulationRunner} serves, from a script on
   * its simulation thread ({@link io.twinline.sim.run.SimulationRunner#runScript}): the controller
   * is whatever PLC is connected over OPC UA, and time runs as the runner's time mode says (real
   * time, usually). Create it after a reset, for a fresh plant.
   */
  public static Harness attach(io.twinline.sim.run.SimulationRunner.ScriptContext context) {
    return attach(context, Duration.ofMillis(10));
  }

  /**
   * As {@link #attach(io.twinline.sim.run.SimulationRunner.ScriptContext)}, for a PLC whose scan
   * period is {@code scan} (what {@code within: N scans} counts in).
   */
  public static Harness attach(
      io.twinline.sim.run.SimulationRunner.ScriptContext context, Duration scan) {
    return new Harness(context.session(), Optional.empty(), scan, context::runUntil);
  }

  /** The example line {@code name} (e.g. {@code bottling-line.yaml}). */
  public static Builder onExample(String name) throws InvalidDefinitionException {
    return new Builder(LineDefinitions.example(name));
  }

  /** One thing that happened, for the report: an action of the harness or a signal change. */
  public record Event(long time, String text) {}

  /** One change of a signal as the PLC sees it. */
  public record Change(long time, int signal, Object value) {}

  private record Armed(Condition condition, String origin) {}

  private final LineDefinition line;
  private final Session session;
  private final Plant plant;
  private final LineSignals signals;
  private final Watch watch;
  private final Object[] initial;
  private final long startTime;
  /** The controller's scan period, ns: whole I/O cycles, as the soft PLC rounds it. */
  private final long scanPeriod;
  private final Optional<SoftPlc> plc;
  private final List<Armed> invariants = new ArrayList<>();
  private final List<Change> changes = new ArrayList<>();
  private final List<Event> actions = new ArrayList<>();
  private final Coverage coverage;
  private Armed violated;
  private boolean acting;
  private long violatedAt;

  /** Runs the simulation until a condition or a timeout: in process, or a served runner's. */
  private interface Driver {
    boolean runUntil(java.util.function.Predicate<Plant> stop, long timeout);
  }

  private final Driver driver;

  /**
   * Every change is kept for the report, the trace and the recording: about 60 bytes each, so
   * the default bounds the log near 600 MB (a tank line records some 740,000 changes per
   * simulated hour, a conveyor line a few thousand).
   */
  public static final int DEFAULT_CHANGE_LIMIT = 10_000_000;

  private int changeLimit = DEFAULT_CHANGE_LIMIT;

  private Harness(LineDefinition line, Optional<ControlProgram> controller, Duration scan) {
    this(new Session(line), controller, scan, null);
  }

  private Harness(
      Session session, Optional<ControlProgram> controller, Duration scan, Driver driver) {
    this.session = session;
    this.line = session.plant().definition();
    this.driver = driver != null ? driver : session::runUntil;
    this.plant = session.plant();
    List<SignalDefinition> definitions =
        plant.signals().all().stream().map(Signal::definition).toList();
    this.signals = new LineSignals(definitions);
    Object[] initial = new Object[definitions.size()];
    for (Signal signal : plant.signals().all()) {
      initial[signal.id()] = signal.plcValue();
    }
    this.initial = initial;
    this.startTime = session.now();
    long cycle = session.ioCycle();
    long period = Math.max(cycle, scan.toNanos());
    this.scanPeriod = (period + cycle - 1) / cycle * cycle;
    this.watch = new Watch(initial, session::now);
    watch.readQualities(id -> plant.signals().byId(id).quality());
    this.coverage = new Coverage(signals);
    for (int i = 0; i < initial.length; i++) {
      coverage.initial(i, initial[i]);
    }
    for (Signal signal : plant.signals().all()) {
      int id = signal.id();
      signal.addPlcListener(s -> onChange(id, s.plcValue()));
    }
    this.plc = controller.map(program -> new SoftPlc(session, program, scan));
    session.start();
    plc.ifPresent(SoftPlc::start);
  }

  private void onChange(int id, Object value) {
    long now = session.now();
    watch.onChange(id, now, value);
    changes.add(new Change(now, id, value));
    coverage.onChange(id, value, acting);
  }

  // --- what the harness knows -----------------------------------------------------------------

  public LineDefinition line() {
    return line;
  }

  /** The plant, to read what no condition can say. Do not change it behind the harness. */
  /** The simulation session underneath (to subscribe to its change sets, say). */
  public Session session() {
    return session;
  }

  public Plant plant() {
    return plant;
  }

  public LineSignals signals() {
    return signals;
  }

  /** Simulated time now, ns. */
  public long now() {
    return session.now();
  }

  /** Every change of every signal so far, in order. */
  public List<Change> changes() {
    return java.util.Collections.unmodifiableList(changes);
  }

  /** Every action of the harness so far, in order. */
  public List<Event> actions() {
    return java.util.Collections.unmodifiableList(actions);
  }

  public Coverage coverage() {
    return coverage;
  }

  /** A condition over this line's signals; throws {@link io.twinline.harness.expr.ExpressionException}. */
  public Condition condition(String text) {
    return Expressions.compile(text, signals);
  }

  /** Whether {@code condition} holds now. */
  public boolean holds(Condition condition) {
    return condition.test(watch);
  }

  /** A signal's value when the harness started, as the PLC saw it. */
  public Object initialValue(int signal) {
    return initial[signal];
  }

  /** The controller's scan period, ns, in whole I/O cycles: what {@code N scans} counts. */
  public long scanPeriod() {
    return scanPeriod;
  }

  /** Simulated time when the harness started (0 on a fresh plant), ns. */
  public long startTime() {
    return startTime;
  }

  /** The current value of a signal (path or tag) as the PLC sees it. */
  public Object value(String signal) {
    return watch.value(ref(signal).index());
  }

  // --- actions --------------------------------------------------------------------------------

  /**
   * Sets a signal now: an output (as a PLC or HMI writing it), a variable, or an input the line
   * marks writable by clients. Inputs that the plant drives cannot be set: inject a fault.
   *
   * @param value Boolean, a Number or String, or text that parses as the signal's type
   */
  public Harness set(String signal, Object value) {
    io.twinline.harness.expr.SignalTable.Ref ref = ref(signal);
    SignalDefinition definition = signals.definition(ref.index());
    String why = whyNotSettable(plant, definition);
    if (why != null) {
      throw new IllegalArgumentException(why);
    }
    Object typed = Values.convert(definition.type(), value, definition.path().toString());
    act("set " + definition.path() + " = " + typed, new SetSignal(definition.path(), typed));
    return this;
  }

  /** Why {@code definition} may not be set by the harness, or null if it may. */
  public static String whyNotSettable(Plant plant, SignalDefinition definition) {
    if (definition.direction() == Direction.OUTPUT || definition.writableByClients()) {
      return null;
    }
    if (plant.component(definition.path().component()).orElse(null) instanceof Variables) {
      return null;
    }
    return definition.path() + " is an input that the plant drives (a sensor or feedback);"
        + " it cannot be set. Inject a fault (e.g. stuck-at) to force it, or mark it"
        + " 'writableByClients' in the line file";
  }

  /**
   * A pulse: presses a push button (or sets a Boolean signal true), waits {@code length}, releases
   * it (sets it false).
   */
  public Harness pulse(String name, Duration length) {
    if (plant.component(name).orElse(null) instanceof PushButton) {
      press(name);
      waitFor(length);
      return release(name);
    }
    set(name, true);
    waitFor(length);
    return set(name, false);
  }

  public Harness press(String device) {
    return operate(device, "press");
  }

  public Harness release(String device) {
    return operate(device, "release");
  }

  /** An operator action on a device: press, release, open, close, select:Auto, ... */
  public Harness operate(String device, String action) {
    act(action + " " + device, new Operate(device, action));
    return this;
  }

  public Harness injectFault(FaultSpec fault) {
    act("inject fault " + fault.describe(), new InjectFault(fault));
    coverage.onFault(fault);
    return this;
  }

  /** A fault written as in a fault file: {@code {id: F1, target: Belt, kind: jam}}. */
  public Harness injectFault(String fault) throws InvalidDefinitionException {
    return injectFault(LineDefinitions.parseFault(fault, line));
  }

  /**
   * Loads a recipe of the line, as an operator selecting the next product does.
   *
   * @throws IllegalArgumentException if the line has no such recipe
   */
  public Harness loadRecipe(String name) {
    act("load recipe " + name, new io.twinline.sim.run.LoadRecipe(name));
    return this;
  }

  /** Forces a signal (any but a String one) until {@link #releaseForce}: the plant and PLC lose it. */
  public Harness force(String signal, Object value) {
    SignalDefinition definition = signals.definition(ref(signal).index());
    Object typed = Values.convert(definition.type(), value, definition.path().toString());
    act("force " + definition.path() + " = " + typed,
        new io.twinline.sim.run.Force(definition.path(), typed));
    return this;
  }

  /** Ends the forcing of a signal. */
  public Harness releaseForce(String signal) {
    SignalDefinition definition = signals.definition(ref(signal).index());
    act("release " + definition.path(), new io.twinline.sim.run.Release(definition.path()));
    return this;
  }

  public Harness clearFault(String id) {
    act("clear fault " + id, new ClearFault(id));
    return this;
  }

  /**
   * Checks and applies a command now through the session, as the control surface does: a refused
   * one is the script's mistake ({@link IllegalArgumentException} with the reason).
   */
  private void act(String text, io.twinline.sim.run.Command command) {
    // the harness has checked a set already, by its own rule (it may set plain variables)
    boolean checked = !(command instanceof SetSignal);
    java.util.Optional<io.twinline.sim.run.Refusal> refusal =
        checked ? command.check(plant) : java.util.Optional.empty();
    if (refusal.isPresent()) {
      throw new IllegalArgumentException(refusal.get().reason());
    }
    actions.add(new Event(session.now(), text));
    acting = true;
    try {
      session.apply(command);
    } finally {
      acting = false;
    }
  }

  /** Lets simulated time run on; armed invariants are checked all along. */
  public Harness waitFor(Duration duration) {
    long nanos = nanos(duration);
    run(() -> false, nanos);
    return this;
  }

  // --- expectations ---------------------------------------------------------------------------

  /** An expectation about {@code condition}; say when it must hold. */
  public Expectation expect(String condition) {
    return new Expectation(condition(condition));
  }

  public Expectation expect(Condition condition) {
    return new Expectation(condition);
  }

  /** When a condition must hold. */
  public final class Expectation {
    private final Condition condition;

    private Expectation(Condition condition) {
      this.condition = condition;
      coverage.onAsserted(condition);
    }

    /** It holds now. */
    public Harness now() {
      checkInvariants();
      if (!condition.test(watch)) {
        throw fail("expected " + condition.text() + " now, but it does not hold ("
            + condition.describe(watch) + ")", condition);
      }
      return Harness.this;
    }

    /** It holds at some instant within {@code timeout}. Returns when it does. */
    public Harness within(Duration timeout) {
      long start = session.now();
      if (!run(() -> condition.test(watch), nanos(timeout))) {
        throw fail("expected " + condition.text() + " within " + format(timeout)
            + ", but it did not hold by " + Times.format(session.now() - start)
            + " after the step began at " + Times.format(start)
            + " (" + condition.describeSince(watch, start) + ")", condition);
      }
      return Harness.this;
    }

    /**
     * It holds by the time the outputs of the {@code scans}-th controller scan after now reach
     * the plant: scans come every scan period, on its grid, the first after the present instant
     * (the one of this instant has run); its outputs arrive one I/O cycle later. {@code
     * withinScans(1)} after an action is "the controller reacts in the next scan".
     */
    public Harness withinScans(int scans) {
      if (scans < 1) {
        throw new IllegalArgumentException("at least one scan, not " + scans);
      }
      long start = session.now();
      long firstScan = Math.floorDiv(start, scanPeriod) * scanPeriod + scanPeriod;
      long lastScan = firstScan + (scans - 1) * scanPeriod;
      long deadline = lastScan + session.ioCycle();
      String what = scans + (scans == 1 ? " scan" : " scans");
      if (!run(() -> condition.test(watch), deadline - start)) {
        throw fail("expected " + condition.text() + " within " + what + " (by "
            + Times.format(deadline) + ": the scan" + (scans == 1 ? "" : "s") + " at "
            + Times.format(firstScan) + (scans == 1 ? "" : " to " + Times.format(lastScan))
            + " every " + SimTime.format(scanPeriod) + ", outputs one I/O cycle later), but it"
            + " did not hold by " + Times.format(session.now() - start)
            + " after the step began at " + Times.format(start)
            + " (" + condition.describeSince(watch, start) + ")", condition);
      }
      return Harness.this;
    }

    /** It holds now and all the time for {@code duration}. */
    public Harness holdsFor(Duration duration) {
      long start = session.now();
      checkInvariants();
      if (!condition.test(watch)) {
        throw fail("expected " + condition.text() + " for " + format(duration)
            + ", but it does not hold at the start (" + condition.describe(watch) + ")",
            condition);
      }
      if (run(() -> !condition.test(watch), nanos(duration))) {
        throw fail("expected " + condition.text() + " for " + format(duration)
            + ", but it stopped holding after " + Times.format(session.now() - start)
            + " (" + condition.describe(watch) + ")", condition);
      }
      return Harness.this;
    }

    /**
     * It does not hold before {@code delay} has passed, and holds at some instant by {@code
     * latest} (counted from now, like {@code delay}).
     */
    public Harness after(Duration delay, Duration latest) {
      long start = session.now();
      long early = nanos(delay);
      if (nanos(latest) < early) {
        throw new IllegalArgumentException("the latest time " + format(latest)
            + " is before the delay " + format(delay));
      }
      if (early > 0 && run(() -> condition.test(watch), early - 1)) {
        throw fail("expected " + condition.text() + " after " + format(delay)
            + ", but it held already after " + Times.format(session.now() - start)
            + " (" + condition.describe(watch) + ")", condition);
      }
      long rest = start + nanos(latest) - session.now();
      if (!run(() -> condition.test(watch), rest)) {
        throw fail("expected " + condition.text() + " after " + format(delay) + " (by "
            + format(latest) + "), but it did not hold by " + Times.format(session.now() - start)
            + " after the step began at " + Times.format(start)
            + " (" + condition.describeSince(watch, start) + ")", condition);
      }
      return Harness.this;
    }

    /**
     * It does not hold before {@code delay}, and holds by {@code delay} plus a margin of a tenth of
     * the delay, at least 100 ms (a PLC timer switches within a few scans of its time).
     */
    public Harness after(Duration delay) {
      return after(delay, delay.plus(defaultMargin(delay)));
    }
  }

  /** The margin {@link Expectation#after(Duration)} allows after its delay. */
  public static Duration defaultMargin(Duration delay) {
    Duration tenth = delay.dividedBy(10);
    return tenth.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : tenth;
  }

  /**
   * An invariant: {@code condition} must not hold from now to the end of the run. Checked at
   * every simulated instant while the harness runs the simulation.
   */
  public Harness never(String condition) {
    return never(condition(condition), "never " + condition);
  }

  public Harness never(Condition condition, String origin) {
    if (condition.test(watch)) {
      throw fail("never " + condition.text() + ", but it holds already ("
          + condition.describe(watch) + ")", condition);
    }
    invariants.add(new Armed(condition, origin));
    coverage.onInvariant(condition.text());
    coverage.onAsserted(condition);
    return this;
  }

  /** Ends every invariant (before a teardown, for example). */
  public Harness disarmInvariants() {
    invariants.clear();
    return this;
  }

  /** How a count compares. */
  public enum Comparison {
    EQUALS("=="),
    AT_LEAST(">="),
    AT_MOST("<=");

    private final String symbol;

    Comparison(String symbol) {
      this.symbol = symbol;
    }

    /** {@code ==}, {@code >=} or {@code <=}. */
    public String symbol() {
      return symbol;
    }

    boolean test(long actual, long expected) {
      return switch (this) {
        case EQUALS -> actual == expected;
        case AT_LEAST -> actual >= expected;
        case AT_MOST -> actual <= expected;
      };
    }
  }

  /** The number of parts a sink has taken, of one type (or all if {@code type} is null). */
  public int count(String sink, String type) {
    if (!(plant.component(sink).orElse(null) instanceof Sink s)) {
      throw new IllegalArgumentException(sink + " is not a sink");
    }
    if (type == null) {
      return s.received().size();
    }
    return s.countsByType().getOrDefault(type, 0);
  }

  /**
   * The count of parts in a sink (of one type, or all if {@code type} is null) compares so with
   * {@code expected}, now or, with a {@code timeout}, at some instant within it.
   */
  public Harness expectCount(
      String sink, String type, Comparison comparison, int expected, Duration timeout) {
    String what = sink + (type == null ? "" : " (" + type + ")");
    BooleanSupplier holds = () -> comparison.test(count(sink, type), expected);
    boolean ok = timeout == null ? holds.getAsBoolean() : run(holds, nanos(timeout));
    checkInvariants();
    if (!ok) {
      throw new SequenceFailure(
          "expected the count of " + what + " " + comparison.symbol + " " + expected
              + (timeout == null ? "" : " within " + format(timeout)) + ", but it is "
              + count(sink, type),
          session.now(), List.of(sink + "/Count"));
    }
    return this;
  }

  /**
   * The conditions become true in this order, each at the same instant as the one before or
   * later, all within {@code timeout}: e.g. {@code rose(Clamp/Closed)}, {@code rose(Drill/Down)},
   * {@code fell(Clamp/Closed)}. A later one that comes first fails; so use edges (rose, fell,
   * changed) rather than states that may hold from the start.
   */
  public Harness expectOrder(Duration timeout, List<Condition> order) {
    order.forEach(coverage::onAsserted);
    long start = session.now();
    long deadline = start + nanos(timeout);
    for (int i = 0; i < order.size(); i++) {
      Condition next = order.get(i);
      List<Condition> later = order.subList(i + 1, order.size());
      Condition[] early = new Condition[1];
      boolean reached =
          run(
              () -> {
                if (next.test(watch)) {
                  return true;
                }
                for (Condition c : later) {
                  if (c.test(watch)) {
                    early[0] = c;
                    return true;
                  }
                }
                return false;
              },
              Math.max(0, deadline - session.now()),
              i == order.size() - 1);
      if (early[0] != null) {
        throw fail("expected " + next.text() + " before " + early[0].text() + ", but "
            + early[0].text() + " came first, after " + Times.format(session.now() - start),
            next, early[0]);
      }
      if (!reached) {
        throw fail("expected " + next.text() + " (step " + (i + 1) + " of " + order.size()
            + " of the order) within " + format(timeout) + ", but it did not come ("
            + next.describe(watch) + ")", next);
      }
    }
    return this;
  }

  // --- running --------------------------------------------------------------------------------

  /**
   * Runs the simulation until {@code stop} holds at the end of an instant, at most {@code
   * timeout}; fails if an invariant is violated on the way.
   *
   * @return whether {@code stop} came true
   */
  private boolean run(BooleanSupplier stop, long timeout) {
    return run(stop, timeout, true);
  }

  /**
   * @param consume whether the changes of the instant where {@code stop} came true are used up:
   *     an edge (rose, fell, changed) satisfies one expectation, not the next one too
   */
  private boolean run(BooleanSupplier stop, long timeout, boolean consume) {
    checkInvariants();
    boolean stopped =
        driver.runUntil(
            p -> {
              if (session.nextEventTime() == session.now()) {
                return false; // the instant is not over
              }
              if (violated() || changes.size() >= changeLimit) {
                return true;
              }
              watch.hideConsumed(true);
              try {
                return stop.getAsBoolean();
              } finally {
                watch.hideConsumed(false);
              }
            },
            timeout);
    checkInvariants();
    if (changes.size() >= changeLimit) {
      throw new SequenceFailure("the run recorded " + changes.size()
          + " signal changes by " + Times.format(session.now()) + ", the most a harness keeps ("
          + changeLimit + "); shorten the waits or split the sequence", session.now(),
          List.of());
    }
    boolean reached = stopped && violated == null;
    if (reached && consume) {
      watch.consumeInstant();
    }
    return reached;
  }

  private boolean violated() {
    if (violated != null) {
      return true;
    }
    for (Armed armed : invariants) {
      if (armed.condition().test(watch)) {
        violated = armed;
        violatedAt = session.now();
        return true;
      }
    }
    return false;
  }

  private void checkInvariants() {
    violated();
    if (violated != null) {
      Armed armed = violated;
      violated = null;
      invariants.remove(armed);
      throw new SequenceFailure(
          armed.origin() + ", but it held at " + Times.format(violatedAt) + " ("
              + armed.condition().describe(watch) + ")",
          violatedAt, armed.condition().signals().stream().map(r -> r.path()).toList(),
          armed.origin());
    }
  }

  private SequenceFailure fail(String message, Condition... conditions) {
    Set<String> involved = new LinkedHashSet<>();
    for (Condition c : conditions) {
      c.signals().forEach(r -> involved.add(r.path()));
    }
    return new SequenceFailure(message, session.now(), new ArrayList<>(involved));
  }

  private io.twinline.harness.expr.SignalTable.Ref ref(String name) {
    return signals.resolve(name)
        .orElseThrow(() -> new IllegalArgumentException("unknown signal '" + name + "'"));
  }

  private static long nanos(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a duration cannot be negative: " + duration);
    }
    return duration.toNanos();
  }

  static String format(Duration duration) {
    return SimTime.format(duration.toNanos()); // as written, however fine
  }

  /** Values of several signals now, by path, for messages and reports. */
  public Map<String, Object> values(List<String> paths) {
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    for (String path : paths) {
      signals.resolve(path).ifPresent(r -> values.put(path, watch.value(r.index())));
    }
    return values;
  }

  @Override
  public void close() {
    plc.ifPresent(SoftPlc::stop);
  }
}
