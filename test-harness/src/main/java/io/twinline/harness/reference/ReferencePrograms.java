package io.twinline.harness.reference;

import io.twinline.line.model.LineDefinition;
import io.twinline.sim.controller.ControlProgram;
import io.twinline.sim.controller.ControllerProvider;
import java.util.Map;
import java.util.function.Supplier;

/** {@code --controller reference}: the reference program of an example line. */
public final class ReferencePrograms implements ControllerProvider {

  /** The example lines' reference programs, by line name. */
  private static final Map<String, Supplier<ControlProgram>> PROGRAMS =
      Map.of(
          "DemoConveyor", DemoConveyorProgram::new,
          "BottlingLine", BottlingLineProgram::new,
          "SortingLine", SortingLineProgram::new,
          "MixingTank", MixingTankProgram::new,
          "PickAndPlace", PickAndPlaceProgram::new,
          "CasePacker", CasePackerProgram::new);

  @Override
  public String scheme() {
    return "reference";
  }

  @Override
  public String usage() {
    return "reference (the example line's own program)";
  }

  @Override
  public Supplier<ControlProgram> controller(String argument, LineDefinition line) {
    Supplier<ControlProgram> program = PROGRAMS.get(line.name());
    if (program == null) {
      throw new IllegalArgumentException("line " + line.name() + " has no reference program;"
          + " name a ControlProgram class with --controller class:NAME, or use --controller"
          + " none");
    }
    return program;
  }

  @Override
  public String describe(String argument, LineDefinition line) {
    Supplier<ControlProgram> program = PROGRAMS.get(line.name());
    return program == null ? "reference" : program.get().getClass().getName();
  }
}
