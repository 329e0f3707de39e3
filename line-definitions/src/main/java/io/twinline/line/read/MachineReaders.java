package io.twinline.line.read;

import static io.twinline.line.read.FlowReaders.present;
import static io.twinline.line.read.FlowReaders.okIfPresent;
import static io.twinline.line.read.FlowReaders.reader;

import io.twinline.line.model.ComponentDefinition;
import io.twinline.line.model.ConveyorDefinition;
import io.twinline.line.model.CylinderDefinition;
import io.twinline.line.model.GripperDefinition;
import io.twinline.line.model.MotorDefinition;
import io.twinline.line.model.ValveDefinition;
import io.twinline.line.units.Dimension;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Readers of actuators: cylinders, the gripper, motors and valves. */
final class MachineReaders {

  private MachineReaders() {}

  static List<ComponentReader> all() {
    return List.of(
        reader(CylinderDefinition.TYPE, "a cylinder", MachineReaders::cylinder),
        reader(GripperDefinition.TYPE, "a gripper", MachineReaders::gripper),
        reader(MotorDefinition.TYPE, "a motor", MachineReaders::motor),
        reader(ValveDefinition.TYPE, "a valve", MachineReaders::valve));
  }

  private static Optional<ComponentDefinition> cylinder(
      MapReader fields, String name, String description, References references) {
    Optional<String> acting = fields.choice("acting", List.of("single", "double"), "double");
    Optional<Duration> stroke = fields.duration("stroke", true, false, "350 ms");
    Optional<Duration> retract = fields.duration("retractTime", false, false, "300 ms");
    if (!present(acting, stroke) || !okIfPresent(fields, "retractTime", retract)) {
      return Optional.empty();
    }
    return Optional.of(
        new CylinderDefinition(
            name, description, fields.location(), acting.get().equals("double"), stroke.get(),
            retract.orElse(stroke.get())));
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
    if (!okIfPresent(fields, "travel", travel)) {
      return Optional.empty();
    }
    return Optional.of(
        new ValveDefinition(name, description, fields.location(), travel.orElse(Duration.ZERO)));
  }
}
