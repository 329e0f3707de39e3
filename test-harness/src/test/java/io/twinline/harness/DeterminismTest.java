package io.twinline.harness;

import static io.twinline.sim.time.SimTime.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.sim.controller.SoftPlc;
import io.twinline.harness.reference.BottlingLineProgram;
import io.twinline.line.LineDefinitions;
import io.twinline.line.fault.FaultKind;
import io.twinline.line.fault.FaultSpec;
import io.twinline.line.model.LineDefinition;
import io.twinline.sim.run.InjectFault;
import io.twinline.sim.run.Operate;
import io.twinline.sim.run.Session;
import io.twinline.sim.run.Trace;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The same line, seed and inputs give the same trace, change for change. */
class DeterminismTest {

  private static Trace run(LineDefinition line) {
    Session session = new Session(line);
    Trace trace = new Trace();
    session.subscribe(trace);
    new SoftPlc(session, new BottlingLineProgram(), Duration.ofMillis(10)).start();
    session.runUntil(seconds(1));
    session.apply(new Operate("StartButton", "press"));
    session.runUntil(seconds(2));
    session.apply(new Operate("StartButton", "release"));
    session.apply(new InjectFault(
        FaultSpec.of("Dirt", "FillerIn", FaultKind.DIRTY_SENSOR).withProbability(0.2)));
    session.runUntil(seconds(900));
    return trace;
  }

  @Test
  void twoRunsOfTheBottlingLineGiveIdenticalTraces() throws Exception {
    LineDefinition line = LineDefinitions.read(Path.of("..", "line-definitions", "bottling-line.yaml"));

    Trace first = run(line);
    Trace second = run(line);

    assertThat(first.size()).isGreaterThan(10_000);
    assertThat(second.entries()).isEqualTo(first.entries());
  }

  @Test
  void anotherSeedGivesAnotherTrace() throws Exception {
    LineDefinition line = LineDefinitions.read(Path.of("..", "line-definitions", "bottling-line.yaml"));
    LineDefinition reseeded =
        new LineDefinition(line.name(), line.description(), line.ioCycle(), line.seed() + 1,
            line.components(), line.signalOptions(), line.faults(), line.file());

    assertThat(run(reseeded).entries()).isNotEqualTo(run(line).entries());
  }

  private static Trace runCasePacker(LineDefinition line) {
    Session session = new Session(line);
    Trace trace = new Trace();
    session.subscribe(trace);
    new SoftPlc(session, new io.twinline.harness.reference.CasePackerProgram(),
        Duration.ofMillis(10)).start();
    session.runUntil(seconds(600));
    return trace;
  }

  @Test
  void twoRunsOfTheCasePackerGiveIdenticalTracesAndAnotherSeedAnotherOne() throws Exception {
    LineDefinition line = LineDefinitions.read(Path.of("..", "line-definitions", "case-packer.yaml"));
    LineDefinition reseeded =
        new LineDefinition(line.name(), line.description(), line.ioCycle(), line.seed() + 1,
            line.components(), line.signalOptions(), line.faults(), line.file());

    Trace first = runCasePacker(line);
    Trace second = runCasePacker(line);

    // Tolerances of the source, the camera's findings, the blower, packing: change for change.
    assertThat(first.size()).isGreaterThan(10_000);
    assertThat(second.entries()).isEqualTo(first.entries());
    assertThat(runCasePacker(reseeded).entries()).isNotEqualTo(first.entries());
  }
}
