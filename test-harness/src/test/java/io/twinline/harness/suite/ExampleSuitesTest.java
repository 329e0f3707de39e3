package io.twinline.harness.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.harness.controller.Controllers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The example lines' sequence suites (test-harness/sequences) pass against the reference
 * programs and catch every deliberately faulty variant with a diagnosis that names the bug.
 */
class ExampleSuitesTest {

  private static final Path SEQUENCES = Path.of("sequences");

  static SuiteResult run(String file, String controller) throws Exception {
    SuiteSpec suite = SequenceReader.read(SEQUENCES.resolve(file), null);
    return new SuiteRunner(Controllers.resolve(controller, suite.line().name()), controller,
        null, SuiteRunner.tagged(List.of())).run(suite);
  }

  static Map<String, SequenceResult> byName(SuiteResult result) {
    return result.sequences().stream()
        .collect(Collectors.toMap(SequenceResult::name, s -> s));
  }

  static String summary(SuiteResult result) {
    return result.sequences().stream()
        .map(s -> s.status() + " " + s.name()
            + s.failure().map(f -> ": " + f.message() + " at " + f.location()).orElse(""))
        .collect(Collectors.joining("\n"));
  }

  @Test
  void theBottlingSuitePassesAgainstTheReferenceProgram() throws Exception {
    SuiteResult result = run("bottling-line.sequences.yaml", "reference");

    assertThat(result.passed()).as(summary(result)).isTrue();
    assertThat(result.sequences()).hasSize(10); // 8 sequences, one with 3 cases
  }

  @Test
  void theBottlingSuiteFindsTheMissingEStopInterlock() throws Exception {
    SuiteResult result =
        run("bottling-line.sequences.yaml",
            "io.twinline.harness.reference.faulty.BottlingLineMissingEStopInterlock");

    Map<String, SequenceResult> sequences = byName(result);
    SequenceResult estop = sequences.get("E-stop stops everything at once and needs a new start");
    assertThat(estop.status()).as(summary(result)).isEqualTo(Status.FAILED);
    Failure failure = estop.failure().orElseThrow();
    assertThat(failure.message())
        .startsWith("never (Q_Infeed_Run || Transfer/MotorOn")
        .contains("Infeed/MotorOn = true")
        .contains("EStop/Healthy = false");
    // It broke during the wait after the e-stop (line 51); the message names the invariant's line.
    assertThat(failure.message()).contains("bottling-line.sequences.yaml:45)");
    assertThat(failure.location().line()).isEqualTo(51);
    assertThat(failure.timeline().series()).extracting(Timeline.Series::path)
        .contains("Infeed/MotorOn", "EStop/Healthy");
    assertThat(failure.lastEvents()).extracting(Failure.Event::text).contains("press EStop");
    assertThat(sequences.get("Start runs the line").status()).isEqualTo(Status.PASSED);
  }

  @Test
  void theBottlingSuiteFindsTheRaceWithTheRejectGate() throws Exception {
    SuiteResult result =
        run("bottling-line.sequences.yaml", "io.twinline.harness.reference.faulty.BottlingLineRejectGateRace");

    SequenceResult quality =
        byName(result).get("A defective bottle goes to the reject bin, never past the gate");
    assertThat(quality.status()).as(summary(result)).isEqualTo(Status.FAILED);
    assertThat(quality.failure().orElseThrow().message())
        .startsWith("never Vision/Release && RejectGate/Divert != RejectGate/Diverting")
        .contains("Vision/Release = true");
  }
}
