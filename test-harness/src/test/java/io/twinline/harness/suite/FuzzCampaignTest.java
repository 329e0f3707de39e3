package io.twinline.harness.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.sim.controller.Controllers;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Random campaigns: the reference program survives them, a faulty one does not, seeds replay. */
class FuzzCampaignTest {

  private static final String FAULTY =
      "io.twinline.harness.reference.faulty.BottlingLineMissingEStopInterlock";

  private static SuiteSpec suite() throws Exception {
    return SequenceReader.read(Path.of("sequences", "bottling-line.sequences.yaml"), null);
  }

  private static SuiteResult run(String controller, long firstSeed, int count) throws Exception {
    SuiteSpec suite = suite();
    return FuzzCampaign.run(suite, Controllers.resolve(controller, suite.line()),
        controller, firstSeed, count);
  }

  @Test
  void aSeedPlansTheSameActionsEveryTimeAndAnotherSeedOthers() throws Exception {
    FuzzSpec fuzz = suite().fuzz().orElseThrow();

    List<String> first = FuzzCampaign.plan(fuzz, 5).stream().map(Step::text).toList();
    List<String> again = FuzzCampaign.plan(fuzz, 5).stream().map(Step::text).toList();
    List<String> other = FuzzCampaign.plan(fuzz, 6).stream().map(Step::text).toList();

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    assertThat(first).anyMatch(t -> t.contains("pulse StartButton"))
        .anyMatch(t -> t.contains("hold EStop for 3.000 s"))
        .anyMatch(t -> t.contains("inject fault"))
        .filteredOn(t -> t.startsWith("never")).hasSize(3);
  }

  @Test
  void theReferenceProgramKeepsEveryInvariantUnderRandomOperatorsAndFaults() throws Exception {
    SuiteResult result = run("reference", 1, 5);

    assertThat(result.sequences()).hasSize(5)
        .allSatisfy(s -> assertThat(s.status()).as(s.name() + " "
            + s.failure().map(Failure::message).orElse("")).isEqualTo(Status.PASSED));
    assertThat(result.coverage().faults()).contains("jam on Infeed");
  }

  @Test
  void aFaultyProgramFailsAndItsFailingSeedReplaysExactly() throws Exception {
    SuiteResult campaign = run(FAULTY, 1, 5);
    SequenceResult failed = campaign.sequences().stream()
        .filter(s -> s.status() == Status.FAILED).findFirst().orElseThrow();
    long seed = Long.parseLong(failed.name().replace("seed ", ""));

    SuiteResult replay = run(FAULTY, seed, 1);

    SequenceResult again = replay.sequences().get(0);
    assertThat(again.status()).isEqualTo(Status.FAILED);
    assertThat(again.failure().orElseThrow().message())
        .isEqualTo(failed.failure().orElseThrow().message())
        .contains("Q_Infeed_Run [Infeed/MotorOn] = true");
    assertThat(again.failure().orElseThrow().time()).isEqualTo(failed.failure().get().time());
    assertThat(again.steps()).isEqualTo(failed.steps());
  }
}
