package io.twinline.stplc;

import io.twinline.line.model.LineDefinition;
import io.twinline.sim.controller.ControlProgram;
import io.twinline.sim.controller.ControllerProvider;
import java.util.function.Supplier;

/**
 * {@code --controller st:main.st} (and {@code st:main.st@20ms}, the interval of the task that
 * runs the programs when the source has no configuration): a Structured Text program, compiled
 * and bound to the line before the run starts.
 */
public final class StControllerProvider implements ControllerProvider {

  @Override
  public String scheme() {
    return "st";
  }

  @Override
  public String usage() {
    return "st:FILE.st[@TASK] (an IEC 61131-3 Structured Text program; TASK e.g. 20ms)";
  }

  @Override
  public Supplier<ControlProgram> controller(String argument, LineDefinition line) {
    return StPrograms.forLine(StPrograms.Spec.parse(argument, false), line);
  }

  /** The file, and the notes of its reading (pragmas ignored), for reports. */
  @Override
  public String describe(String argument, LineDefinition line) {
    return StPrograms.describe(scheme(), argument, false);
  }
}
