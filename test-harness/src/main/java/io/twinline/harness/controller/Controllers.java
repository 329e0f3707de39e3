package io.twinline.harness.controller;

import io.twinline.harness.reference.BottlingLineProgram;
import io.twinline.harness.reference.DemoConveyorProgram;
import io.twinline.harness.reference.MixingTankProgram;
import io.twinline.harness.reference.PickAndPlaceProgram;
import io.twinline.harness.reference.SortingLineProgram;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds the controller to test from its name: {@code none}, {@code reference} (the reference
 * program of an example line) or the class name of a {@link ControlProgram} on the class path.
 * Every run gets a fresh instance (programs keep state in fields).
 */
public final class Controllers {

  /** The example lines' reference programs, by line name. */
  private static final Map<String, Supplier<ControlProgram>> REFERENCE =
      Map.of(
          "DemoConveyor", DemoConveyorProgram::new,
          "BottlingLine", BottlingLineProgram::new,
          "SortingLine", SortingLineProgram::new,
          "MixingTank", MixingTankProgram::new,
          "PickAndPlace", PickAndPlaceProgram::new);

  private Controllers() {}

  /**
   * The controller named {@code spec} for line {@code lineName}; empty for {@code none}.
   *
   * @throws IllegalArgumentException saying why the name does not give a controller
   */
  public static Optional<Supplier<ControlProgram>> resolve(String spec, String lineName) {
    String name = spec.strip();
    if (name.equals("none")) {
      return Optional.empty();
    }
    if (name.equals("reference")) {
      Supplier<ControlProgram> reference = REFERENCE.get(lineName);
      if (reference == null) {
        throw new IllegalArgumentException("line " + lineName + " has no reference program; name"
            + " a ControlProgram class with --controller, or use --controller none");
      }
      return Optional.of(reference);
    }
    Class<?> type;
    try {
      type = Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("no class " + name + " on the class path (give the"
          + " fully qualified name of a ControlProgram, 'reference' or 'none')");
    }
    if (!ControlProgram.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException(name + " is not a " + ControlProgram.class.getName());
    }
    try {
      type.getDeclaredConstructor();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(name + " needs a public constructor without arguments");
    }
    return Optional.of(() -> instantiate(type));
  }

  private static ControlProgram instantiate(Class<?> type) {
    try {
      return (ControlProgram) type.getDeclaredConstructor().newInstance();
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("the constructor of " + type.getName() + " failed: "
          + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + type.getName() + ": " + e, e);
    }
  }

  /** A display name for reports: the class's name, or "none". */
  public static String describe(String spec, String lineName) {
    if (spec.equals("reference")) {
      return Optional.ofNullable(REFERENCE.get(lineName)).map(s -> s.get().getClass().getName())
          .orElse("reference");
    }
    return spec;
  }
}
