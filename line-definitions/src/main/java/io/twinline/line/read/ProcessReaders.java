package io.twinline.line.read;

import static io.twinline.line.read.FlowReaders.present;
import static io.twinline.line.read.FlowReaders.okIfPresent;
import static io.twinline.line.read.FlowReaders.reader;

import io.twinline.line.Analog;
import io.twinline.line.model.ComponentDefinition;
import io.twinline.line.model.HeaterDefinition;
import io.twinline.line.model.MotorDefinition;
import io.twinline.line.model.PumpDefinition;
import io.twinline.line.model.TankDefinition;
import io.twinline.line.model.ValveDefinition;
import io.twinline.line.Problems;
import io.twinline.line.units.Dimension;
import io.twinline.line.units.Quantities;
import io.twinline.line.units.QuantityFormatException;
import io.twinline.line.yaml.YamlScalar;
import java.time.Duration;
import java.util.Map;
import io.twinline.line.yaml.YamlList;
import io.twinline.line.yaml.YamlMap;
import io.twinline.line.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Readers of the continuous (process) components: tanks, heaters and pumps. */
final class ProcessReaders {

  private static final double ABSOLUTE_ZERO = -273.15;

  private ProcessReaders() {}

  static List<ComponentReader> all() {
    return List.of(
        reader(TankDefinition.TYPE, "a tank", ProcessReaders::tank),
        reader(HeaterDefinition.TYPE, "a heater", ProcessReaders::heater),
        reader(PumpDefinition.TYPE, "a pump", DataSheetReaders::pump));
  }

  /** What can move liquid through a tank's port as a pump. */
  private static final Set<String> PUMPS = Set.of(MotorDefinition.TYPE, PumpDefinition.TYPE);

  /**
   * Checks what needs the other components read: a port without its own flow needs a valve or
   * pump with a rated flow. Problems go to {@code problems}.
   */
  static void checkAcross(List<ComponentDefinition> components, Problems problems) {
    Map<String, ComponentDefinition> byName = new java.util.HashMap<>();
    for (ComponentDefinition c : components) {
      byName.put(c.name(), c);
    }
    Map<String, String> heaterOf = new java.util.HashMap<>();
    for (int i = 0; i < components.size(); i++) {
      if (!(components.get(i) instanceof HeaterDefinition heater)
          || heater.immersion().isEmpty()) {
        continue;
      }
      HeaterDefinition.Immersion immersion = heater.immersion().get();
      String path = "components[" + i + "]";
      String other = heaterOf.putIfAbsent(immersion.tank(), heater.name());
      if (other != null) {
        problems.add(heater.location(), path + ".tank",
            immersion.tank() + " is heated by " + other + " already",
            "one heater per tank: give it the power of both");
      }
      if (byName.get(immersion.tank()) instanceof TankDefinition tank
          && immersion.elementLevel() > tank.height()) {
        problems.add(heater.location(), path + ".elementLevel",
            "the element is above the top of " + tank.name() + " (" + tank.height() + " m)",
            "the element level is the level that just covers the element");
      }
    }
    for (ComponentDefinition c : components) {
      if (!(c instanceof TankDefinition tank)) {
        continue;
      }
      List<TankDefinition.Port> ports = new ArrayList<>(tank.inlets());
      ports.addAll(tank.outlets());
      for (TankDefinition.Port port : ports) {
        if (port.flow().isEmpty() && DataSheetReaders.ratedFlowOf(byName.get(port.through())).isEmpty()) {
          problems.add(port.location(), port.path() + ".flow",
              "the port has no 'flow' and " + port.through() + " has no rated flow",
              "write the port's 'flow: 2 l/s', or give " + port.through()
                  + (byName.get(port.through()) instanceof ValveDefinition
                      ? " 'ratedFlow: 2 l/s' or 'kv: 10 m3/h'"
                      : " as a 'pump' with 'ratedFlow: 2 l/s'"));
        }
      }
    }
  }

  private static Optional<ComponentDefinition> tank(
      MapReader fields, String name, String description, References references) {
    boolean hasVolume = fields.keys().contains("volume");
    boolean hasArea = fields.keys().contains("area");
    boolean hasHeight = fields.keys().contains("height");
    Optional<Double> volume = fields.positive("volume", false, Dimension.VOLUME, "1.2 m3");
    Optional<Double> area = fields.positive("area", false, Dimension.AREA, "0.8 m2");
    Optional<Double> height = fields.length("height", false, false, "2 m");
    boolean shapeOk = true;
    if ((hasVolume ? 1 : 0) + (hasArea ? 1 : 0) + (hasHeight ? 1 : 0) != 2) {
      fields.problem(hasVolume || hasArea || hasHeight ? "volume" : "area",
          "a tank's shape is two of 'volume', 'area' and 'height'",
          "a vertical cylinder: 'volume: 1.2 m3' with 'height: 1.5 m' (or with 'area: 0.8 m2')");
      shapeOk = false;
    }
    if (volume.isPresent() && area.isPresent()) {
      height = Optional.of(volume.get() / area.get());
    } else if (volume.isPresent() && height.isPresent()) {
      area = Optional.of(volume.get() / height.get());
    }
    Optional<Double> initial = fields.length("initialLevel", false, true, "0.5 m");
    Optional<double[]> range = range(fields, "levelRange", Dimension.LENGTH, "[0.1 m, 1.4 m]");
    Optional<Double> density = fields.positive("density", false, Dimension.DENSITY, "1000 kg/m3");
    Optional<Double> specificHeat =
        fields.positive("specificHeat", false, Dimension.SPECIFIC_HEAT, "4.19 kJ/(kg.K)");
    Optional<String> agitator = fields.keys().contains("agitator")
        ? references.read(fields, "agitator", false, name, Set.of(MotorDefinition.TYPE))
        : Optional.empty();
    Optional<List<TankDefinition.Port>> inlets = ports(fields, "inlets", name, references);
    Optional<List<TankDefinition.Port>> outlets = ports(fields, "outlets", name, references);
    Optional<List<TankDefinition.LevelSwitch>> switches = levelSwitches(fields, height);
    if (initial.isPresent() && height.isPresent() && initial.get() > height.get()) {
      fields.problem("initialLevel", "the initial level is above the tank's height", "");
      return Optional.empty();
    }
    if (!shapeOk || !present(area, height, inlets, outlets, switches)
        || !okIfPresent(fields, "initialLevel", initial)
        || !okIfPresent(fields, "levelRange", range)
        || !okIfPresent(fields, "density", density)
        || !okIfPresent(fields, "specificHeat", specificHeat)
        || !okIfPresent(fields, "agitator", agitator)) {
      return Optional.empty();
    }
    double[] span = range.orElse(new double[] {0, height.get()});
    return Optional.of(
        new TankDefinition(
            name, description, fields.location(), area.get(), height.get(), initial.orElse(0.0),
            inlets.get(), outlets.get(), switches.get(), new Analog("m", span[0], span[1]),
            density.orElse(TankDefinition.WATER_DENSITY),
            specificHeat.orElse(TankDefinition.WATER_SPECIFIC_HEAT), agitator));
  }

  /**
   * A measuring range {@code [low, high]} of {@code dimension}, low below high; empty if absent,
   * and empty with a problem if wrong.
   */
  private static Optional<double[]> range(
      MapReader fields, String key, Dimension dimension, String example) {
    Optional<YamlList> list = fields.list(key, false, example);
    if (list.isEmpty()) {
      return Optional.empty();
    }
    List<YamlNode> ends = list.get().items();
    if (ends.size() != 2 || ends.stream().anyMatch(e -> !(e instanceof YamlScalar))) {
      fields.problem(key, "a range is its two ends", "write '" + key + ": " + example + "'");
      return Optional.empty();
    }
    double low;
    double high;
    try {
      low = Quantities.parse(((YamlScalar) ends.get(0)).text(), dimension).doubleValue();
      high = Quantities.parse(((YamlScalar) ends.get(1)).text(), dimension).doubleValue();
    } catch (QuantityFormatException e) {
      fields.problem(key, e.getMessage(), "write '" + key + ": " + example + "'");
      return Optional.empty();
    }
    if (!(high > low)) {
      fields.problem(key, "the range must end above where it starts",
          "write '" + key + ": " + example + "'");
      return Optional.empty();
    }
    return Optional.of(new double[] {low, high});
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
        through = references.read(port, "pump", true, tank, PUMPS);
      }
      Optional<Double> flow = port.positive("flow", false, Dimension.FLOW, "2 l/s");
      Optional<Double> temperature = aboveAbsoluteZero(port, "temperature",
          port.quantity("temperature", false, Dimension.TEMPERATURE, "15 °C"));
      port.finish();
      if (through.isPresent() && okIfPresent(port, "flow", flow)
          && okIfPresent(port, "temperature", temperature)) {
        ports.add(new TankDefinition.Port(through.get(), flow, temperature, item.location(),
            path));
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

  private static final List<String> IMMERSION_KEYS = List.of("elementLevel", "elementCapacity",
      "filmDifference", "cutOut", "cutOutHysteresis", "lag", "unstirredLag");

  private static Optional<ComponentDefinition> heater(
      MapReader fields, String name, String description, References references) {
    Optional<String> control = fields.choice("control", List.of("on-off", "power"), "on-off");
    Optional<Double> power = fields.positive("power", true, Dimension.POWER, "6 kW");
    boolean inTank = fields.keys().contains("tank");
    Optional<String> tank = inTank
        ? references.read(fields, "tank", true, name, Set.of(TankDefinition.TYPE))
        : Optional.empty();
    Optional<Double> capacity =
        fields.positive("heatCapacity", !inTank, Dimension.HEAT_CAPACITY, "2100 kJ/K");
    Optional<Double> loss =
        fields.positive("lossCoefficient", true, Dimension.THERMAL_CONDUCTANCE, "15 W/K");
    Optional<Double> ambientRead =
        aboveAbsoluteZero(fields, "ambient",
            fields.quantity("ambient", false, Dimension.TEMPERATURE, "20 °C"));
    double ambient = ambientRead.orElse(20.0);
    Optional<Double> initial = aboveAbsoluteZero(fields, "initial",
        fields.quantity("initial", false, Dimension.TEMPERATURE, "20 °C"));
    Optional<Double> maxTemp = fields.quantity("rangeMax", false, Dimension.TEMPERATURE, "150 °C");
    Optional<double[]> range = range(fields, "range", Dimension.TEMPERATURE, "[0 °C, 150 °C]");
    Optional<List<HeaterDefinition.TemperatureSwitch>> switches = temperatureSwitches(fields);
    Optional<HeaterDefinition.Immersion> immersion = Optional.empty();
    boolean immersionOk = true;
    if (inTank) {
      immersion = immersion(fields, tank, power);
      immersionOk = immersion.isPresent();
    } else {
      for (String key : IMMERSION_KEYS) {
        if (fields.keys().contains(key)) {
          fields.problem(key, "'" + key + "' is for a heater in a tank",
              "name the tank the heater sits in: 'tank: Mixer'");
          immersionOk = false;
        }
      }
      fields.ignore(IMMERSION_KEYS);
    }
    if (maxTemp.isPresent() && range.isPresent()) {
      fields.problem("rangeMax", "write either 'range' or 'rangeMax', not both",
          "'range: [0 °C, 150 °C]' is the transmitter's measuring range");
      return Optional.empty();
    }
    if (!present(control, power, loss, switches) || !immersionOk
        || !okIfPresent(fields, "heatCapacity", capacity)
        || !okIfPresent(fields, "ambient", ambientRead)
        || !okIfPresent(fields, "initial", initial)
        || !okIfPresent(fields, "rangeMax", maxTemp)
        || !okIfPresent(fields, "range", range)) {
      return Optional.empty();
    }
    double[] span = range.orElse(new double[] {0, maxTemp.orElse(150.0)});
    if (span[1] <= span[0]) {
      fields.problem("rangeMax", "the transmitter's range must end above 0 °C", "");
      return Optional.empty();
    }
    return Optional.of(
        new HeaterDefinition(
            name, description, fields.location(), control.get().equals("power"), power.get(),
            capacity.orElse(0.0), loss.get(), ambient, initial.orElse(ambient),
            new Analog("°C", span[0], span[1]), switches.get(), immersion));
  }

  /** The keys of a heater in a tank, with their defaults; empty after a problem. */
  private static Optional<HeaterDefinition.Immersion> immersion(
      MapReader fields, Optional<String> tank, Optional<Double> power) {
    Optional<Double> level = fields.length("elementLevel", false, true, "0.2 m");
    Optional<Double> capacity =
        fields.positive("elementCapacity", false, Dimension.HEAT_CAPACITY, "15 kJ/K");
    Optional<Double> film =
        fields.positive("filmDifference", false, Dimension.TEMPERATURE_DIFFERENCE, "30 K");
    Optional<Double> cutOut = aboveAbsoluteZero(fields, "cutOut",
        fields.quantity("cutOut", false, Dimension.TEMPERATURE, "350 °C"));
    Optional<Double> cutOutHysteresis =
        fields.positive("cutOutHysteresis", false, Dimension.TEMPERATURE_DIFFERENCE, "50 K");
    Optional<Duration> lag = fields.duration("lag", false, false, "2 s");
    Optional<Duration> unstirred = fields.duration("unstirredLag", false, false, "30 s");
    if (tank.isEmpty() || power.isEmpty()
        || !okIfPresent(fields, "elementLevel", level)
        || !okIfPresent(fields, "elementCapacity", capacity)
        || !okIfPresent(fields, "filmDifference", film)
        || !okIfPresent(fields, "cutOut", cutOut)
        || !okIfPresent(fields, "cutOutHysteresis", cutOutHysteresis)
        || !okIfPresent(fields, "lag", lag)
        || !okIfPresent(fields, "unstirredLag", unstirred)) {
      return Optional.empty();
    }
    double lagSeconds = lag.map(d -> d.toNanos() / 1e9).orElse(2.0);
    return Optional.of(new HeaterDefinition.Immersion(tank.get(), level.orElse(0.0),
        capacity.orElse(power.get() * 0.25), film.orElse(30.0), cutOut.orElse(350.0),
        cutOutHysteresis.orElse(50.0), lagSeconds,
        unstirred.map(d -> d.toNanos() / 1e9).orElse(Math.max(30.0, lagSeconds))));
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
