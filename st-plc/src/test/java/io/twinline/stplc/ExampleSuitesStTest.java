package io.twinline.stplc;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.harness.suite.SequenceReader;
import io.twinline.harness.suite.SequenceResult;
import io.twinline.harness.suite.Status;
import io.twinline.harness.suite.SuiteResult;
import io.twinline.harness.suite.SuiteRunner;
import io.twinline.harness.suite.SuiteSpec;
import io.twinline.sim.controller.Controllers;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The example lines' sequence suites give the same verdicts with the Structured Text ports of
 * the reference programs (st-plc/examples) as with the Java programs, and catch the ST ports of
 * every deliberately faulty variant with the same failures.
 */
class ExampleSuitesStTest {

  private static final Path SEQUENCES = Path.of("../test-harness/sequences");

  static SuiteResult run(String file, String controller) throws Exception {
    SuiteSpec suite = SequenceReader.read(SEQUENCES.resolve(file), null);
    return new SuiteRunner(Controllers.resolve(controller, suite.line()), controller,
        null, SuiteRunner.tagged(List.of())).run(suite);
  }

  /** Each sequence's verdict and, if it failed, the failure's message and place. */
  static Map<String, String> verdicts(SuiteResult result) {
    Map<String, String> verdicts = new LinkedHashMap<>();
    for (SequenceResult s : result.sequences()) {
      verdicts.put(s.name(), s.status() + s.failure().map(f -> ": " + f.message() + " at "
          + f.location()).orElse(""));
    }
    return verdicts;
  }

  @ParameterizedTest(name = "{0} with {2}")
  @CsvSource({
      "demo-conveyor.sequences.yaml, reference, examples/demo-conveyor.st",
      "bottling-line.sequences.yaml, reference, examples/bottling-line.st",
      "sorting-line.sequences.yaml, reference, examples/sorting-line.st",
      "mixing-tank.sequences.yaml, reference, examples/mixing-tank.st",
      "pick-and-place.sequences.yaml, reference, examples/pick-and-place.st",
      "bottling-line.sequences.yaml, io.twinline.harness.reference.faulty.BottlingLineMissingEStopInterlock,"
          + " examples/faulty/bottling-line-missing-estop-interlock.st",
      "bottling-line.sequences.yaml, io.twinline.harness.reference.faulty.BottlingLineRejectGateRace,"
          + " examples/faulty/bottling-line-reject-gate-race.st",
      "sorting-line.sequences.yaml, io.twinline.harness.reference.faulty.SortingLineLatePusher,"
          + " examples/faulty/sorting-line-late-pusher.st",
      "mixing-tank.sequences.yaml, io.twinline.harness.reference.faulty.MixingTankMissingHighLevelInterlock,"
          + " examples/faulty/mixing-tank-missing-high-level-interlock.st",
      "mixing-tank.sequences.yaml, io.twinline.harness.reference.faulty.MixingTankIgnoresWireBreak,"
          + " examples/faulty/mixing-tank-ignores-wire-break.st",
      "mixing-tank.sequences.yaml, io.twinline.harness.reference.faulty.MixingTankPreheatsEmptyTank,"
          + " examples/faulty/mixing-tank-preheats-empty-tank.st",
      "pick-and-place.sequences.yaml, io.twinline.harness.reference.faulty.PickAndPlaceDropsPartOnStop,"
          + " examples/faulty/pick-and-place-drops-part-on-stop.st",
  })
  void theSuiteGivesTheSameVerdictsAsWithTheJavaProgram(String suite, String java, String st)
      throws Exception {
    SuiteResult withJava = run(suite, java);
    SuiteResult withSt = run(suite, "st:" + st);

    assertThat(verdicts(withSt)).isEqualTo(verdicts(withJava));
    boolean faulty = java.contains(".faulty.");
    assertThat(withSt.passed()).as("a faulty program must be caught").isEqualTo(!faulty);
    if (faulty) {
      assertThat(withSt.sequences()).extracting(SequenceResult::status).contains(Status.FAILED);
    }
  }

  @org.junit.jupiter.api.Test
  void aPlcOpenExportInTheStyleOfCodesysRunsTheSuite() throws Exception {
    SuiteResult withJava = run("pick-and-place.sequences.yaml", "reference");
    SuiteResult withXml = run("pick-and-place.sequences.yaml",
        "plcopen:examples/pick-and-place.plcopen.xml");

    assertThat(withXml.passed()).as(verdicts(withXml).toString()).isTrue();
    assertThat(verdicts(withXml)).isEqualTo(verdicts(withJava));
  }
}
