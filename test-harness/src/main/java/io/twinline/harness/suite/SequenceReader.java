package io.twinline.harness.suite;

import io.twinline.harness.expr.Condition;
import io.twinline.harness.expr.ExpressionException;
import io.twinline.harness.expr.Expressions;
import io.twinline.harness.expr.LineSignals;
import io.twinline.harness.run.Harness;
import io.twinline.harness.run.Values;
import io.twinline.line.InvalidDefinitionException;
import io.twinline.line.LineDefinitions;
import io.twinline.line.Problems;
import io.twinline.line.SignalDefinition;
import io.twinline.line.SourceLocation;
import io.twinline.line.fault.FaultSpec;
import io.twinline.line.model.LineDefinition;
import io.twinline.line.read.LineReader;
import io.twinline.line.read.MapReader;
import io.twinline.line.read.Suggestions;
import io.twinline.line.yaml.YamlList;
import io.twinline.line.yaml.YamlMap;
import io.twinline.line.yaml.YamlNode;
import io.twinline.line.yaml.YamlReader;
import io.twinline.line.yaml.YamlScalar;
import io.twinline.sim.flow.Sink;
import io.twinline.sim.operator.PushButton;
import io.twinline.sim.plant.OperatorDevice;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.signal.Signal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads sequence files (format: docs/testing.md, schema: test-harness/schema/sequences.schema.json)
 * and checks every step against the line before anything runs: unknown signals and devices,
 * writes to inputs the plant drives, conditions that do not parse, durations without a unit. All
 * problems of a file are listed at once, each with file:line:column and a hint.
 */
public final class SequenceReader {

  /** The actions a step can start with; exactly one per step. */
  static final List<String> ACTIONS =
      List.of("set", "pulse", "press", "release", "operate", "wait", "inject-fault",
          "clear-fault", "load-recipe", "expect", "never", "expect-count", "expect-order",
          "repeat");

  /** Keys that go with an action. */
  static final List<String> MODIFIERS = List.of("to", "for", "action", "within", "after", "steps");

  private static final Pattern PARAMETER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private final String file;
  private final List<String> lines;
  private final Problems problems = new Problems();
  private LineDefinition line;
  private LineSignals signals;
  private Plant plant;

  private SequenceReader(String file, String text) {
    this.file = file;
    this.lines = text.lines().toList();
  }

  /** Whether {@code text} looks like a sequence file (a mapping with {@code sequences:}). */
  public static boolean isSequenceFile(String text) {
    return Pattern.compile("(?m)^sequences\\s*:").matcher(text).find();
  }

  /**
   * Reads a sequence file.
   *
   * @param lineOverride the line to use instead of the file's {@code line:} (e.g. from the
   *     command line), or null
   * @throws InvalidDefinitionException listing every problem
   */
  public static SuiteSpec read(Path file, LineDefinition lineOverride)
      throws InvalidDefinitionException {
    String text = io.twinline.line.TextFiles.read(file, "check the path");
    Path folder = file.toAbsolutePath().getParent();
    return new SequenceReader(file.toString(), text).parse(text, folder, lineOverride);
  }

  /** Reads sequences from text; {@code line:} paths are relative to {@code folder}. */
  public static SuiteSpec parse(String file, String text, Path folder, LineDefinition lineOverride)
      throws InvalidDefinitionException {
    return new SequenceReader(file, text).parse(text, folder, lineOverride);
  }

  private SuiteSpec parse(String text, Path folder, LineDefinition lineOverride)
      throws InvalidDefinitionException {
    Optional<YamlNode> root = YamlReader.read(file, text, problems);
    problems.throwIfAny();
    if (!(root.orElse(null) instanceof YamlMap map)) {
      problems.add(root.map(YamlNode::location).orElse(new SourceLocation(file, 0, 0)), "",
          "a sequence file must be a mapping",
          "start with 'line: <line file>' and 'sequences:'");
      problems.throwIfAny();
      throw new AssertionError("unreachable");
    }
    MapReader top = new MapReader(map, "", "a sequence file", problems);
    Optional<String> lineName = top.text("line", lineOverride == null, "bottling-line.yaml");
    Optional<String> controller = top.text("controller", false,
        "io.twinline.harness.reference.BottlingLineProgram");
    Duration scan = top.duration("scan", false, false, "10 ms").orElse(Duration.ofMillis(10));
    Optional<YamlList> setupList = top.list("setup", false, "");
    Optional<YamlList> teardownList = top.list("teardown", false, "");
    Optional<YamlList> sequenceList = top.list("sequences", true, "");
    Optional<YamlMap> fuzzMap = top.map("fuzz", false, "{duration: 10 min, actions: [...]}");
    top.finish();

    line = lineOverride != null ? lineOverride : lineName.map(n -> loadLine(n, folder, top))
        .orElse(null);
    if (line == null) {
      problems.throwIfAny();
      throw new AssertionError("unreachable");
    }
    plant = Plant.build(line);
    signals = new LineSignals(plant.signals().all().stream().map(Signal::definition).toList());

    List<Step> setup = setupList.map(l -> steps(l, "setup", Map.of())).orElse(List.of());
    List<Step> teardown =
        teardownList.map(l -> steps(l, "teardown", Map.of())).orElse(List.of());
    List<SuiteSpec.Sequence> sequences = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    if (sequenceList.isPresent()) {
      if (sequenceList.get().items().isEmpty()) {
        problems.add(sequenceList.get().location(), "sequences", "'sequences' is empty",
            "write at least one sequence with 'name:' and 'steps:'");
      }
      List<YamlNode> items = sequenceList.get().items();
      for (int i = 0; i < items.size(); i++) {
        sequences.addAll(sequence(items.get(i), "sequences[" + i + "]", names));
      }
    }
    Optional<FuzzSpec> fuzz = fuzzMap.flatMap(m -> fuzz(m, setup));
    problems.throwIfAny();
    return new SuiteSpec(file, line, controller, scan, setup, teardown, sequences, fuzz);
  }

  private LineDefinition loadLine(String name, Path folder, MapReader top) {
    Path path = folder.resolve(name);
    if (path.toAbsolutePath().normalize().equals(Path.of(file).toAbsolutePath().normalize())) {
      path = Path.of("/nonexistent/" + name); // the sequence file itself: take the example line
    }
    try {
      if (Files.exists(path)) {
        return LineDefinitions.read(path);
      }
      return LineDefinitions.example(name);
    } catch (InvalidDefinitionException e) {
      e.problems().forEach(problems::add);
      return null;
    } catch (IllegalArgumentException e) {
      top.problem("line", "there is no line file '" + name + "' (looked in " + folder
          + " and among the example lines)", "give the path of the line file, relative to"
          + " this file");
      return null;
    }
  }

  private List<SuiteSpec.Sequence> sequence(YamlNode node, String path, Set<String> names) {
    if (!(node instanceof YamlMap map)) {
      problems.add(node.location(), path, "a sequence must be a mapping",
          "write 'name:' and 'steps:'");
      return List.of();
    }
    MapReader s = new MapReader(map, path, "a sequence", problems);
    Optional<String> name = s.text("name", true, "Start runs the belts");
    List<String> tags = new ArrayList<>();
    s.list("tags", false, "[smoke]").ifPresent(list -> list.items().forEach(t -> {
      if (t instanceof YamlScalar scalar) {
        tags.add(scalar.text());
      } else {
        problems.add(t.location(), path + ".tags", "a tag must be a word", "e.g. tags: [smoke]");
      }
    }));
    Optional<YamlList> cases = s.list("cases", false, "[{name: small, size: 0.08}]");
    Optional<YamlList> steps = s.list("steps", true, "");
    s.finish();
    if (name.isPresent() && !names.add(name.get())) {
      s.problem("name", "there is another sequence named '" + name.get() + "'",
          "sequence names must be unique in a file (they name the test cases)");
    }
    if (steps.isEmpty() || name.isEmpty()) {
      return List.of();
    }
    if (cases.isEmpty()) {
      return List.of(new SuiteSpec.Sequence(name.get(), map.location(), tags,
          steps(steps.get(), path + ".steps", Map.of())));
    }
    List<SuiteSpec.Sequence> result = new ArrayList<>();
    List<YamlNode> items = cases.get().items();
    if (items.isEmpty()) {
      s.problem("cases", "'cases' is empty, so the sequence would not run",
          "give at least one case, or remove 'cases:'");
    }
    for (int i = 0; i < items.size(); i++) {
      String casePath = path + ".cases[" + i + "]";
      if (!(items.get(i) instanceof YamlMap caseMap)) {
        problems.add(items.get(i).location(), casePath, "a case must be a mapping of values",
            "e.g. {name: small, size: 0.08}");
        continue;
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (YamlMap.Entry entry : caseMap.entries()) {
        if (entry.value() instanceof YamlScalar scalar) {
          values.put(entry.key(), scalar.text());
        } else {
          problems.add(entry.value().location(), casePath + "." + entry.key(),
              "a case value must be a single value", "");
        }
      }
      String caseName = values.getOrDefault("name", String.valueOf(i + 1));
      result.add(new SuiteSpec.Sequence(name.get() + " [" + caseName + "]", caseMap.location(),
          tags, steps(steps.get(), path + ".steps", values)));
    }
    return result;
  }

  private List<Step> steps(YamlList list, String path, Map<String, String> parameters) {
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      YamlNode item = substitute(list.items().get(i), parameters, path + "[" + i + "]");
      step(item, path + "[" + i + "]").ifPresent(steps::add);
    }
    return steps;
  }

  private Optional<Step> step(YamlNode node, String path) {
    if (!(node instanceof YamlMap map)) {
      problems.add(node.location(), path, "a step must be a mapping with one action",
          "e.g. '- press: StartButton' or '- expect: Tower/Green' with 'within: 1 s'");
      return Optional.empty();
    }
    List<String> actions = map.keys().stream().filter(ACTIONS::contains).toList();
    if (map.keys().isEmpty()) {
      problems.add(map.location(), path, "a step needs an action, this one is empty",
          "e.g. '- press: StartButton'");
      return Optional.empty();
    }
    if (actions.size() != 1) {
      String unknown = map.keys().stream().filter(k -> !MODIFIERS.contains(k)).findFirst()
          .orElse(map.keys().iterator().next());
      problems.add(map.location(), path,
          actions.isEmpty()
              ? "a step needs an action; '" + unknown + "' is not one"
              : "a step has one action, this one has " + String.join(" and ", actions),
          actions.isEmpty()
              ? Suggestions.hint(unknown, ACTIONS, "actions")
              : "split it into one step per action");
      return Optional.empty();
    }
    String action = actions.get(0);
    MapReader s = new MapReader(map, path,
        ("aeiou".indexOf(action.charAt(0)) >= 0 ? "an '" : "a '") + action + "' step", problems);
    SourceLocation at = map.location();
    Optional<Step> step = switch (action) {
      case "set" -> set(s, at);
      case "pulse" -> pulse(s, at);
      case "press", "release" -> device(s, action, at);
      case "operate" -> operate(s, at);
      case "wait" -> stepDuration(s, "wait", true, false, "2 s")
          .map(d -> new Step.Wait(at, "wait " + format(d), d));
      case "inject-fault" -> injectFault(s, at);
      case "clear-fault" -> s.text("clear-fault", true, "J1")
          .map(id -> new Step.ClearFault(at, "clear fault " + id, id));
      case "load-recipe" -> loadRecipe(s, at);
      case "expect" -> expect(s, at);
      case "never" -> condition(s, "never")
          .map(c -> new Step.Never(at, "never " + c.text(), c));
      case "expect-count" -> expectCount(s, at);
      case "expect-order" -> expectOrder(s, at);
      case "repeat" -> repeat(s, at, path);
      default -> throw new IllegalStateException(action);
    };
    s.finish();
    return step;
  }

  // --- actions --------------------------------------------------------------------------------

  /**
   * The longest simulated time one step may take. Every signal change of a sequence is kept for
   * its report and trace (a tank line makes about 45 MB of them per simulated hour), so a step
   * of, say, 100000 h would fill any memory before it ended.
   */
  static final Duration MAX_STEP = Duration.ofHours(1000);

  /** A step's duration, refused (located) above {@link #MAX_STEP}. */
  private Optional<Duration> stepDuration(
      MapReader s, String key, boolean required, boolean zeroAllowed, String example) {
    Optional<Duration> duration = s.duration(key, required, zeroAllowed, example);
    if (duration.isPresent() && duration.get().compareTo(MAX_STEP) > 0) {
      String written = s.node(key).filter(YamlScalar.class::isInstance)
          .map(n -> ((YamlScalar) n).text().strip()).orElse(format(duration.get()));
      s.problem(key, "'" + key + "' of " + written
              + " is longer than a sequence step may take (" + MAX_STEP.toHours() + " h)",
          "a sequence checks behaviour over seconds to hours of simulated time; for a soak run"
              + " use 'twinline serve --time-mode afap'");
      return Optional.empty();
    }
    return duration;
  }


  private Optional<Step> set(MapReader s, SourceLocation at) {
    Optional<YamlNode> node = s.node("set");
    if (node.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> values = new LinkedHashMap<>();
    if (node.get() instanceof YamlMap map) {
      for (YamlMap.Entry entry : map.entries()) {
        settable(entry.key(), entry.keyLocation(), entry.value(), s.pathOf("set"))
            .ifPresent(v -> values.put(entry.key(), v));
      }
    } else if (node.get() instanceof YamlScalar scalar) {
      Optional<YamlNode> to = s.node("to");
      if (to.isEmpty()) {
        s.problem("set", "'set: " + scalar.text() + "' needs 'to:' and the value",
            "or write 'set: {" + scalar.text() + ": true}'");
        return Optional.empty();
      }
      settable(scalar.text(), scalar.location(), to.get(), s.pathOf("to"))
          .ifPresent(v -> values.put(scalar.text(), v));
    }
    if (values.isEmpty()) {
      boolean emptyMap = node.get() instanceof YamlMap m && m.keys().isEmpty();
      boolean neither = !(node.get() instanceof YamlMap) && !(node.get() instanceof YamlScalar);
      if (emptyMap || neither) {
        s.problem("set", "'set' needs the signals and their values",
            "e.g. 'set: {Cell/Setpoint: 60}' or 'set: Cell/Setpoint' with 'to: 60'");
      }
      return Optional.empty();
    }
    StringBuilder text = new StringBuilder("set ");
    values.forEach((k, v) -> text.append(text.length() > 4 ? ", " : "").append(k).append(" = ")
        .append(v));
    return Optional.of(new Step.Set(at, text.toString(), values));
  }

  private Optional<Object> settable(
      String name, SourceLocation location, YamlNode value, String path) {
    Optional<SignalDefinition> signal = signal(name, location, path);
    if (signal.isEmpty()) {
      return Optional.empty();
    }
    String why = Harness.whyNotSettable(plant, signal.get());
    if (why != null) {
      problems.add(location, path, why, "");
      return Optional.empty();
    }
    if (!(value instanceof YamlScalar scalar) || scalar.type() == YamlScalar.Type.NULL) {
      problems.add(value.location(), path, "the value for " + name + " must be a single value",
          "");
      return Optional.empty();
    }
    try {
      return Optional.of(Values.convert(signal.get().type(), scalar.text(), name));
    } catch (IllegalArgumentException e) {
      problems.add(value.location(), path, e.getMessage(), "");
      return Optional.empty();
    }
  }

  private Optional<SignalDefinition> signal(String name, SourceLocation location, String path) {
    Optional<io.twinline.harness.expr.SignalTable.Ref> ref = signals.resolve(name);
    if (ref.isEmpty()) {
      problems.add(location, path, "unknown signal '" + name + "'",
          io.twinline.harness.expr.SignalHints.hint(name, signals.names()));
      return Optional.empty();
    }
    return Optional.of(signals.definition(ref.get().index()));
  }

  private Optional<Step> pulse(MapReader s, SourceLocation at) {
    Optional<String> name = s.text("pulse", true, "StartButton");
    Optional<Duration> length = stepDuration(s, "for", true, false, "200 ms");
    if (name.isEmpty() || length.isEmpty()) {
      return Optional.empty();
    }
    boolean button = plant.component(name.get()).orElse(null) instanceof PushButton;
    if (!button) {
      Optional<SignalDefinition> signal = signal(name.get(), s.location("pulse"), s.pathOf("pulse"));
      if (signal.isEmpty()) {
        return Optional.empty();
      }
      String why = Harness.whyNotSettable(plant, signal.get());
      if (why != null || signal.get().type() != io.twinline.line.SignalType.BOOLEAN) {
        s.problem("pulse", why != null ? why : name.get() + " is not Boolean; a pulse is true,"
            + " then false", "pulse a push button or a Boolean output");
        return Optional.empty();
      }
    }
    return Optional.of(new Step.Pulse(at, "pulse " + name.get() + " for " + format(length.get()),
        name.get(), length.get()));
  }

  private Optional<Step> device(MapReader s, String action, SourceLocation at) {
    Optional<String> device = s.text(action, true, "StartButton");
    if (device.isEmpty() || !isDevice(device.get(), s, action, action)) {
      return Optional.empty();
    }
    return Optional.of(new Step.Operate(at, action + " " + device.get(), device.get(), action));
  }

  private Optional<Step> operate(MapReader s, SourceLocation at) {
    Optional<String> device = s.text("operate", true, "ModeSwitch");
    Optional<String> action = s.text("action", true, "select:Auto");
    if (device.isEmpty() || action.isEmpty()
        || !isDevice(device.get(), s, "operate", action.get())) {
      return Optional.empty();
    }
    return Optional.of(new Step.Operate(at, action.get() + " " + device.get(), device.get(),
        action.get()));
  }

  private boolean isDevice(String name, MapReader s, String key, String action) {
    if (!(plant.component(name).orElse(null) instanceof OperatorDevice device)) {
      List<String> devices = plant.components().values().stream()
          .filter(OperatorDevice.class::isInstance).map(c -> c.name()).toList();
      s.problem(key, "'" + name + "' is not an operator device of line " + line.name(),
          devices.isEmpty() ? "the line has no push buttons, switches, e-stops or guard doors"
              : Suggestions.hint(name, devices, "devices"));
      return false;
    }
    if (!device.actions().contains(action)) {
      s.problem(key, name + " cannot '" + action + "'",
          "it can: " + String.join(", ", device.actions()));
      return false;
    }
    return true;
  }

  private Optional<Step> injectFault(MapReader s, SourceLocation at) {
    Optional<YamlNode> node = s.node("inject-fault");
    if (node.isEmpty()) {
      return Optional.empty();
    }
    Optional<FaultSpec> fault = LineReader.readFault(node.get(), line, problems);
    return fault.map(f -> new Step.InjectFault(at, "inject fault " + f.describe(), f));
  }

  private Optional<Step> loadRecipe(MapReader s, SourceLocation at) {
    Optional<String> name = s.text("load-recipe", true, "large");
    if (name.isEmpty()) {
      return Optional.empty();
    }
    if (line.recipe(name.get()).isEmpty()) {
      List<String> names = line.recipes().stream().map(r -> r.name()).toList();
      s.problem("load-recipe", "line " + line.name() + " has no recipe '" + name.get() + "'",
          names.isEmpty() ? "declare the product variants under 'recipes:' in the line file"
              : Suggestions.hint(name.get(), names, "recipes"));
      return Optional.empty();
    }
    return Optional.of(new Step.LoadRecipe(at, "load recipe " + name.get(), name.get()));
  }

  // --- expectations ---------------------------------------------------------------------------

  /** {@code 1 scan}, {@code 3 scans}: a count of controller scans instead of a duration. */
  private static final java.util.regex.Pattern SCANS =
      java.util.regex.Pattern.compile("\\s*(\\d{1,6})\\s*scans?\\s*");

  private Optional<Step> expect(MapReader s, SourceLocation at) {
    Optional<String> scans = s.node("within").filter(YamlScalar.class::isInstance)
        .map(n -> ((YamlScalar) n).text()).filter(t -> SCANS.matcher(t).matches());
    if (scans.isPresent()) {
      return expectScans(s, at, scans.get());
    }
    Optional<Condition> condition = condition(s, "expect");
    Optional<Duration> within = stepDuration(s, "within", false, true, "1 s");
    Optional<Duration> holds = stepDuration(s, "for", false, false, "5 s");
    Optional<Duration> after = stepDuration(s, "after", false, false, "2 s");
    if (holds.isPresent() && (within.isPresent() || after.isPresent())) {
      s.problem("for", "'for' cannot go with 'within' or 'after'",
          "'for: d' means it holds from now for d; use two steps for more");
      return Optional.empty();
    }
    if (after.isPresent() && within.isPresent() && within.get().compareTo(after.get()) < 0) {
      s.problem("within", "'within' (" + format(within.get()) + ") is before 'after' ("
          + format(after.get()) + ")", "with 'after', 'within' is the latest time, from now");
      return Optional.empty();
    }
    if (condition.isEmpty()) {
      return Optional.empty();
    }
    Condition c = condition.get();
    if (after.isPresent()) {
      String text = "expect " + c.text() + " after " + format(after.get())
          + within.map(w -> " (by " + format(w) + ")").orElse("");
      return Optional.of(new Step.Expect(at, text, c, Step.When.AFTER, after.get(),
          within.orElse(null)));
    }
    if (holds.isPresent()) {
      return Optional.of(new Step.Expect(at, "expect " + c.text() + " for " + format(holds.get()),
          c, Step.When.FOR, holds.get(), null));
    }
    if (within.isPresent()) {
      return Optional.of(new Step.Expect(at, "expect " + c.text() + " within "
          + format(within.get()), c, Step.When.WITHIN, within.get(), null));
    }
    return Optional.of(new Step.Expect(at, "expect " + c.text(), c, Step.When.NOW, null, null));
  }

  private Optional<Step> expectScans(MapReader s, SourceLocation at, String written) {
    java.util.regex.Matcher m = SCANS.matcher(written);
    m.matches();
    int count = Integer.parseInt(m.group(1));
    s.node("within"); // read: a count of scans, not a duration
    Optional<Condition> condition = condition(s, "expect");
    if (s.node("for").isPresent() || s.node("after").isPresent()) {
      s.problem(s.node("for").isPresent() ? "for" : "after",
          "'within: " + written.strip() + "' goes with neither 'for' nor 'after'",
          "count scans with 'within: N scans' alone, or give durations");
      return Optional.empty();
    }
    if (count < 1) {
      s.problem("within", "'within' counts at least 1 scan, not " + count,
          "write 'within: 1 scan' for the next scan");
      return Optional.empty();
    }
    return condition.map(c -> new Step.ExpectScans(at, "expect " + c.text() + " within " + count
        + (count == 1 ? " scan" : " scans"), c, count));
  }

  private Optional<Condition> condition(MapReader s, String key) {
    Optional<YamlNode> node = s.node(key);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    if (!(node.get() instanceof YamlScalar scalar) || scalar.type() == YamlScalar.Type.NULL) {
      s.problem(key, "'" + key + "' needs a condition", "e.g. '" + key
          + ": Tower/Green && !Tower/Red'");
      return Optional.empty();
    }
    return condition(scalar, s.pathOf(key));
  }

  private Optional<Condition> condition(YamlScalar scalar, String path) {
    try {
      return Optional.of(Expressions.compile(scalar.text(), signals));
    } catch (ExpressionException e) {
      SourceLocation at = scalar.location();
      int offset = quoted(at) ? 1 : 0;
      problems.add(new SourceLocation(at.file(), at.line(), at.column() + offset + e.column() - 1),
          path, e.getMessage(), e.hint());
      return Optional.empty();
    }
  }

  private boolean quoted(SourceLocation at) {
    if (at.line() < 1 || at.line() > lines.size()) {
      return false;
    }
    String text = lines.get(at.line() - 1);
    int index = at.column() - 1;
    return index >= 0 && index < text.length()
        && (text.charAt(index) == '"' || text.charAt(index) == '\'');
  }

  private Optional<Step> expectCount(MapReader s, SourceLocation at) {
    Optional<YamlMap> spec = s.map("expect-count", true, "{sink: Packed, at-least: 10}");
    Optional<Duration> within = stepDuration(s, "within", false, false, "1 min");
    if (spec.isEmpty()) {
      return Optional.empty();
    }
    MapReader c = new MapReader(spec.get(), s.pathOf("expect-count"), "an expected count",
        problems);
    Optional<String> sink = c.text("sink", true, "Packed");
    Optional<String> type = c.text("type", false, "bottle");
    Map<String, Harness.Comparison> comparisons = Map.of(
        "equals", Harness.Comparison.EQUALS,
        "at-least", Harness.Comparison.AT_LEAST,
        "at-most", Harness.Comparison.AT_MOST);
    Harness.Comparison comparison = null;
    Long expected = null;
    for (Map.Entry<String, Harness.Comparison> entry : comparisons.entrySet()) {
      Optional<Long> n = c.integer(entry.getKey(), false, "10");
      if (n.isPresent()) {
        if (comparison != null) {
          c.problem(entry.getKey(), "give one of equals, at-least, at-most", "");
        }
        comparison = entry.getValue();
        expected = n.get();
      }
    }
    c.finish();
    if (comparison == null) {
      problems.add(spec.get().location(), s.pathOf("expect-count"),
          "an expected count needs 'equals', 'at-least' or 'at-most'",
          "e.g. {sink: Packed, at-least: 10}");
      return Optional.empty();
    }
    if (sink.isEmpty()) {
      return Optional.empty();
    }
    if (!(plant.component(sink.get()).orElse(null) instanceof Sink)) {
      List<String> sinks = plant.components().values().stream().filter(Sink.class::isInstance)
          .map(x -> x.name()).toList();
      c.problem("sink", "'" + sink.get() + "' is not a sink of line " + line.name(),
          Suggestions.hint(sink.get(), sinks, "sinks"));
      return Optional.empty();
    }
    String text = "expect count of " + sink.get() + type.map(t -> " (" + t + ")").orElse("")
        + " " + comparison.symbol() + " " + expected + within.map(w -> " within " + format(w))
        .orElse("");
    return Optional.of(new Step.ExpectCount(at, text, sink.get(), type.orElse(null), comparison,
        expected.intValue(), within.orElse(null)));
  }

  private Optional<Step> expectOrder(MapReader s, SourceLocation at) {
    Optional<YamlList> list = s.list("expect-order", true, "[rose(A), rose(B)]");
    Optional<Duration> within = stepDuration(s, "within", true, false, "10 s");
    if (list.isEmpty() || within.isEmpty()) {
      return Optional.empty();
    }
    if (list.get().items().size() < 2) {
      s.problem("expect-order", "an order needs at least two conditions",
          "for one, use 'expect:' with 'within:'");
      return Optional.empty();
    }
    List<Condition> order = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < list.get().items().size(); i++) {
      YamlNode item = list.get().items().get(i);
      String path = s.pathOf("expect-order") + "[" + i + "]";
      if (item instanceof YamlScalar scalar) {
        Optional<Condition> c = condition(scalar, path);
        c.ifPresent(order::add);
        ok &= c.isPresent();
      } else {
        problems.add(item.location(), path, "each item of an order is a condition", "");
        ok = false;
      }
    }
    if (!ok) {
      return Optional.empty();
    }
    String text = "expect in order " + String.join(", ", order.stream().map(Condition::text)
        .toList()) + " within " + format(within.get());
    return Optional.of(new Step.ExpectOrder(at, text, order, within.get()));
  }

  private Optional<Step> repeat(MapReader s, SourceLocation at, String path) {
    Optional<Long> times = s.integer("repeat", true, "3");
    Optional<YamlList> steps = s.list("steps", true, "");
    if (times.isPresent() && (times.get() < 1 || times.get() > 100_000)) {
      s.problem("repeat", "repeat takes 1 to 100000 times, not " + times.get(), "");
      return Optional.empty();
    }
    if (times.isEmpty() || steps.isEmpty()) {
      return Optional.empty();
    }
    List<Step> inner = steps(steps.get(), path + ".steps", Map.of());
    return Optional.of(new Step.Repeat(at, "repeat " + times.get() + " times",
        times.get().intValue(), inner));
  }

  // --- fuzz ---------------------------------------------------------------------------------

  private Optional<FuzzSpec> fuzz(YamlMap map, List<Step> setup) {
    MapReader f = new MapReader(map, "fuzz", "a fuzz campaign", problems);
    Optional<Duration> duration = f.duration("duration", true, false, "10 min");
    Optional<YamlList> actions = f.list("actions", false, "");
    Optional<YamlList> faults = f.list("faults", false, "");
    Optional<YamlList> invariants = f.list("invariants", false, "");
    f.finish();
    List<FuzzSpec.Action> all = new ArrayList<>();
    actions.ifPresent(list -> {
      for (int i = 0; i < list.items().size(); i++) {
        fuzzAction(list.items().get(i), "fuzz.actions[" + i + "]").ifPresent(all::add);
      }
    });
    faults.ifPresent(list -> {
      for (int i = 0; i < list.items().size(); i++) {
        fuzzFault(list.items().get(i), "fuzz.faults[" + i + "]").ifPresent(all::add);
      }
    });
    if (actions.isEmpty() && faults.isEmpty()) {
      f.problem("actions", "a fuzz campaign needs 'actions' or 'faults' to do at random",
          "e.g. actions: [{pulse: StartButton, for: 200 ms, every: 30 s}]");
    }
    List<Condition> conditions = new ArrayList<>();
    for (Step step : setup) {
      if (step instanceof Step.Never never) {
        conditions.add(never.condition());
      }
    }
    invariants.ifPresent(list -> {
      for (int i = 0; i < list.items().size(); i++) {
        YamlNode item = list.items().get(i);
        if (item instanceof YamlScalar scalar) {
          condition(scalar, "fuzz.invariants[" + i + "]").ifPresent(conditions::add);
        } else {
          problems.add(item.location(), "fuzz.invariants[" + i + "]",
              "an invariant is a condition that must never hold", "e.g. 'A/Extend && A/Retract'");
        }
      }
    });
    if (conditions.isEmpty()) {
      f.problem("invariants", "a fuzz campaign checks the 'never:' invariants of 'setup:' and"
          + " 'fuzz: invariants:', and this file has none", "add what must never happen");
    }
    return duration.map(d -> new FuzzSpec(map.location(), d, all, conditions));
  }

  private Optional<FuzzSpec.Action> fuzzAction(YamlNode node, String path) {
    if (!(node instanceof YamlMap map)) {
      problems.add(node.location(), path, "a random action must be a mapping",
          "e.g. {pulse: StartButton, for: 200 ms, every: 30 s}");
      return Optional.empty();
    }
    List<String> kinds = map.keys().stream()
        .filter(k -> List.of("pulse", "hold", "operate").contains(k)).toList();
    if (kinds.size() != 1) {
      problems.add(map.location(), path, "a random action is one of pulse, hold or operate",
          "e.g. {hold: EStop, for: 3 s, every: 5 min}");
      return Optional.empty();
    }
    String kind = kinds.get(0);
    MapReader a = new MapReader(map, path, "a random '" + kind + "'", problems);
    Optional<Duration> every = a.duration("every", true, false, "1 min");
    Optional<FuzzSpec.Action> action = switch (kind) {
      case "pulse" -> pulse(a, map.location()).map(p -> (Step.Pulse) p)
          .flatMap(p -> every.map(e -> new FuzzSpec.Action(map.location(), FuzzSpec.Kind.PULSE,
              p.name(), "pulse", p.length(), e, null)));
      case "hold" -> {
        Optional<String> device = a.text("hold", true, "EStop");
        Optional<Duration> length = a.duration("for", true, false, "3 s");
        boolean ok = device.isPresent() && isDevice(device.get(), a, "hold", "press")
            && isDevice(device.get(), a, "hold", "release");
        yield ok && length.isPresent() && every.isPresent()
            ? Optional.of(new FuzzSpec.Action(map.location(), FuzzSpec.Kind.HOLD, device.get(),
                "hold", length.get(), every.get(), null))
            : Optional.empty();
      }
      default -> operate(a, map.location()).map(o -> (Step.Operate) o)
          .flatMap(o -> every.map(e -> new FuzzSpec.Action(map.location(),
              FuzzSpec.Kind.OPERATE, o.device(), o.action(), Duration.ZERO, e, null)));
    };
    a.finish();
    return action;
  }

  private Optional<FuzzSpec.Action> fuzzFault(YamlNode node, String path) {
    if (!(node instanceof YamlMap map)) {
      problems.add(node.location(), path, "a random fault must be a mapping",
          "e.g. {fault: {id: Jam, target: Infeed, kind: jam}, for: 20 s, every: 5 min}");
      return Optional.empty();
    }
    MapReader a = new MapReader(map, path, "a random fault", problems);
    Optional<YamlNode> faultNode = a.node("fault");
    Optional<Duration> length = a.duration("for", true, false, "20 s");
    Optional<Duration> every = a.duration("every", true, false, "5 min");
    a.finish();
    if (faultNode.isEmpty()) {
      a.problem("fault", "a random fault needs 'fault:'", "e.g. {id: Jam, target: Infeed,"
          + " kind: jam}");
      return Optional.empty();
    }
    Optional<FaultSpec> fault = LineReader.readFault(faultNode.get(), line, problems);
    if (fault.isEmpty() || length.isEmpty() || every.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new FuzzSpec.Action(map.location(), FuzzSpec.Kind.FAULT,
        fault.get().target(), "fault", length.get(), every.get(), fault.get()));
  }

  // --- parameters -----------------------------------------------------------------------------

  /** {@code node} with every {@code ${name}} replaced by the case's value. */
  private YamlNode substitute(YamlNode node, Map<String, String> values, String path) {
    if (node instanceof YamlScalar scalar) {
      if (!scalar.text().contains("${")) {
        return scalar;
      }
      Matcher m = PARAMETER.matcher(scalar.text());
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String value = values.get(m.group(1));
        if (value == null) {
          problems.add(scalar.location(), path, "no value for '${" + m.group(1) + "}'",
              values.isEmpty()
                  ? "parameters come from the sequence's 'cases:'"
                  : "the cases give: " + String.join(", ", values.keySet()));
          value = m.group();
        }
        m.appendReplacement(out, Matcher.quoteReplacement(value));
      }
      m.appendTail(out);
      return new YamlScalar(scalar.location(), out.toString(), scalar.type());
    }
    if (node instanceof YamlList list) {
      List<YamlNode> items = new ArrayList<>();
      for (YamlNode item : list.items()) {
        items.add(substitute(item, values, path));
      }
      return new YamlList(list.location(), items);
    }
    YamlMap map = (YamlMap) node;
    Map<String, YamlMap.Entry> entries = new LinkedHashMap<>();
    for (YamlMap.Entry entry : map.entries()) {
      entries.put(entry.key(), new YamlMap.Entry(entry.key(), entry.keyLocation(),
          substitute(entry.value(), values, path)));
    }
    return new YamlMap(map.location(), entries);
  }

  private static String format(Duration duration) {
    return io.twinline.sim.time.SimTime.format(duration.toNanos());
  }
}
