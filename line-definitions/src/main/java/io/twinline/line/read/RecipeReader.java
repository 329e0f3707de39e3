package io.twinline.line.read;

import io.twinline.line.Direction;
import io.twinline.line.Problems;
import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalPath;
import io.twinline.line.model.ComponentDefinition;
import io.twinline.line.model.GuideDefinition;
import io.twinline.line.model.PartTemplate;
import io.twinline.line.model.RecipeDefinition;
import io.twinline.line.model.RecipeDefinition.Setting;
import io.twinline.line.model.StationDefinition;
import io.twinline.line.units.Dimension;
import io.twinline.line.units.DurationDistribution;
import io.twinline.line.yaml.YamlList;
import io.twinline.line.yaml.YamlMap;
import io.twinline.line.yaml.YamlNode;
import io.twinline.line.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a line's {@code recipes:}: per recipe its name, number, the component parameters it sets
 * ({@code components:}) and the PLC inputs it sets ({@code signals:}), each checked against the
 * line's components and signals.
 */
final class RecipeReader {

  private static final String EXAMPLE =
      "- {name: large, number: 2, components: {Filler: {processTime: 1.6 s}}, "
          + "signals: {Recipe/Number: 2}}";

  private RecipeReader() {}

  static List<RecipeDefinition> read(YamlList list, List<ComponentDefinition> components,
      List<SignalDefinition> signals, Problems problems) {
    Map<String, ComponentDefinition> byName = new LinkedHashMap<>();
    components.forEach(c -> byName.put(c.name(), c));
    Map<SignalPath, SignalDefinition> signalsByPath = new HashMap<>();
    signals.forEach(s -> signalsByPath.put(s.path(), s));
    List<RecipeDefinition> recipes = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Map<Integer, String> numbers = new HashMap<>();
    for (int i = 0; i < list.items().size(); i++) {
      YamlNode item = list.items().get(i);
      String path = "recipes[" + i + "]";
      if (!(item instanceof YamlMap map)) {
        problems.add(item.location(), path, "a recipe must be a mapping", "write '" + EXAMPLE
            + "'");
        continue;
      }
      MapReader r = new MapReader(map, path, "a recipe", problems);
      Optional<String> name = r.name("name", true, "large");
      long number = r.integer("number", false, "2").orElse((long) i + 1);
      String description = r.text("description", false, "1.5 l bottles").orElse("");
      Optional<YamlMap> settingsMap = r.map("components", false, "{Filler: {processTime: 2 s}}");
      Optional<YamlMap> signalsMap = r.map("signals", false, "{Recipe/Number: 2}");
      r.finish();
      boolean ok = name.isPresent();
      if (number < 0 || number > Integer.MAX_VALUE) {
        r.problem("number", "a recipe number is 0 or more", "");
        ok = false;
      }
      if (name.isPresent() && !names.add(name.get())) {
        r.problem("name", "recipe '" + name.get() + "' is declared twice", "");
        ok = false;
      }
      if (ok) {
        String other = numbers.putIfAbsent((int) number, name.get());
        if (other != null) {
          r.problem("number", "recipe number " + number + " is also recipe '" + other + "'",
              "give every recipe its own number");
          ok = false;
        }
      }
      List<Setting> settings = new ArrayList<>();
      if (settingsMap.isPresent()) {
        ok &= settings(settingsMap.get(), r.pathOf("components"), byName, settings, problems);
      }
      Map<SignalPath, Object> values = new LinkedHashMap<>();
      if (signalsMap.isPresent()) {
        ok &= signals(signalsMap.get(), r.pathOf("signals"), signalsByPath, values, problems);
      }
      if (ok) {
        recipes.add(new RecipeDefinition(name.get(), (int) number, description, map.location(),
            settings, values));
      }
    }
    return recipes;
  }

  private static boolean settings(YamlMap map, String path,
      Map<String, ComponentDefinition> components, List<Setting> settings, Problems problems) {
    boolean ok = true;
    for (YamlMap.Entry entry : map.entries()) {
      String entryPath = path + "." + entry.key();
      ComponentDefinition component = components.get(entry.key());
      if (component == null) {
        problems.add(entry.keyLocation(), entryPath, "no component '" + entry.key() + "'",
            Suggestions.hint(entry.key(), components.keySet(), "components"));
        ok = false;
        continue;
      }
      List<String> parameters = RecipeDefinition.PARAMETERS.get(component.type());
      if (component instanceof GuideDefinition guide
          && guide.drive() == GuideDefinition.Drive.PLC) {
        problems.add(entry.keyLocation(), entryPath,
            "guide " + guide.name() + " is moved by the PLC, not by the recipe",
            "set the recipe signal the PLC downloads into " + guide.name() + "/Setpoint, or "
                + "give the guide 'drive: recipe'");
        ok = false;
        continue;
      }
      if (parameters == null) {
        problems.add(entry.keyLocation(), entryPath,
            "a recipe cannot change " + component.name() + " (a " + component.type() + ")",
            "recipes set: conveyor speed, source interval and part(s), station processTime "
                + "and fillVolume, guide position");
        ok = false;
        continue;
      }
      if (!(entry.value() instanceof YamlMap values)) {
        problems.add(entry.value().location(), entryPath,
            "the settings of " + component.name() + " must be a mapping",
            "write '" + component.name() + ": {" + parameters.get(0) + ": ...}'");
        ok = false;
        continue;
      }
      MapReader fields = new MapReader(values, entryPath,
          "the recipe settings of " + component.name(), problems);
      for (String key : values.keys()) {
        if (!parameters.contains(key)) {
          fields.problem(key, "a recipe cannot set '" + key + "' of a " + component.type(),
              Suggestions.hint(key, parameters, "it sets"));
          ok = false;
        }
      }
      fields.ignore(values.keys());
      boolean partsRead = false;
      for (String key : values.keys()) {
        if (!parameters.contains(key)) {
          continue;
        }
        if (key.equals("part") || key.equals("parts")) {
          if (partsRead) {
            continue; // one reading takes both keys (and refuses having both)
          }
          partsRead = true;
        }
        Optional<?> value = value(fields, key, component);
        if (value.isEmpty()) {
          ok = false;
          continue;
        }
        String parameter = key.equals("part") ? "parts" : key;
        settings.add(new Setting(component.name(), parameter, value.get(),
            fields.location(key)));
      }
      fields.finish();
    }
    return ok;
  }

  private static Optional<?> value(MapReader fields, String key, ComponentDefinition component) {
    switch (key) {
      case "speed":
        return fields.positive("speed", true, Dimension.SPEED, "0.3 m/s");
      case "processTime":
      case "interval": {
        Optional<DurationDistribution> d = fields.distribution(key, true, key.equals("processTime"), "normal(2 s, 100 ms)");
        return d;
      }
      case "part":
      case "parts": {
        Optional<List<PartTemplate>> parts = FlowReaders.parts(fields);
        return parts;
      }
      case StationDefinition.FILL_VOLUME_PARAMETER: {
        StationDefinition station = (StationDefinition) component;
        if (station.fill().isEmpty()) {
          fields.problem(key, "station " + station.name() + " does not fill",
              "give it 'fillVolume' and 'fillRate' in the line, then recipes can change the "
                  + "volume");
          return Optional.empty();
        }
        return fields.positive(key, true, Dimension.VOLUME, "330 ml");
      }
      case GuideDefinition.TARGET_PARAMETER: {
        GuideDefinition guide = (GuideDefinition) component;
        Optional<Double> position = fields.length(key, true, true, "80 mm");
        if (position.isPresent()
            && (position.get() < guide.min() - 1e-12 || position.get() > guide.max() + 1e-12)) {
          fields.problem(key, "guide " + guide.name() + " reaches "
                  + guide.range().min() + " mm to " + guide.range().max() + " mm only",
              "give a position in that range");
          return Optional.empty();
        }
        return position;
      }
      default:
        throw new IllegalArgumentException(key);
    }
  }

  private static boolean signals(YamlMap map, String path, Map<SignalPath, SignalDefinition> all,
      Map<SignalPath, Object> values, Problems problems) {
    boolean ok = true;
    for (YamlMap.Entry entry : map.entries()) {
      String entryPath = path + "." + entry.key();
      SignalDefinition signal =
          Optional.ofNullable(parsePath(entry.key())).map(all::get).orElse(null);
      if (signal == null) {
        String component = entry.key().contains("/")
            ? entry.key().substring(0, entry.key().indexOf('/')) : "";
        List<String> inputs = all.keySet().stream()
            .filter(p -> all.get(p).direction() == Direction.INPUT)
            .map(SignalPath::toString).sorted().toList();
        List<String> ofComponent =
            inputs.stream().filter(p -> p.startsWith(component + "/")).toList();
        problems.add(entry.keyLocation(), entryPath, "no signal '" + entry.key() + "'",
            ofComponent.isEmpty()
                ? Suggestions.hint(entry.key(), inputs, "inputs")
                : Suggestions.hint(entry.key(), ofComponent, "inputs of " + component));
        ok = false;
        continue;
      }
      if (signal.direction() != Direction.INPUT) {
        problems.add(entry.keyLocation(), entryPath,
            signal.path() + " is an output, written by the PLC",
            "a recipe sets what the PLC reads: the recipe number and the parameters it "
                + "downloads (inputs, e.g. of a 'variables' component)");
        ok = false;
        continue;
      }
      if (!(entry.value() instanceof YamlScalar scalar)) {
        problems.add(entry.value().location(), entryPath, "a signal's value must be one value",
            "write '" + entry.key() + ": 2'");
        ok = false;
        continue;
      }
      try {
        Object value = signal.type().parseValue(scalar.text());
        if (signal.analog().isPresent() && signal.rawOf().isEmpty()) {
          double v = ((Number) value).doubleValue();
          if (v < signal.analog().get().min() || v > signal.analog().get().max()) {
            problems.add(scalar.location(), entryPath,
                signal.path() + " takes " + signal.analog().get().min() + ".."
                    + signal.analog().get().max() + " " + signal.analog().get().unit(), "");
            ok = false;
            continue;
          }
        }
        values.put(signal.path(), value);
      } catch (IllegalArgumentException e) {
        problems.add(scalar.location(), entryPath, e.getMessage(), "");
        ok = false;
      }
    }
    return ok;
  }

  private static SignalPath parsePath(String text) {
    try {
      return SignalPath.parse(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
