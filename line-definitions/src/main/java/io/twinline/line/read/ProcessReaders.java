package io.twinline.line.read;

import static io.twinline.line.read.FlowReaders.present;
import static io.twinline.line.read.FlowReaders.okIfPresent;
import static io.twinline.line.read.FlowReaders.reader;

import io.twinline.line.Analog;
import io.twinline.line.model.ComponentDefinition;
import io.twinline.line.model.HeaterDefinition;
import io.twinline.line.model.MotorDefinition;
import io.twinline.line.model.TankDefinition;
import io.twinline.line.model.ValveDefinition;
import io.twinline.line.units.Dimension;
import io.twinline.line.yaml.YamlList;
import io.twinline.line.yaml.YamlMap;
import io.twinline.line.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Readers of the continuous (process) components: tanks and heaters. */
final class ProcessReaders {

  private static final double ABSOLUTE_ZERO = -273.15;

  private ProcessReaders() {}

  static List<ComponentReader> all() {
    return List.of(
        reader(TankDefinition.TYPE, "a tank", ProcessReaders::tank),
        reader(HeaterDefinition.TYPE, "a heater", ProcessReaders::heater));
  }

  private static Optional<ComponentDefinition> tank(
      MapReader fields, String name, String description, References references) {
    Optional<Double> area = fields.positive("area", true, Dimension.AREA, "0.8 m2");
    Optional<Double> height = fields.length("height", true, false, "2 m");
    Optional<Double> initial = fields.length("initialLevel", false, true, "0.5 m");
    Optional<List<TankDefinition.Port>> inlets = ports(fields, "inlets", name, references);
    Optional<List<TankDefinition.Port>> outlets = ports(fields, "outlets", name, references);
    Optional<List<TankDefinition.LevelSwitch>> switches = levelSwitches(fields, height);
    if (initial.isPresent() && height.isPresent() && initial.get() > height.get()) {
      fields.problem("initialLevel", "the initial level is above the tank's height", "");
      return Optional.empty();
    }
    if (!present(area, height, inlets, outlets, switches)
        || !okIfPresent(fields, "initialLevel", initial)) {
      return Optional.empty();
    }
    return Optional.of(
        new TankDefinition(
            name, description, fields.location(), area.get(), height.get(), initial.orElse(0.0),
            inlets.get(), outlets.get(), switches.get()));
  }

  private static Optional<List<TankDefinition.Port>> ports(
      MapReader fields, String key, String tank, References references) {
    Optional<YamlList> list = fields.list(key, false, "");
    if (list.isEmpty()) {
      return fields.keys().contains(key) ? Optional.empty() : Optional.of(List.of());
    }
    List<TankDefinition.Port> ports = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < list.get().items().size(); i++) {
      YamlNode item = list.get().items().get(i);
      String path = fields.pathOf(key) + "[" + i + "]";
      if (!(item instanceof YamlMap map)) {
        fields.problems().add(item.location(), path, "a port must be a mapping",
            "write '- {valve: V1, flow: 2 l/s}' or '- {pump: P1, flow: 1 l/s}'");
        ok = false;
        continue;
      }
      MapReader port = new MapReader(map, path, "a port", fields.problems());
      boolean viaValve = port.keys().contains("valve");
      boolean viaPump = port.keys().contains("pump");
      Optional<String> through;
      if (viaValve == viaPump) {
        port.problem("valve", "a port goes through either a 'valve' or a 'pump'", "");
        port.ignore(List.of("valve", "pump"));
        through = Optional.empty();
      } else if (viaValve) {
        through = references.read(port, "valve", true, tank, Set.of(ValveDefinition.TYPE));
      } else {
        through = references.read(port, "pump", true, tank, Set.of(MotorDefinition.TYPE));
      }
      Optional<Double> flow = port.positive("flow", true, Dimension.FLOW, "2 l/s");
      port.finish();
      if (through.isPresent() && flow.isPresent()) {
        ports.add(new TankDefinition.Port(through.get(), flow.get()));
      } else {
        ok = false;
      }
    }
    return ok ? Optional.of(ports) : Optional.empty();
  }

  private static Optional<List<TankDefinition.LevelSwitch>> levelSwitches(
      MapReader fields, Optional<Double> height) {
    Optional<YamlList> list = fields.list("switches", false, "");
    if (list.isEmpty()) {
      return fields.keys().contains("switches") ? Optional.empty() : Optional.of(List.of());
    }
    List<TankDefinition.LevelSwitch> switches = new ArrayList<>();
    Set<String> names = new HashSet<>();
    boolean ok = true;
    for (int i = 0; i < list.get().items().size(); i++) {
      YamlNode item = list.get().items().get(i);
      String path = fields.pathOf("switches") + "[" + i + "]";
      if (!(item instanceof YamlMap map)) {
        fields.problems().add(item.location(), path, "a level switch must be a mapping",
            "write '- {name: HighLevel, above: 1.8 m}'");
        ok = false;
        continue;
      }
      MapReader s = new MapReader(map, path, "a level switch", fields.problems());
      Optional<String> name = s.name("name", true, "HighLevel");
      boolean above = s.keys().contains("above");
      if (above == s.keys().contains("below")) {
        s.problem("above", "a level switch is either 'above' or 'below' a level",
            "write 'above: 1.8 m' or 'below: 0.2 m'");
        s.ignore(List.of("above", "below"));
        s.finish();
        ok = false;
        continue;
      }
      String key = above ? "above" : "below";
      Optional<Double> level = s.length(key, true, true, "1.8 m");
      if (level.isPresent() && height.isPresent() && level.get() > height.get()) {
        s.problem(key, "the switch is above the top of the tank", "");
        level = Optional.empty();
      }
      s.finish();
      if (name.isPresent() && !names.add(name.get())) {
        s.problem("name", "switch '" + name.get() + "' is defined twice", "");
        ok = false;
      } else if (name.isPresent() && (name.get().equals(TankDefinition.LEVEL)
          || name.get().equals(TankDefinition.OVERFLOW))) {
        s.problem("name", "'" + name.get() + "' is taken by the tank's own signal", "");
        ok = false;
      } else if (name.isPresent() && level.isPresent()) {
        switches.add(new TankDefinition.LevelSwitch(name.get(), level.get(), above));
      } else {
        ok = false;
      }
    }
    return ok ? Optional.of(switches) : Optional.empty();
  }

  private static Optional<ComponentDefinition> heater(
      MapReader fields, String name, String description, References references) {
    Optional<String> control = fields.choice("control", List.of("on-off", "power"), "on-off");
    Optional<Double> power = fields.positive("power", true, Dimension.POWER, "6 kW");
    Optional<Double> capacity =
        fields.positive("heatCapacity", true, Dimension.HEAT_CAPACITY, "2100 kJ/K");
    Optional<Double> loss =
        fields.positive("lossCoefficient", true, Dimension.THERMAL_CONDUCTANCE, "15 W/K");
    Optional<Double> ambientRead =
        aboveAbsoluteZero(fields, "ambient",
            fields.quantity("ambient", false, Dimension.TEMPERATURE, "20 °C"));
    double ambient = ambientRead.orElse(20.0);
    Optional<Double> initial = aboveAbsoluteZero(fields, "initial",
        fields.quantity("initial", false, Dimension.TEMPERATURE, "20 °C"));
    Optional<Double> maxTemp = fields.quantity("rangeMax", false, Dimension.TEMPERATURE, "150 °C");
    Optional<List<HeaterDefinition.TemperatureSwitch>> switches = temperatureSwitches(fields);
    if (!present(control, power, capacity, loss, switches)
        || !okIfPresent(fields, "ambient", ambientRead)
        || !okIfPresent(fields, "initial", initial)
        || !okIfPresent(fields, "rangeMax", maxTemp)) {
      return Optional.empty();
    }
    double top = maxTemp.orElse(150.0);
    if (top <= 0) {
      fields.problem("rangeMax", "the transmitter's range must end above 0 °C", "");
      return Optional.empty();
    }
    return Optional.of(
        new HeaterDefinition(
            name, description, fields.location(), control.get().equals("power"), power.get(),
            capacity.get(), loss.get(), ambient, initial.orElse(ambient),
            new Analog("°C", 0, top), switches.get()));
  }

  private static Optional<Double> aboveAbsoluteZero(
      MapReader fields, String key, Optional<Double> celsius) {
    if (celsius.isPresent() && celsius.get() < ABSOLUTE_ZERO) {
      fields.problem(key, "'" + key + "' is below absolute zero (-273.15 °C)",
          "e.g. '20 °C'");
      return Optional.empty();
    }
    return celsius;
  }

  private static Optional<List<HeaterDefinition.TemperatureSwitch>> temperatureSwitches(
      MapReader fields) {
    Optional<YamlList> list = fields.list("switches", false, "");
    if (list.isEmpty()) {
      return fields.keys().contains("switches") ? Optional.empty() : Optional.of(List.of());
    }
    List<HeaterDefinition.TemperatureSwitch> switches = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < list.get().items().size(); i++) {
      YamlNode item = list.get().items().get(i);
      String path = fields.pathOf("switches") + "[" + i + "]";
      if (!(item instanceof YamlMap map)) {
        fields.problems().add(item.location(), path, "a temperature switch must be a mapping",
            "write '- {name: AtTemperature, above: 80 °C, hysteresis: 2 K}'");
        ok = false;
        continue;
      }
      MapReader s = new MapReader(map, path, "a temperature switch", fields.problems());
      Optional<String> name = s.name("name", true, "AtTemperature");
      boolean above = s.keys().contains("above");
      if (above == s.keys().contains("below")) {
        s.problem("above", "a temperature switch is either 'above' or 'below' a temperature",
            "write 'above: 80 °C' or 'below: 5 °C'");
        s.ignore(List.of("above", "below"));
        s.finish();
        ok = false;
        continue;
      }
      Optional<Double> at =
          s.quantity(above ? "above" : "below", true, Dimension.TEMPERATURE, "80 °C");
      Optional<Double> hysteresis =
          s.quantity("hysteresis", false, Dimension.TEMPERATURE_DIFFERENCE, "2 K");
      if (hysteresis.isPresent() && hysteresis.get() < 0) {
        s.problem("hysteresis", "hysteresis must not be negative", "");
        hysteresis = Optional.empty();
        ok = false;
      }
      s.finish();
      if (name.isPresent() && name.get().equals(HeaterDefinition.TEMPERATURE)) {
        s.problem("name", "'Temperature' is taken by the transmitter", "");
        ok = false;
      } else if (name.isPresent() && at.isPresent()) {
        switches.add(new HeaterDefinition.TemperatureSwitch(name.get(), at.get(),
            hysteresis.orElse(0.0), above));
      } else {
        ok = false;
      }
    }
    return ok ? Optional.of(switches) : Optional.empty();
  }

}
