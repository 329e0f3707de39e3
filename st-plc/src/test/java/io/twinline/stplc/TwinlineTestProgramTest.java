package io.twinline.stplc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinline.harness.junit.TwinlineTest;
import io.twinline.harness.run.Harness;
import io.twinline.line.LineDefinitions;
import io.twinline.sim.controller.Controllers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @TwinlineTest(program = "....st")}: the engineer's ST program under a JUnit test. */
@TwinlineTest(line = "bottling-line.yaml", program = "examples/bottling-line.st")
class TwinlineTestProgramTest {

  @Test
  void startRunsTheLine(Harness line) {
    line.pulse("StartButton", Duration.ofMillis(200));
    line.expect("Tower/Green && Q_Infeed_Run && !Tower/Yellow").within(Duration.ofMillis(250));
  }

  @Test
  void theEStopStopsEverything(Harness line) {
    line.pulse("StartButton", Duration.ofMillis(200));
    line.expect("Tower/Green").within(Duration.ofMillis(250));
    line.press("EStop");
    line.expect("Tower/Red && !Q_Infeed_Run && !Transfer/MotorOn").within(Duration.ofMillis(30));
  }

  @Test
  void aRunTimeErrorStopsThePlcWithItsPlaceAndTime(@TempDir Path dir) throws Exception {
    Path program = dir.resolve("divides.st");
    Files.writeString(program, """
        PROGRAM Main
        VAR
          Accumulation_Count AT %I* : DINT;
          Tower_Green AT %Q* : BOOL;
          scans, ratio : DINT;
        END_VAR
        scans := scans + 1;
        Tower_Green := TRUE;
        IF scans = 5 THEN
          ratio := scans / Accumulation_Count;
        END_IF;
        END_PROGRAM
        """);
    var line = LineDefinitions.example("bottling-line.yaml");
    Harness harness = Harness.on(line)
        .controller(Controllers.resolve("st:" + program, line).orElseThrow().get()).start();
    try {
      assertThatThrownBy(() -> harness.waitFor(Duration.ofMillis(100)))
          .hasStackTraceContaining("PLC STOP: division by zero in Main at " + program + ":10:12,"
              + " simulated time 0.040 s: scans / Accumulation_Count (dividend = 5)");
    } finally {
      harness.close();
    }
  }
}
