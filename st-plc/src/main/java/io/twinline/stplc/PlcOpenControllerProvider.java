package io.twinline.stplc;

import io.twinline.line.model.LineDefinition;
import io.twinline.sim.controller.ControlProgram;
import io.twinline.sim.controller.ControllerProvider;
import java.util.function.Supplier;

/** {@code --controller plcopen:project.xml}: a PLCopen TC6 XML export with ST bodies. */
public final class PlcOpenControllerProvider implements ControllerProvider {

  @Override
  public String scheme() {
    return "plcopen";
  }

  @Override
  public String usage() {
    return "plcopen:FILE.xml[@TASK] (a PLCopen TC6 XML project with ST POUs)";
  }

  @Override
  public Supplier<ControlProgram> controller(String argument, LineDefinition line) {
    return StPrograms.forLine(StPrograms.Spec.parse(argument, true), line);
  }

  /** The file, and the notes of its reading (pragmas ignored), for reports. */
  @Override
  public String describe(String argument, LineDefinition line) {
    return StPrograms.describe(scheme(), argument, true);
  }
}
