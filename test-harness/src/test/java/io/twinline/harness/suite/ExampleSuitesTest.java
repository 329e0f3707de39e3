package io.twinline.harness.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.sim.controller.Controllers;
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
    return new SuiteRunner(Controllers.resolve(controller, suite.line()), controller,
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
    assertThat(result.sequences()).hasSize(11); // 9 sequences, one with 3 cases
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
        .contains("Q_Infeed_Run [Infeed/MotorOn] = true")
        .contains("EStop/Healthy = false");
    // It broke during the wait after the e-stop (line 51): the invariant of line 45 failed, the
    // wait was interrupted.
    assertThat(failure.message()).contains("bottling-line.sequences.yaml:45)");
    assertThat(failure.location().line()).isEqualTo(45);
    assertThat(failure.invariant()).isTrue();
    assertThat(estop.steps()).filteredOn(s -> s.location().line() == 45).singleElement()
        .satisfies(s -> assertThat(s.status()).isEqualTo(Status.FAILED))
        .satisfies(s -> assertThat(s.end()).isEqualTo(failure.time()));
    assertThat(estop.steps()).filteredOn(s -> s.location().line() == 51).singleElement()
        .satisfies(s -> assertThat(s.status()).isEqualTo(Status.INTERRUPTED))
        .satisfies(s -> assertThat(s.message()).startsWith("interrupted at 10.250 s: the"
            + " invariant of line 45 broke"));
    // the chart zooms to 200 ms before the breach, with the scans marked; the overview has it all
    assertThat(failure.timeline().from()).isEqualTo(failure.time() - 200_000_000L);
    assertThat(failure.timeline().scan()).isEqualTo(10_000_000L);
    assertThat(failure.overview().from()).isZero();
    assertThat(failure.overview().to()).isEqualTo(failure.time());
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

  @Test
  void theDemoConveyorSuitePassesAgainstTheReferenceProgram() throws Exception {
    SuiteResult result = run("demo-conveyor.sequences.yaml", "reference");

    assertThat(result.passed()).as(summary(result)).isTrue();
    assertThat(result.sequences()).hasSize(7); // 5 sequences, one with 3 cases
  }

  @Test
  void theSortingSuitePassesAgainstTheReferenceProgram() throws Exception {
    SuiteResult result = run("sorting-line.sequences.yaml", "reference");

    assertThat(result.passed()).as(summary(result)).isTrue();
    assertThat(result.sequences()).hasSize(8); // 4 sequences, two with 3 cases
  }

  @Test
  void theSortingSuiteFindsThePusherThatFiresTooLate() throws Exception {
    SuiteResult result =
        run("sorting-line.sequences.yaml",
            "io.twinline.harness.reference.faulty.SortingLineLatePusher");

    Map<String, SequenceResult> sequences = byName(result);
    SequenceResult red = sequences.get("The paddle meets the part [red lane]");
    assertThat(red.status()).as(summary(result)).isEqualTo(Status.FAILED);
    Failure failure = red.failure().orElseThrow();
    // The paddle came out, but no part was in front of it.
    assertThat(failure.message())
        .startsWith("expected changed(Pusher1/Pushed) within 0.150 s")
        .contains("Pusher1/Pushed = 0");
    assertThat(failure.location().line()).isEqualTo(50);
    assertThat(failure.timeline().series()).extracting(Timeline.Series::path)
        .contains("Pusher1/Pushed", "Pusher1/Extend");
    assertThat(sequences.get("The paddle meets the part [blue lane]").status())
        .isEqualTo(Status.FAILED);
    assertThat(sequences.get("The reader identifies each part before it is released").status())
        .isEqualTo(Status.PASSED);
  }

  @Test
  void theMixingTankSuitePassesAgainstTheReferenceProgram() throws Exception {
    SuiteResult result = run("mixing-tank.sequences.yaml", "reference");

    assertThat(result.passed()).as(summary(result)).isTrue();
    assertThat(result.sequences()).hasSize(7); // 6 sequences, one with 2 cases
  }

  @Test
  void theMixingTankSuiteFindsTheHeaterSwitchedOnInAnEmptyTank() throws Exception {
    SuiteResult result =
        run("mixing-tank.sequences.yaml",
            "io.twinline.harness.reference.faulty.MixingTankPreheatsEmptyTank");

    SequenceResult fill = byName(result).get("Each inlet stops at its level");
    assertThat(fill.status()).as(summary(result)).isEqualTo(Status.FAILED);
    Failure failure = fill.failure().orElseThrow();
    // The element is covered from 0.3 m, reached at 37.5 s; in air it reaches its cut-out first.
    assertThat(failure.message()).contains("Heating/CutOut");
    assertThat(failure.time()).isBetween(10_000_000_000L, 37_500_000_000L);
    assertThat(result.sequences()).allSatisfy(s -> assertThat(s.status()).isEqualTo(Status.FAILED));
  }

  @Test
  void theMixingTankSuiteFindsAProgramThatIgnoresABrokenLevelWire() throws Exception {
    SuiteResult result =
        run("mixing-tank.sequences.yaml",
            "io.twinline.harness.reference.faulty.MixingTankIgnoresWireBreak");

    Map<String, SequenceResult> sequences = byName(result);
    SequenceResult wire = sequences.get("A broken level wire holds the batch");
    assertThat(wire.status()).as(summary(result)).isEqualTo(Status.FAILED);
    assertThat(wire.failure().orElseThrow().message())
        .startsWith("expected !ValveA/Open && !ValveB/Open && !Heating/Heat && !DrainPump/Run");
    assertThat(sequences.get("A batch fills, heats, holds and drains, then the next one starts")
        .status()).isEqualTo(Status.PASSED);
  }

  @Test
  void theMixingTankSuiteFindsTheMissingHighLevelInterlock() throws Exception {
    SuiteResult result =
        run("mixing-tank.sequences.yaml",
            "io.twinline.harness.reference.faulty.MixingTankMissingHighLevelInterlock");

    Map<String, SequenceResult> sequences = byName(result);
    SequenceResult stuckEmpty =
        sequences.get("A failed level transmitter cannot overflow the tank [reads empty]");
    assertThat(stuckEmpty.status()).as(summary(result)).isEqualTo(Status.FAILED);
    Failure failure = stuckEmpty.failure().orElseThrow();
    // The high level switch came, valve A stayed open.
    assertThat(failure.message())
        .startsWith("expected !ValveA/Open && !ValveB/Open within 0.050 s")
        .contains("ValveA/Open = true");
    assertThat(failure.lastEvents()).extracting(Failure.Event::text)
        .contains("Mixer/HighLevel = true");
    // Valve B has its interlock, and a healthy transmitter never lets A get that far.
    assertThat(sequences.get(
            "A failed level transmitter cannot overflow the tank [reads between the fills]")
        .status()).isEqualTo(Status.PASSED);
    assertThat(sequences.get("A batch fills, heats, holds and drains, then the next one starts")
        .status()).isEqualTo(Status.PASSED);
  }

  @Test
  void thePickAndPlaceSuitePassesAgainstTheReferenceProgram() throws Exception {
    SuiteResult result = run("pick-and-place.sequences.yaml", "reference");

    assertThat(result.passed()).as(summary(result)).isTrue();
    assertThat(result.sequences()).hasSize(7); // 5 sequences, one with 3 cases
  }

  @Test
  void thePickAndPlaceSuiteFindsThePartDroppedOnAnEStop() throws Exception {
    SuiteResult result =
        run("pick-and-place.sequences.yaml",
            "io.twinline.harness.reference.faulty.PickAndPlaceDropsPartOnStop");

    Map<String, SequenceResult> sequences = byName(result);
    SequenceResult movingOver = sequences.get(
        "An e-stop holds the unit where it is, with the part in the gripper [moving over]");
    assertThat(movingOver.status()).as(summary(result)).isEqualTo(Status.FAILED);
    Failure failure = movingOver.failure().orElseThrow();
    assertThat(failure.message())
        .startsWith("expected Gripper/Vacuum && Gripper/VacuumOk && !AxisX/Extended for 3.000 s,"
            + " but it stopped holding after 0.020 s")
        .contains("Gripper/Vacuum = false", "Gripper/VacuumOk = false");
    assertThat(failure.lastEvents()).extracting(Failure.Event::text)
        .contains("press EStop", "Gripper/Dropped = 1");
    assertThat(sequences.get("A part is picked from the infeed and placed on the outfeed")
        .status()).isEqualTo(Status.PASSED);
  }

  @Test
  void theCasePackerSuitePassesAgainstTheReferenceProgram() throws Exception {
    SuiteResult result = run("case-packer.sequences.yaml", "reference");

    assertThat(result.passed()).as(summary(result)).isTrue();
    assertThat(result.sequences()).hasSize(5);
  }

  @Test
  void theCasePackerSuiteFindsTheBlowerThatFiresTooLate() throws Exception {
    SuiteResult result =
        run("case-packer.sequences.yaml",
            "io.twinline.harness.reference.faulty.CasePackerLateBlower");

    Map<String, SequenceResult> sequences = byName(result);
    SequenceResult reject =
        sequences.get("A bottle the camera fails is blown into the reject bin");
    assertThat(reject.status()).as(summary(result)).isEqualTo(Status.FAILED);
    Failure failure = reject.failure().orElseThrow();
    // The valve opened, but the bottle was past the window already.
    assertThat(failure.message())
        .startsWith("expected changed(RejectBin/Count) within 1.100 s")
        .contains("RejectBin/Count = 0");
    assertThat(failure.timeline().series()).extracting(Timeline.Series::path)
        .contains("RejectBin/Count");
    assertThat(sequences.get("Six bottles per case, then index").status())
        .isEqualTo(Status.PASSED);
    // And the defective bottles end up in cases on the pallet.
    SequenceResult production = sequences.get("Every full case is transferred to the palletiser");
    assertThat(production.status()).isEqualTo(Status.FAILED);
    assertThat(production.failure().orElseThrow().message())
        .startsWith("never Palletiser/Count_defective > 0");
  }
}
