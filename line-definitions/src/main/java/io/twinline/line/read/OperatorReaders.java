package io.twinline.line.read;

import static io.twinline.line.read.FlowReaders.okIfPresent;
import static io.twinline.line.read.FlowReaders.reader;

import io.twinline.line.Analog;
import io.twinline.line.Direction;
import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalPath;
import io.twinline.line.SignalType;
import io.twinline.line.model.ComponentDefinition;
import io.twinline.line.model.EmergencyStopDefinition;
import io.twinline.line.model.GuardDoorDefinition;
import io.twinline.line.model.LampDefinition;
import io.twinline.line.model.PushButtonDefinition;
import io.twinline.line.model.SelectorSwitchDefinition;
import io.twinline.line.model.StackLightDefinition;
import io.twinline.line.model.VariablesDefinition;
import io.twinline.line.yaml.YamlList;
import io.twinline.line.yaml.YamlMap;
import io.twinline.line.yaml.YamlNode;
import io.twinline.line.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Readers of operator devices and plain variables. */
final class OperatorReaders {

  private OperatorReaders() {}

  static List<ComponentReader> all() {
    return List.of(
        reader(PushButtonDefinition.TYPE, "a push button", OperatorReaders::pushButton),
        reader(SelectorSwitchDefinition.TYPE, "a selector switch", OperatorReaders::selector),
        reader(EmergencyStopDefinition.TYPE, "an emergency stop", OperatorReaders::emergencyStop),
        reader(LampDefinition.TYPE, "a lamp", OperatorReaders::lamp),
        reader(StackLightDefinition.TYPE, "a stack light", OperatorReaders::stackLight),
        reader(GuardDoorDefinition.TYPE, "a guard door", OperatorReaders::guardDoor),
        reader(VariablesDefinition.TYPE, "a variables block", OperatorReaders::variables));
  }

  private static Optional<ComponentDefinition> pushButton(
      MapReader fields, String name, String description, References references) {
    Optional<String> contact = fields.choice("contact", List.of("NO", "NC"), "NO");
    Optional<String> mode = fields.choice("mode", List.of("momentary", "latching"), "momentary");
    boolean illuminated = fields.bool("illuminated", false);
    if (contact.isEmpty() || mode.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new PushButtonDefinition(
            name, description, fields.location(), contact.get().equals("NC"),
            mode.get().equals("latching"), illuminated));
  }

  private static Optional<ComponentDefinition> selector(
      MapReader fields, String name, String description, References references) {
    Optional<List<String>> positions = fields.names("positions", true, "[Off, Hand, Auto]");
    Optional<String> initial = fields.name("initial", false, "Off");
    if (positions.isEmpty() || !okIfPresent(fields, "initial", initial)) {
      return Optional.empty();
    }
    if (positions.get().size() < 2) {
      fields.problem("positions", "a selector switch needs at least two positions", "");
      return Optional.empty();
    }
    if (positions.get().contains(SelectorSwitchDefinition.POSITION)) {
      fields.problem("positions", "'Position' is the name of the index signal",
          "call the switch position something else");
      return Optional.empty();
    }
    if (initial.isPresent() && !positions.get().contains(initial.get())) {
      fields.problem("initial", "'" + initial.get() + "' is not one of the positions",
          Suggestions.hint(initial.get(), positions.get(), "positions"));
      return Optional.empty();
    }
    return Optional.of(
        new SelectorSwitchDefinition(
            name, description, fields.location(), positions.get(),
            initial.orElse(positions.get().get(0))));
  }

  private static Optional<ComponentDefinition> emergencyStop(
      MapReader fields, String name, String description, References references) {
    Optional<Long> channels = fields.integer("channels", false, "2");
    if (channels.isPresent() && channels.get() != 1 && channels.get() != 2) {
      fields.problem("channels", "an e-stop has 1 or 2 channels", "");
      return Optional.empty();
    }
    return Optional.of(
        new EmergencyStopDefinition(
            name, description, fields.location(), channels.orElse(1L).intValue()));
  }

  private static Optional<ComponentDefinition> lamp(
      MapReader fields, String name, String description, References references) {
    return Optional.of(new LampDefinition(name, description, fields.location()));
  }

  private static Optional<ComponentDefinition> stackLight(
      MapReader fields, String name, String description, References references) {
    Optional<List<String>> elements =
        fields.names("elements", false, "[Red, Yellow, Green, Buzzer]");
    if (!okIfPresent(fields, "elements", elements)) {
      return Optional.empty();
    }
    return Optional.of(
        new StackLightDefinition(
            name, description, fields.location(),
            elements.orElse(List.of("Red", "Yellow", "Green"))));
  }

  private static Optional<ComponentDefinition> guardDoor(
      MapReader fields, String name, String description, References references) {
    return Optional.of(
        new GuardDoorDefinition(name, description, fields.location(), fields.bool("lock", false)));
  }

  private static Optional<ComponentDefinition> variables(
      MapReader fields, String name, String description, References references) {
    Optional<YamlList> list = fields.list("variables", true, "");
    if (list.isEmpty()) {
      return Optional.empty();
    }
    List<SignalDefinition> variables = new ArrayList<>();
    Set<String> names = new HashSet<>();
    boolean ok = true;
    for (int i = 0; i < list.get().items().size(); i++) {
      YamlNode item = list.get().items().get(i);
      String path = fields.pathOf("variables") + "[" + i + "]";
      if (!(item instanceof YamlMap map)) {
        fields.problems().add(item.location(), path, "a variable must be a mapping",
            "write '- {name: Number, type: Int16, direction: output}'");
        ok = false;
        continue;
      }
      MapReader v = new MapReader(map, path, "a variable", fields.problems());
      Optional<SignalDefinition> variable = variable(v, name, fields);
      Optional<Long> count = v.integer("count", false, "40");
      v.finish();
      if (count.isPresent() && (count.get() < 1 || count.get() > MAX_COUNT)) {
        v.problem("count", "'count' must be 1 to " + MAX_COUNT + ", not " + count.get(),
            "'count: 40' makes Name0 to Name39");
        ok = false;
        continue;
      }
      ok &= variable.isPresent();
      if (variable.isEmpty()) {
        continue;
      }
      for (SignalDefinition one : expand(variable.get(), count.orElse(0L).intValue())) {
        if (!names.add(one.path().signal())) {
          v.problem("name", "variable '" + one.path().signal() + "' is defined twice", "");
          ok = false;
        }
        variables.add(one);
      }
    }
    if (ok && variables.isEmpty()) {
      fields.problem("variables", "'variables' is empty", "list at least one variable");
      return Optional.empty();
    }
    return ok
        ? Optional.of(new VariablesDefinition(name, description, fields.location(), variables))
        : Optional.empty();
  }

  /** The most variables one {@code count:} makes. */
  static final int MAX_COUNT = 100_000;

  /**
   * The variable itself, or with {@code count: n} the n variables {@code Name0} to {@code
   * Name<n-1>}, alike but for their names: the arrays of a PLC's I/O lists.
   */
  private static List<SignalDefinition> expand(SignalDefinition variable, int count) {
    if (count == 0) {
      return List.of(variable);
    }
    List<SignalDefinition> all = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      all.add(new SignalDefinition(
          new SignalPath(variable.path().component(), variable.path().signal() + i),
          variable.type(), variable.direction(), variable.description(), variable.location(),
          variable.tag(), variable.analog(), variable.writableByClients(), variable.rawOf(),
          variable.initial()));
    }
    return all;
  }

  private static Optional<SignalDefinition> variable(
      MapReader v, String component, MapReader owner) {
    Optional<String> name = v.name("name", true, "RecipeNumber");
    Optional<String> typeName = v.text("type", true, "Int16");
    Optional<String> direction = v.choice("direction", List.of("input", "output"), "input");
    String description = v.text("description", false, "").orElse("");
    Optional<String> unit = v.text("unit", false, "mm");
    Optional<YamlList> range = v.list("range", false, "[0, 100]");
    Optional<YamlNode> initial = v.node("initial");
    Optional<SignalType> type = typeName.flatMap(SignalType::parse);
    if (typeName.isPresent() && type.isEmpty()) {
      List<String> types = new ArrayList<>();
      for (SignalType t : SignalType.values()) {
        types.add(t.displayName());
      }
      v.problem("type", "unknown data type '" + typeName.get() + "'",
          Suggestions.hint(typeName.get(), types, "types"));
    }
    Optional<Analog> analog = Optional.empty();
    if (range.isPresent()) {
      analog = range(v, range.get(), unit.orElse(""));
      if (analog.isEmpty()) {
        return Optional.empty();
      }
      if (type.isPresent() && !type.get().isNumeric()) {
        v.problem("range", "only numeric variables have a range", "");
        return Optional.empty();
      }
    } else if (unit.isPresent()) {
      v.problem("unit", "a unit needs a 'range' too", "add 'range: [0, 100]'");
      return Optional.empty();
    }
    if (name.isEmpty() || type.isEmpty() || direction.isEmpty()) {
      return Optional.empty();
    }
    SignalDefinition signal =
        new SignalDefinition(
            new SignalPath(component, name.get()),
            type.get(),
            direction.get().equals("output") ? Direction.OUTPUT : Direction.INPUT,
            description,
            owner.location());
    if (analog.isPresent()) {
      signal = signal.withAnalog(analog.get());
    }
    if (initial.isPresent()) {
      if (!(initial.get() instanceof YamlScalar scalar)) {
        v.problem("initial", "'initial' must be a single value", "");
        return Optional.empty();
      }
      Object value;
      try {
        value = type.get().parseValue(scalar.text());
      } catch (IllegalArgumentException e) {
        v.problem("initial", e.getMessage(), "");
        return Optional.empty();
      }
      if (analog.isPresent() && value instanceof Number number
          && !(number.doubleValue() >= analog.get().min()
              && number.doubleValue() <= analog.get().max())) {
        v.problem("initial", "initial value " + scalar.text().strip() + " is outside the range "
                + range(analog.get()),
            "give a value from " + number(analog.get().min()) + " to "
                + number(analog.get().max()) + ", or widen 'range'");
        return Optional.empty();
      }
      signal = signal.withInitial(value);
    }
    return Optional.of(signal);
  }

  private static String range(Analog analog) {
    return "[" + number(analog.min()) + ", " + number(analog.max()) + "]";
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value) : Double.toString(value);
  }

  private static Optional<Analog> range(MapReader v, YamlList list, String unit) {
    if (list.items().size() != 2
        || !(list.items().get(0) instanceof YamlScalar low)
        || !(list.items().get(1) instanceof YamlScalar high)) {
      v.problem("range", "'range' must be [min, max]", "e.g. 'range: [0, 100]'");
      return Optional.empty();
    }
    try {
      double min = Double.parseDouble(low.text());
      double max = Double.parseDouble(high.text());
      if (!(max > min)) {
        v.problem("range", "'range' needs max above min", "");
        return Optional.empty();
      }
      return Optional.of(new Analog(unit, min, max));
    } catch (NumberFormatException e) {
      v.problem("range", "'range' must hold two numbers", "e.g. 'range: [0, 100]'");
      return Optional.empty();
    }
  }
}
