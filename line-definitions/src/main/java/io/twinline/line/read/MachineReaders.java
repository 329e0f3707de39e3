package io.twinline.line.read;

import static io.twinline.line.read.FlowReaders.present;
import static io.twinline.line.read.FlowReaders.okIfPresent;
import static io.twinline.line.read.FlowReaders.reader;

import io.twinline.line.model.ComponentDefinition;
import io.twinline.line.model.ConveyorDefinition;
import io.twinline.line.model.CylinderDefinition;
import io.twinline.line.model.GripperDefinition;
import io.twinline.line.model.MotorDefinition;
import io.twinline.line.model.PistonValves;
import io.twinline.line.model.GuideDefinition;
import io.twinline.line.model.ValveDefinition;
import io.twinline.line.units.Dimension;
import io.twinline.line.units.Quantities;
import io.twinline.line.yaml.YamlList;
import io.twinline.line.yaml.YamlNode;
import io.twinline.line.yaml.YamlScalar;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Readers of actuators: cylinders, the gripper, motors, valves and guides. */
final class MachineReaders {

  private MachineReaders() {}

  static List<ComponentReader> all() {
    return List.of(
        reader(CylinderDefinition.TYPE, "a cylinder", MachineReaders::cylinder),
        reader(GripperDefinition.TYPE, "a gripper", MachineReaders::gripper),
        reader(MotorDefinition.TYPE, "a motor", MachineReaders::motor),
        reader(ValveDefinition.TYPE, "a valve", MachineReaders::valve),
        reader(GuideDefinition.TYPE, "a guide", MachineReaders::guide));
  }

  private static Optional<ComponentDefinition> cylinder(
      MapReader fields, String name, String description, References references) {
    Optional<PistonValves> valves = valves(fields, true);
    Optional<Duration> stroke = fields.duration("stroke", true, false, "350 ms");
    Optional<Duration> retract = fields.duration("retractTime", false, false, "300 ms");
    if (!present(valves, stroke) || !okIfPresent(fields, "retractTime", retract)) {
      return Optional.empty();
    }
    return Optional.of(
        new CylinderDefinition(
            name, description, fields.location(), valves.get().doubleActing(), stroke.get(),
            retract.orElse(stroke.get()), valves.get()));
  }

  /**
   * The valving of a piston: {@code acting: single|double} or, as pneumatic drawings say it,
   * {@code return: spring|valve}; for double acting the 5/3 valve's {@code centre} and, for an
   * exhaust centre, the {@code load} that moves the free piston.
   */
  static Optional<PistonValves> valves(MapReader fields, boolean doubleByDefault) {
    String fallback = doubleByDefault ? "double" : "single";
    Optional<String> acting = fields.choice("acting", List.of("single", "double"), fallback);
    Optional<String> giveBack =
        fields.choice("return", List.of("spring", "valve"), doubleByDefault ? "valve" : "spring");
    Optional<String> centre =
        fields.choice("centre", List.of("closed", "exhaust", "pressure"), "closed");
    Optional<String> load = fields.choice("load", List.of("none", "extends", "retracts"), "none");
    if (!present(acting, giveBack, centre, load)) {
      return Optional.empty();
    }
    boolean hasActing = fields.keys().contains("acting");
    boolean hasReturn = fields.keys().contains("return");
    boolean doubleActing =
        hasReturn ? giveBack.get().equals("valve") : acting.get().equals("double");
    boolean ok = true;
    if (hasActing && hasReturn && acting.get().equals("double") != doubleActing) {
      fields.problem("return", "'return: " + giveBack.get() + "' contradicts 'acting: "
              + acting.get() + "'",
          "a spring return is single acting, a valve return double acting: write one of them");
      ok = false;
    }
    if (!doubleActing && fields.keys().contains("centre")) {
      fields.problem("centre", "a single-acting (spring return) piston has no valve centre",
          "'centre' is the middle position of a 5/3 valve: add 'return: valve'");
      ok = false;
    }
    if (fields.keys().contains("load") && !centre.get().equals("exhaust")) {
      fields.problem("load", "only a free piston (an exhaust centre) is moved by its load",
          "add 'centre: exhaust', or remove 'load'");
      ok = false;
    }
    if (!ok) {
      return Optional.empty();
    }
    java.util.Locale root = java.util.Locale.ROOT;
    return Optional.of(new PistonValves(doubleActing,
        PistonValves.Centre.valueOf(centre.get().toUpperCase(root)),
        PistonValves.Load.valueOf(load.get().toUpperCase(root))));
  }

  private static Optional<ComponentDefinition> gripper(
      MapReader fields, String name, String description, References references) {
    Set<String> cylinder = Set.of(CylinderDefinition.TYPE);
    Set<String> conveyor = Set.of(ConveyorDefinition.TYPE);
    Optional<String> x = references.read(fields, "x", true, name, cylinder);
    Optional<String> z = references.read(fields, "z", true, name, cylinder);
    Optional<String> pickFrom = references.read(fields, "pickFrom", true, name, conveyor);
    Optional<String> placeOn = references.read(fields, "placeOn", true, name, conveyor);
    Optional<Duration> buildUp = fields.duration("buildUp", false, true, "100 ms");
    if (x.isPresent() && x.equals(z)) {
      fields.problem("z", "x and z must be two different cylinders", "");
      return Optional.empty();
    }
    if (!present(x, z, pickFrom, placeOn) || !okIfPresent(fields, "buildUp", buildUp)) {
      return Optional.empty();
    }
    return Optional.of(
        new GripperDefinition(
            name, description, fields.location(), x.get(), z.get(), pickFrom.get(),
            placeOn.get(), buildUp.orElse(Duration.ofMillis(100))));
  }

  private static Optional<ComponentDefinition> motor(
      MapReader fields, String name, String description, References references) {
    Optional<String> kind =
        fields.choice("control", List.of("direct", "reversing", "vfd"), "direct");
    Optional<Duration> ramp = fields.duration("ramp", false, true, "1 s");
    Optional<Duration> inertia = fields.duration("inertia", false, false, "800 ms");
    Optional<Double> threshold = fields.quantity("runningAbove", false, Dimension.RATIO, "10 %");
    if (threshold.isPresent() && (threshold.get() <= 0 || threshold.get() >= 1)) {
      fields.problem("runningAbove", "'runningAbove' must be between 0 % and 100 %", "");
      threshold = Optional.empty();
    }
    if (ramp.isPresent() && inertia.isPresent()) {
      fields.problem("inertia", "write either 'ramp' or 'inertia', not both",
          "'ramp' is a linear ramp 0-100 %; 'inertia' a first-order lag time constant");
      return Optional.empty();
    }
    if (!present(kind)
        || !okIfPresent(fields, "ramp", ramp)
        || !okIfPresent(fields, "inertia", inertia)
        || !okIfPresent(fields, "runningAbove", threshold)) {
      return Optional.empty();
    }
    return Optional.of(
        new MotorDefinition(
            name,
            description,
            fields.location(),
            MotorDefinition.Kind.valueOf(kind.get().toUpperCase(java.util.Locale.ROOT)),
            ramp.orElse(Duration.ZERO),
            inertia,
            threshold.orElse(0.1) * 100.0));
  }

  private static Optional<ComponentDefinition> valve(
      MapReader fields, String name, String description, References references) {
    Optional<Duration> travel = fields.duration("travel", false, true, "2 s");
    Optional<Double> rated = DataSheetReaders.valveRatedFlow(fields);
    Optional<Double> rangeability = DataSheetReaders.valveCharacteristic(fields);
    if (!okIfPresent(fields, "travel", travel) || rated == null || rangeability == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ValveDefinition(name, description, fields.location(), travel.orElse(Duration.ZERO),
            rated, rangeability));
  }

  private static Optional<ComponentDefinition> guide(
      MapReader fields, String name, String description, References references) {
    Optional<YamlList> range = fields.list("range", true, "[60 mm, 120 mm]");
    Optional<Double> speed = fields.positive("speed", true, Dimension.SPEED, "5 mm/s");
    Optional<Double> initial = fields.length("initial", false, true, "60 mm");
    Optional<Double> tolerance = fields.length("tolerance", false, false, "0.5 mm");
    Optional<String> drive = fields.choice("drive", List.of("recipe", "plc"), "recipe");
    // The range is checked even when another key is wrong, so that one pass lists everything.
    boolean othersOk = speed.isPresent() && drive.isPresent()
        && okIfPresent(fields, "initial", initial)
        && okIfPresent(fields, "tolerance", tolerance);
    if (range.isEmpty()) {
      return Optional.empty();
    }
    List<YamlNode> ends = range.get().items();
    if (ends.size() != 2 || ends.stream().anyMatch(e -> !(e instanceof YamlScalar))) {
      fields.problem("range", "a guide's range is its two ends", "write 'range: [60 mm, 120 mm]'");
      return Optional.empty();
    }
    double min;
    double max;
    try {
      min = Quantities.parse(((YamlScalar) ends.get(0)).text(), Dimension.LENGTH).doubleValue();
      max = Quantities.parse(((YamlScalar) ends.get(1)).text(), Dimension.LENGTH).doubleValue();
    } catch (io.twinline.line.units.QuantityFormatException e) {
      fields.problem("range", e.getMessage(), "write 'range: [60 mm, 120 mm]'");
      return Optional.empty();
    }
    if (!(max > min) || min < 0) {
      fields.problem("range", "a guide's range goes from a low end (0 or more) to a higher one",
          "write 'range: [60 mm, 120 mm]'");
      return Optional.empty();
    }
    double start = initial.orElse(min);
    if (start < min || start > max) {
      fields.problem("initial", "the initial position is outside the range",
          "give a position from " + min * 1000 + " mm to " + max * 1000 + " mm");
      return Optional.empty();
    }
    if (!othersOk) {
      return Optional.empty();
    }
    return Optional.of(new GuideDefinition(name, description, fields.location(), min, max,
        speed.get(), start, tolerance.orElse(0.0005),
        GuideDefinition.Drive.valueOf(drive.get().toUpperCase(java.util.Locale.ROOT))));
  }
}
