package io.twinline.line.read;

import io.twinline.line.InvalidDefinitionException;
import io.twinline.line.Problems;
import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalPath;
import io.twinline.line.SignalType;
import io.twinline.line.fault.FaultChecks;
import io.twinline.line.fault.FaultSpec;
import io.twinline.line.model.ComponentDefinition;
import io.twinline.line.model.ConveyorDefinition;
import io.twinline.line.model.LineDefinition;
import io.twinline.line.model.RecipeDefinition;
import io.twinline.line.model.MountedDefinition;
import io.twinline.line.model.Placement;
import io.twinline.line.model.SignalOptions;
import io.twinline.line.yaml.YamlList;
import io.twinline.line.yaml.YamlMap;
import io.twinline.line.yaml.YamlNode;
import io.twinline.line.yaml.YamlReader;
import io.twinline.line.yaml.YamlScalar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a line file into a {@link LineDefinition}, or refuses it with every problem found.
 *
 * <p>Three passes: the names and types of all components (so references can be checked where
 * they are written), then each component in full with its signal options, then the checks that
 * span components (devices beyond the end of their conveyor, two signals or tags with one name,
 * faults on targets that cannot have them).
 */
public final class LineReader {

  static final Duration DEFAULT_IO_CYCLE = Duration.ofMillis(10);
  static final Duration MIN_IO_CYCLE = Duration.ofMillis(1);
  static final Duration MAX_IO_CYCLE = Duration.ofMillis(1000);
  static final long DEFAULT_SEED = 1;

  /** Component names the system uses for its own signals. */
  public static final Set<String> RESERVED_NAMES = Set.of("Simulation", "Tags");

  private static final Map<String, ComponentReader> READERS =
      Stream.of(FlowReaders.all(), MachineReaders.all(), OperatorReaders.all(),
              ProcessReaders.all())
          .flatMap(List::stream)
          .collect(
              Collectors.toMap(
                  ComponentReader::type, Function.identity(), (a, b) -> a, LinkedHashMap::new));

  private record ReadComponent(ComponentDefinition definition, MapReader fields) {}

  private LineReader() {}

  /** The component type keywords this version understands, in documentation order. */
  public static List<String> componentTypes() {
    return List.copyOf(READERS.keySet());
  }

  /** Reads a YAML (or, for a {@code .json} file name, JSON) line file. */
  public static LineDefinition read(String file, String text) throws InvalidDefinitionException {
    return readAll(file, text).line();
  }

  /** A line file read in full: the line and its {@code coupling:} section, if it has one. */
  public record Read(LineDefinition line,
      Optional<io.twinline.line.model.CouplingSection> coupling) {}

  /**
   * Reads a line file with its {@code coupling:} section (relative paths in it are resolved
   * against {@code file}'s directory); every problem of either is listed.
   */
  public static Read readAll(String file, String text) throws InvalidDefinitionException {
    Problems problems = new Problems();
    Optional<YamlNode> root = YamlReader.read(file, text, problems);
    if (root.isEmpty()) {
      problems.throwIfAny();
    }
    if (!(root.get() instanceof YamlMap rootMap)) {
      problems.add(
          root.get().location(),
          "",
          "a line file must be a mapping, not " + root.get().kind(),
          "start with 'line: <name>' and 'components:'");
      problems.throwIfAny();
      throw new AssertionError("unreachable");
    }

    MapReader top = new MapReader(rootMap, "", "a line file", problems);
    Optional<String> name = top.name("line", true, "PackagingLine");
    if (name.isPresent() && RESERVED_NAMES.contains(name.get())) {
      top.problem("line", "'" + name.get() + "' is reserved for Twinline's own nodes",
          "choose another name for the line");
    }
    String description = top.text("description", false, "").orElse("");
    Duration ioCycle = ioCycle(top);
    long seed = top.integer("seed", false, "42").orElse(DEFAULT_SEED);
    List<YamlMap> items = componentItems(top);
    Optional<YamlList> faultList = top.list("faults", false, "");
    Optional<YamlList> recipeList = top.list("recipes", false, "");
    Optional<YamlMap> couplingMap =
        top.map("coupling", false, "{plc: modbus-tcp://127.0.0.1:502, tags: tags.csv}");
    top.finish();

    References references = new References(declaredTypes(items), declaredNames(items));
    Map<SignalPath, SignalOptions> options = new HashMap<>();
    Map<String, Placement> placements = new HashMap<>();
    List<ReadComponent> components =
        readComponents(items, references, options, placements, problems);
    checkAcrossComponents(components, options, name.orElse(""), problems);
    ProcessReaders.checkAcross(
        components.stream().map(ReadComponent::definition).toList(), problems);
    List<FaultSpec> faults =
        faultList
            .map(list -> readFaults(list, components, options, problems))
            .orElse(List.of());
    List<RecipeDefinition> recipes =
        recipeList
            .map(list -> readRecipes(list, components, options, problems))
            .orElse(List.of());
    checkBeltDrives(components);
    Optional<io.twinline.line.model.CouplingSection> coupling = couplingMap.flatMap(map ->
        CouplingReader.read(map, file, components.stream()
            .flatMap(c -> c.definition().signals().stream()).toList(), options, problems));

    problems.throwIfAny();
    return new Read(new LineDefinition(
        name.orElseThrow(),
        description,
        ioCycle,
        seed,
        components.stream().map(ReadComponent::definition).toList(),
        options,
        faults,
        recipes,
        file,
        placements), coupling);
  }

  private static Duration ioCycle(MapReader top) {
    Optional<Duration> cycle = top.duration("ioCycle", false, false, "10 ms");
    if (cycle.isPresent()
        && (cycle.get().compareTo(MIN_IO_CYCLE) < 0 || cycle.get().compareTo(MAX_IO_CYCLE) > 0)) {
      top.problem("ioCycle", "the I/O cycle must be from 1 ms to 1000 ms",
          "10 ms is what most PLC couplings use");
      return DEFAULT_IO_CYCLE;
    }
    return cycle.orElse(DEFAULT_IO_CYCLE);
  }

  private static List<YamlMap> componentItems(MapReader top) {
    Optional<YamlList> list = top.list("components", true, "");
    List<YamlMap> items = new ArrayList<>();
    if (list.isEmpty()) {
      return items;
    }
    if (list.get().items().isEmpty()) {
      top.problem("components", "the line has no components", "add at least one component");
    }
    for (int i = 0; i < list.get().items().size(); i++) {
      YamlNode item = list.get().items().get(i);
      if (item instanceof YamlMap map) {
        items.add(map);
      } else {
        top.problems()
            .add(
                item.location(),
                "components[" + i + "]",
                "a component must be a mapping, not " + item.kind(),
                "write '- name: ...' and 'type: ...' on the following lines");
        items.add(null);
      }
    }
    return items;
  }

  /** First pass: name to type of every component that has both, for reference checks. */
  private static Map<String, String> declaredTypes(List<YamlMap> items) {
    Map<String, String> types = new HashMap<>();
    for (YamlMap item : items) {
      if (item == null) {
        continue;
      }
      Optional<String> name = scalarText(item, "name");
      Optional<String> type = scalarText(item, "type");
      if (name.isPresent() && type.isPresent() && READERS.containsKey(type.get())) {
        types.putIfAbsent(name.get(), type.get());
      }
    }
    return types;
  }

  private static Set<String> declaredNames(List<YamlMap> items) {
    Set<String> names = new HashSet<>();
    for (YamlMap item : items) {
      if (item != null) {
        scalarText(item, "name").ifPresent(names::add);
      }
    }
    return names;
  }

  private static Optional<String> scalarText(YamlMap map, String key) {
    return map.get(key)
        .filter(YamlScalar.class::isInstance)
        .map(n -> ((YamlScalar) n).text());
  }

  private static List<ReadComponent> readComponents(
      List<YamlMap> items,
      References references,
      Map<SignalPath, SignalOptions> options,
      Map<String, Placement> placements,
      Problems problems) {
    List<ReadComponent> components = new ArrayList<>();
    Map<String, MapReader> byName = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      YamlMap item = items.get(i);
      if (item == null) {
        continue;
      }
      MapReader fields = new MapReader(item, "components[" + i + "]", "a component", problems);
      Optional<String> name = fields.name("name", true, "Infeed");
      Optional<String> type = fields.text("type", true, "conveyor");
      String description = fields.text("description", false, "").orElse("");

      boolean duplicate = false;
      if (name.isPresent() && RESERVED_NAMES.contains(name.get())) {
        fields.problem("name", "'" + name.get() + "' is reserved for Twinline's own signals",
            "choose another name");
        duplicate = true;
      } else if (name.isPresent()) {
        MapReader first = byName.putIfAbsent(name.get(), fields);
        duplicate = first != null;
        if (duplicate) {
          fields.problem(
              "name",
              "duplicate component name '" + name.get() + "' (first used at line "
                  + first.location("name").line() + ")",
              "every component needs its own name");
        }
      }
      if (type.isEmpty()) {
        fields.ignore(fields.keys());
        continue;
      }
      ComponentReader reader = READERS.get(type.get());
      if (reader == null) {
        fields.problem(
            "type",
            "unknown component type '" + type.get() + "'",
            Suggestions.hint(type.get(), READERS.keySet(), "known types"));
        fields.ignore(fields.keys());
        continue;
      }
      fields.describeAs(reader.article());
      Optional<ComponentDefinition> definition =
          reader.read(fields, name.orElse("Unnamed"), description, references);
      Optional<YamlMap> signalOptions = fields.map("signals", false, "{MotorOn: {tag: Q_M1}}");
      Optional<Placement> placement = PlacementReader.read(fields, definition);
      fields.finish();
      if (name.isPresent() && definition.isPresent() && !duplicate) {
        placement.ifPresent(p -> placements.put(name.get(), p));
        signalOptions.ifPresent(
            map -> readSignalOptions(map, fields, definition.get(), options));
        components.add(new ReadComponent(definition.get(), fields));
      } else {
        // The component has other problems; its signal options still get checked, so that one
        // pass lists them all.
        signalOptions.ifPresent(map -> checkSignalOptionsShape(map, fields));
      }
    }
    return components;
  }

  private static void readSignalOptions(
      YamlMap map,
      MapReader owner,
      ComponentDefinition definition,
      Map<SignalPath, SignalOptions> options) {
    Map<String, SignalDefinition> byName = new LinkedHashMap<>();
    for (SignalDefinition signal : definition.signals()) {
      byName.put(signal.path().signal(), signal);
    }
    for (YamlMap.Entry entry : map.entries()) {
      String path = owner.pathOf("signals") + "." + entry.key();
      SignalDefinition signal = byName.get(entry.key());
      if (signal == null) {
        owner.problems().add(entry.keyLocation(), path,
            definition.name() + " has no signal '" + entry.key() + "'",
            Suggestions.hint(entry.key(), byName.keySet(), "its signals are"));
        continue;
      }
      if (!(entry.value() instanceof YamlMap optionMap)) {
        owner.problems().add(entry.value().location(), path,
            "signal options must be a mapping", "e.g. '" + entry.key() + ": {tag: I_B1}'");
        continue;
      }
      MapReader o = new MapReader(optionMap, path, "signal options", owner.problems());
      Optional<String> tag = o.text("tag", false, "I_B1_PartPresent");
      Optional<String> description = o.text("description", false, "");
      boolean forcible = o.bool("writableByClients", false);
      Optional<SignalOptions.RawScaling> raw = raw(o, signal);
      o.finish();
      if (forcible && signal.direction() == io.twinline.line.Direction.OUTPUT) {
        o.problem("writableByClients", "outputs are writable by clients already", "");
      }
      options.put(signal.path(), new SignalOptions(tag, description, forcible, raw));
    }
  }

  /** The signal options of a component that could not be read: their keys and values only. */
  private static void checkSignalOptionsShape(YamlMap map, MapReader owner) {
    for (YamlMap.Entry entry : map.entries()) {
      String path = owner.pathOf("signals") + "." + entry.key();
      if (!(entry.value() instanceof YamlMap optionMap)) {
        owner.problems().add(entry.value().location(), path,
            "signal options must be a mapping", "e.g. '" + entry.key() + ": {tag: I_B1}'");
        continue;
      }
      MapReader o = new MapReader(optionMap, path, "signal options", owner.problems());
      o.text("tag", false, "I_B1_PartPresent");
      o.text("description", false, "");
      o.bool("writableByClients", false);
      o.map("raw", false, "{min: 0, max: 27648}");
      o.finish();
    }
  }

  private static Optional<SignalOptions.RawScaling> raw(MapReader o, SignalDefinition signal) {
    Optional<YamlMap> rawMap = o.map("raw", false, "{min: 0, max: 27648}");
    if (rawMap.isEmpty()) {
      return Optional.empty();
    }
    if (signal.analog().isEmpty()) {
      o.problem("raw", signal.path() + " is not an analog value; only analog values have raw counts",
          "");
      return Optional.empty();
    }
    MapReader r = new MapReader(rawMap.get(), o.pathOf("raw"), "raw scaling", o.problems());
    if (r.keys().contains("card")) {
      return DataSheetReaders.card(r, signal);
    }
    Optional<String> typeName = r.text("type", false, "Int16");
    Optional<Long> min = r.integer("min", true, "0");
    Optional<Long> max = r.integer("max", true, "27648");
    Optional<String> tag = r.text("tag", false, "IW64");
    r.finish();
    SignalType type = typeName.flatMap(SignalType::parse).orElse(SignalType.INT16);
    if (typeName.isPresent()
        && (SignalType.parse(typeName.get()).isEmpty() || !type.isInteger())) {
      r.problem("type", "raw counts need an integer type, not '" + typeName.get() + "'",
          "Int16 is what analog cards use");
      return Optional.empty();
    }
    if (min.isEmpty() || max.isEmpty()) {
      return Optional.empty();
    }
    if (max.get() <= min.get() || min.get() < type.min() || max.get() > type.max()) {
      r.problem("max", "raw range " + min.get() + ".." + max.get() + " does not fit "
          + type.displayName() + " with max above min", "Siemens cards: 0..27648");
      return Optional.empty();
    }
    return Optional.of(new SignalOptions.RawScaling(type, min.get(), max.get(), tag));
  }

  private static void checkAcrossComponents(
      List<ReadComponent> components,
      Map<SignalPath, SignalOptions> options,
      String lineName,
      Problems problems) {
    Map<String, ConveyorDefinition> conveyors = new HashMap<>();
    for (ReadComponent c : components) {
      if (c.definition() instanceof ConveyorDefinition conveyor) {
        conveyors.put(conveyor.name(), conveyor);
      }
    }
    Map<SignalPath, SignalDefinition> signals = new HashMap<>();
    Map<String, SignalPath> tags = new HashMap<>();
    for (ReadComponent c : components) {
      ComponentDefinition definition = c.definition();
      if (definition instanceof MountedDefinition mounted) {
        ConveyorDefinition conveyor = conveyors.get(mounted.conveyor());
        if (conveyor != null && mounted.position() > conveyor.length()) {
          c.fields()
              .problem(
                  "position",
                  "position " + mounted.position() + " m is beyond the end of conveyor "
                      + conveyor.name() + " (" + conveyor.length() + " m long)",
                  "place the " + definition.type() + " between 0 m and " + conveyor.length()
                      + " m");
        }
      }
      for (SignalDefinition signal : definition.signals()) {
        SignalDefinition first = signals.putIfAbsent(signal.path(), signal);
        if (first != null) {
          c.fields()
              .problem(
                  "name",
                  "signal " + signal.path() + " is already defined (by the component at line "
                      + first.location().line() + ")",
                  "rename this " + definition.type() + "; signal names must be unique per folder");
        }
        SignalOptions o = options.getOrDefault(signal.path(), SignalOptions.NONE);
        List<String> signalTags = new ArrayList<>();
        o.tag().ifPresent(signalTags::add);
        o.raw().flatMap(SignalOptions.RawScaling::tag).ifPresent(signalTags::add);
        if (o.raw().isPresent()) {
          SignalPath raw =
              new SignalPath(signal.path().component(),
                  signal.path().signal() + SignalOptions.RawScaling.SUFFIX);
          if (signals.containsKey(raw)) {
            c.fields().problem("signals", "raw signal " + raw + " clashes with another signal", "");
          }
        }
        for (String tag : signalTags) {
          if (tag.equals("Twinline") || RESERVED_NAMES.contains(tag) || tag.contains("/")
              || tag.equals(lineName) || tag.endsWith(".EURange")
              || tag.endsWith(".EngineeringUnits")) {
            c.fields().problem("signals", "tag '" + tag + "' cannot be used",
                "a tag is also an OPC UA NodeId: no '/', not Twinline, Simulation, Tags or"
                    + " the line's name, and not ending in .EURange or .EngineeringUnits");
            continue;
          }
          SignalPath other = tags.putIfAbsent(tag, signal.path());
          if (other != null) {
            c.fields().problem("signals", "tag '" + tag + "' is used by " + other + " already",
                "every tag names one signal");
          }
        }
      }
    }
  }

  /**
   * A belt follows its motor's linear ramp exactly; a motor with {@code inertia} (an exponential
   * run-up) cannot drive a belt yet.
   */
  private static void checkBeltDrives(List<ReadComponent> components) {
    Map<String, io.twinline.line.model.MotorDefinition> motors = new HashMap<>();
    for (ReadComponent c : components) {
      if (c.definition() instanceof io.twinline.line.model.MotorDefinition motor) {
        motors.put(motor.name(), motor);
      }
    }
    for (ReadComponent c : components) {
      if (c.definition() instanceof ConveyorDefinition conveyor && conveyor.motor().isPresent()) {
        var motor = motors.get(conveyor.motor().get());
        if (motor != null && motor.inertia().isPresent()) {
          c.fields().problem("motor", "motor " + motor.name() + " has 'inertia'; a belt follows"
                  + " only a motor with a linear 'ramp'",
              "give " + motor.name() + " 'ramp: " + motor.inertia().get().toMillis() * 3
                  + " ms' (about three time constants) instead of 'inertia'");
        }
      }
    }
  }

  /**
   * Reads a fault file (a mapping with a {@code faults:} list, as in a line file) for {@code
   * line}, checking every fault against it.
   */
  public static List<FaultSpec> readFaultFile(String file, String text, LineDefinition line)
      throws InvalidDefinitionException {
    Problems problems = new Problems();
    Optional<YamlNode> root = YamlReader.read(file, text, problems);
    if (root.isPresent() && !(root.get() instanceof YamlMap)) {
      problems.add(root.get().location(), "", "a fault file must be a mapping",
          "write 'faults:' and a list of faults below it");
    }
    List<FaultSpec> faults = new ArrayList<>();
    if (root.isPresent() && root.get() instanceof YamlMap map) {
      MapReader top = new MapReader(map, "", "a fault file", problems);
      Optional<YamlList> list = top.list("faults", true, "");
      top.finish();
      list.ifPresent(
          l -> faults.addAll(readFaults(l, line.components(), line.signals(), problems)));
    }
    problems.throwIfAny();
    return faults;
  }

  /**
   * Reads one fault written as a YAML mapping, e.g. {@code {id: F1, target: Belt, kind: jam}},
   * checking it against {@code line}.
   */
  public static FaultSpec readFault(String source, String text, LineDefinition line)
      throws InvalidDefinitionException {
    Problems problems = new Problems();
    Optional<YamlNode> root = YamlReader.read(source, text, problems);
    if (root.isPresent() && !(root.get() instanceof YamlMap)) {
      problems.add(root.get().location(), "", "a fault must be a mapping", "");
    }
    problems.throwIfAny();
    YamlList list = new YamlList(root.get().location(), List.of(root.get()));
    List<FaultSpec> faults = readFaults(list, line.components(), line.signals(), problems);
    problems.throwIfAny();
    return faults.get(0);
  }

  /**
   * Reads one fault written as a YAML mapping inside another file (a sequence file's
   * {@code inject-fault:} step), adding its problems, with their locations, to {@code problems}.
   */
  public static Optional<FaultSpec> readFault(
      YamlNode node, LineDefinition line, Problems problems) {
    List<FaultSpec> faults =
        readFaults(new YamlList(node.location(), List.of(node)), line.components(),
            line.signals(), problems);
    return faults.isEmpty() ? Optional.empty() : Optional.of(faults.get(0));
  }

  private static List<FaultSpec> readFaults(
      YamlList list,
      List<ReadComponent> components,
      Map<SignalPath, SignalOptions> options,
      Problems problems) {
    List<ComponentDefinition> definitions = definitions(components);
    return readFaults(list, definitions, signals(definitions, options), problems);
  }

  private static List<RecipeDefinition> readRecipes(
      YamlList list,
      List<ReadComponent> components,
      Map<SignalPath, SignalOptions> options,
      Problems problems) {
    List<ComponentDefinition> definitions = definitions(components);
    return RecipeReader.read(list, definitions, signals(definitions, options), problems);
  }

  private static List<ComponentDefinition> definitions(List<ReadComponent> components) {
    return components.stream().map(ReadComponent::definition).toList();
  }

  /** The signals the components have, with the file's signal options applied. */
  private static List<SignalDefinition> signals(
      List<ComponentDefinition> definitions, Map<SignalPath, SignalOptions> options) {
    return new LineDefinition("check", "", DEFAULT_IO_CYCLE, 0, definitions, options, List.of(), "")
        .signals();
  }

  private static List<FaultSpec> readFaults(
      YamlList list,
      List<ComponentDefinition> definitions,
      List<SignalDefinition> signals,
      Problems problems) {
    List<FaultSpec> faults = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < list.items().size(); i++) {
      YamlNode item = list.items().get(i);
      String path = "faults[" + i + "]";
      if (!(item instanceof YamlMap map)) {
        problems.add(item.location(), path, "a fault must be a mapping",
            "write '- {id: F1, target: Infeed, kind: jam, at: 30 s}'");
        continue;
      }
      MapReader f = new MapReader(map, path, "a fault", problems);
      Optional<FaultSpec> spec = FaultReader.read(f);
      f.finish();
      if (spec.isEmpty()) {
        continue;
      }
      if (!ids.add(spec.get().id())) {
        f.problem("id", "fault id '" + spec.get().id() + "' is used twice", "");
        continue;
      }
      Optional<String> problem = FaultChecks.problem(spec.get(), definitions, signals);
      if (problem.isPresent()) {
        f.problem("target", problem.get(), "");
        continue;
      }
      faults.add(spec.get());
    }
    return faults;
  }
}
