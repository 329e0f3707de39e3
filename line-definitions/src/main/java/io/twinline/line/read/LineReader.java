package io.twinline.line.read;

import io.twinline.line.InvalidDefinitionException;
import io.twinline.line.Problems;
import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalPath;
import io.twinline.line.model.ComponentDefinition;
import io.twinline.line.model.ConveyorDefinition;
import io.twinline.line.model.LineDefinition;
import io.twinline.line.model.PhotoEyeDefinition;
import io.twinline.line.model.SourceDefinition;
import io.twinline.line.yaml.YamlList;
import io.twinline.line.yaml.YamlMap;
import io.twinline.line.yaml.YamlNode;
import io.twinline.line.yaml.YamlReader;
import io.twinline.line.yaml.YamlScalar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads a line file into a {@link LineDefinition}, or refuses it with every problem found.
 *
 * <p>Three passes: the names and types of all components (so references can be checked where
 * they are written), then each component in full, then the checks that span components (a
 * photo-eye beyond the end of its conveyor, two feeders on one conveyor, two signals with one
 * name).
 */
public final class LineReader {

  static final Duration DEFAULT_IO_CYCLE = Duration.ofMillis(10);
  static final long DEFAULT_SEED = 1;

  private static final Map<String, ComponentReader> READERS =
      FlowReaders.all().stream()
          .collect(
              Collectors.toMap(
                  ComponentReader::type, Function.identity(), (a, b) -> a, LinkedHashMap::new));

  private record ReadComponent(ComponentDefinition definition, MapReader fields) {}

  private LineReader() {}

  /** The component type keywords this version understands, in documentation order. */
  public static List<String> componentTypes() {
    return List.copyOf(READERS.keySet());
  }

  public static LineDefinition read(String file, String text) throws InvalidDefinitionException {
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
    String description = top.text("description", false, "").orElse("");
    Duration ioCycle = top.duration("ioCycle", false, false, "10 ms").orElse(DEFAULT_IO_CYCLE);
    long seed = top.integer("seed", false, "42").orElse(DEFAULT_SEED);
    List<YamlMap> items = componentItems(top);
    top.finish();

    References references = new References(declaredTypes(items), declaredNames(items));
    List<ReadComponent> components = readComponents(items, references, problems);
    checkAcrossComponents(components, problems);

    problems.throwIfAny();
    return new LineDefinition(
        name.orElseThrow(),
        description,
        ioCycle,
        seed,
        components.stream().map(ReadComponent::definition).toList(),
        file);
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

  private static java.util.Set<String> declaredNames(List<YamlMap> items) {
    java.util.Set<String> names = new java.util.HashSet<>();
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
      List<YamlMap> items, References references, Problems problems) {
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
      if (name.isPresent()) {
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
      fields.finish();
      if (name.isPresent() && definition.isPresent() && !duplicate) {
        components.add(new ReadComponent(definition.get(), fields));
      }
    }
    return components;
  }

  private static void checkAcrossComponents(List<ReadComponent> components, Problems problems) {
    Map<String, ConveyorDefinition> conveyors = new HashMap<>();
    for (ReadComponent c : components) {
      if (c.definition() instanceof ConveyorDefinition conveyor) {
        conveyors.put(conveyor.name(), conveyor);
      }
    }
    Map<String, String> feederOf = new HashMap<>();
    Map<SignalPath, SignalDefinition> signals = new HashMap<>();
    for (ReadComponent c : components) {
      ComponentDefinition definition = c.definition();
      if (definition instanceof PhotoEyeDefinition eye) {
        ConveyorDefinition conveyor = conveyors.get(eye.conveyor());
        if (conveyor != null && eye.position() > conveyor.length()) {
          c.fields()
              .problem(
                  "position",
                  "position " + eye.position() + " m is beyond the end of conveyor "
                      + conveyor.name() + " (" + conveyor.length() + " m long)",
                  "place the photo-eye between 0 m and " + conveyor.length() + " m");
        }
      }
      Optional<String> feeds =
          definition instanceof SourceDefinition source
              ? Optional.of(source.to())
              : definition instanceof ConveyorDefinition conveyor ? conveyor.to() : Optional.empty();
      if (feeds.isPresent() && conveyors.containsKey(feeds.get())) {
        String other = feederOf.putIfAbsent(feeds.get(), definition.name());
        if (other != null) {
          c.fields()
              .problem(
                  "to",
                  "conveyor " + feeds.get() + " is already fed by " + other,
                  "a conveyor takes parts from one feeder; give each feeder its own conveyor");
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
      }
    }
  }
}
