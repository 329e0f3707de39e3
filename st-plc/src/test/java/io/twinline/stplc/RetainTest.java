package io.twinline.stplc;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.line.LineDefinitions;
import io.twinline.line.model.LineDefinition;
import io.twinline.sim.controller.ControlProgram;
import io.twinline.sim.controller.Controllers;
import io.twinline.sim.controller.SoftPlc;
import io.twinline.sim.run.TimeMode;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.run.SimulationRunner;
import io.twinline.stplc.compile.Compiled;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reset of the served line is a warm restart of the PLC: RETAIN variables keep their values. */
class RetainTest {

  private static long value(ControlProgram program, String name) {
    Compiled.Instance main = ((StProgram) program).compiled().instances().get(0);
    return main.frame().l[main.layout().get(name).slot()];
  }

  @Test
  void retainVariablesSurviveAResetOfTheLineAndTheOthersStartAgain(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("counts.st");
    Files.writeString(file, """
        PROGRAM Main
        VAR RETAIN total : DINT; END_VAR
        VAR sinceStart : DINT; END_VAR
        total := total + 1;
        sinceStart := sinceStart + 1;
        END_PROGRAM
        """);
    LineDefinition line = LineDefinitions.example("demo-conveyor.yaml");
    Supplier<ControlProgram> base = Controllers.resolve("st:" + file, line).orElseThrow();
    List<ControlProgram> made = new CopyOnWriteArrayList<>();
    SimulationRunner runner = new SimulationRunner(Plant.build(line), TimeMode.STEPPED, 1.0);
    try {
      SoftPlc.serve(runner, () -> {
        ControlProgram p = base.get();
        made.add(p);
        return p;
      }, Duration.ofMillis(10));
      runner.start();
      runner.step(Duration.ofSeconds(1)).get(30, TimeUnit.SECONDS);
      runner.reset().get(30, TimeUnit.SECONDS);
      runner.step(Duration.ofMillis(500)).get(30, TimeUnit.SECONDS);
    } finally {
      runner.close();
    }

    assertThat(made).hasSize(2);
    long before = value(made.get(0), "total");
    assertThat(before).isEqualTo(value(made.get(0), "sinceStart")).isGreaterThan(90);
    long after = value(made.get(1), "sinceStart");
    assertThat(after).isBetween(45L, 55L);
    assertThat(value(made.get(1), "total")).isEqualTo(before + after);
  }
}
