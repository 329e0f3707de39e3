package io.twinline.stplc;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.sim.controller.ProcessImage;
import io.twinline.stplc.compile.Compiled;
import io.twinline.stplc.compile.Compiler;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cyclic tasks run their programs at their intervals in simulated time, by priority. */
class TasksTest {

  /** An image with no signals: only the time. */
  static final class Clock implements ProcessImage {
    long now;

    @Override
    public long now() {
      return now;
    }

    @Override
    public boolean bool(String signal) {
      throw new UnsupportedOperationException(signal);
    }

    @Override
    public double number(String signal) {
      throw new UnsupportedOperationException(signal);
    }

    @Override
    public int integer(String signal) {
      throw new UnsupportedOperationException(signal);
    }

    @Override
    public String text(String signal) {
      throw new UnsupportedOperationException(signal);
    }

    @Override
    public void set(String signal, boolean value) {}

    @Override
    public void set(String signal, double value) {}

    @Override
    public void set(String signal, long value) {}

    @Override
    public void set(String signal, String value) {}
  }

  private static final String PROGRAMS = """
      VAR_GLOBAL order : STRING[200]; END_VAR
      PROGRAM Counter
      VAR_INPUT name : STRING; END_VAR
      VAR runs : INT; END_VAR
      runs := runs + 1;
      END_PROGRAM
      PROGRAM FastOne VAR runs : INT; END_VAR runs := runs + 1; order := CONCAT(order, 'F'); END_PROGRAM
      PROGRAM SlowOne VAR runs : INT; END_VAR runs := runs + 1; order := CONCAT(order, 'S'); END_PROGRAM
      """;

  private static int runs(Compiled compiled, String instance) {
    Compiled.Instance i = compiled.instances().stream()
        .filter(x -> x.name().equals(instance)).findFirst().orElseThrow();
    return (int) i.frame().l[i.layout().get("runs").slot()];
  }

  @Test
  void eachTaskScansAtItsIntervalAndTheHigherPriorityFirst() throws Exception {
    Compiled compiled = Compiler.compile("main.st", PROGRAMS + """
        CONFIGURATION Plc
          RESOURCE Cpu ON PLC
            TASK Slow (INTERVAL := T#50ms, PRIORITY := 2);
            TASK Fast (INTERVAL := T#10ms, PRIORITY := 1);
            PROGRAM slow WITH Slow : SlowOne;
            PROGRAM fast WITH Fast : FastOne;
          END_RESOURCE
        END_CONFIGURATION
        """, 0);
    StProgram plc = new StProgram(compiled, List.of());
    Clock io = new Clock();
    plc.init(io);
    for (long t = 0; t <= 100_000_000L; t += 10_000_000L) {
      io.now = t;
      plc.scan(io);
    }

    assertThat(compiled.tasks()).extracting(Compiled.Task::name).containsExactly("Fast", "Slow");
    assertThat(runs(compiled, "fast")).isEqualTo(11); // 0, 10, ..., 100 ms
    assertThat(runs(compiled, "slow")).isEqualTo(3); // 0, 50, 100 ms
    String order = (String) compiled.globals().o[compiled.globalLayout().get("order").slot()];
    assertThat(order).startsWith("FSFFFFFSF");
  }

  @Test
  void withoutAConfigurationTheDefaultTaskRunsEveryProgramAtItsInterval() throws Exception {
    Compiled compiled = Compiler.compile("main.st", PROGRAMS, 20_000_000L);
    StProgram plc = new StProgram(compiled, List.of());
    Clock io = new Clock();
    plc.init(io);
    for (long t = 0; t < 100_000_000L; t += 10_000_000L) {
      io.now = t;
      plc.scan(io);
    }

    assertThat(runs(compiled, "FastOne")).isEqualTo(5); // 0, 20, 40, 60, 80 ms
    assertThat(runs(compiled, "SlowOne")).isEqualTo(5);
  }

  @Test
  void ignoredPragmasAreNotedWhereTheProgramIsNamed(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws Exception {
    java.nio.file.Path file = dir.resolve("p.st");
    java.nio.file.Files.writeString(file, "PROGRAM Main\nVAR {attribute 'hide'} x : INT; END_VAR\n"
        + "END_PROGRAM\n");
    String described = io.twinline.sim.controller.Controllers.describe("st:" + file,
        io.twinline.line.LineDefinitions.example("demo-conveyor.yaml"));

    assertThat(described).isEqualTo("st:" + file + " (" + file + ":2:5: pragma {attribute"
        + " 'hide'} ignored)");
  }

  @Test
  void aTaskIntervalIsReadAsTheCommandLineWritesIt() {
    assertThat(StPrograms.Spec.parse("main.st@20ms", false).task().toMillis()).isEqualTo(20);
    assertThat(StPrograms.Spec.parse("main.st@T#1s", false).task().toMillis()).isEqualTo(1000);
    assertThat(StPrograms.Spec.parse("main.st", false).task().isZero()).isTrue();
  }
}
