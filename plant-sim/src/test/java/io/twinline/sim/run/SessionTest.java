package io.twinline.sim.run;

import static io.twinline.sim.time.SimTime.millis;
import static io.twinline.sim.time.SimTime.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.line.SignalPath;
import io.twinline.line.fault.FaultKind;
import io.twinline.line.fault.FaultSpec;
import io.twinline.sim.flow.Conveyor;
import io.twinline.sim.plant.TestLines;
import io.twinline.sim.signal.ChangeSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionTest {

  private static final String LINE =
      """
      line: Test
      ioCycle: 10 ms
      seed: 3
      components:
        - name: Feeder
          type: source
          interval: exponential(2 s)
          to: Belt
        - name: Belt
          type: conveyor
          length: 2.0 m
          speed: 0.5 m/s
          to: Out
        - name: AtEnd
          type: photo-eye
          conveyor: Belt
          position: 2.0 m
        - name: Out
          type: sink
      """;

  private final Session session = new Session(TestLines.line(LINE));
  private final List<ChangeSet.Change> published = new ArrayList<>();

  SessionTest() {
    session.subscribe(changes -> published.addAll(changes.toList()));
  }

  @Test
  void changesArePublishedAtTheEndOfTheIoCycleInstant() {
    session.submit(new SetSignal(SignalPath.parse("Belt/MotorOn"), true));
    session.runUntil(millis(2000));
    // Stop for 1/3 s: the part then reaches the eye at 4.333333333 s, between two exchanges.
    session.apply(new SetSignal(SignalPath.parse("Belt/MotorOn"), false));
    session.runUntil(2_333_333_333L);
    session.apply(new SetSignal(SignalPath.parse("Belt/MotorOn"), true));
    session.runUntil(millis(4335));

    assertThat(session.plant().signal("Belt/AtEnd").plcBoolean()).isTrue();
    assertThat(published).noneMatch(c -> c.path().equals("Belt/AtEnd") && c.time() > 0);

    session.runUntil(millis(4340));
    assertThat(published).contains(new ChangeSet.Change("Belt/AtEnd", 4_333_333_333L, true));
  }

  @Test
  void aSnapshotRestoredLaterGivesTheSameStateAndTheSameFuture() {
    session.submit(new SetSignal(SignalPath.parse("Belt/MotorOn"), true));
    session.runUntil(seconds(7));
    session.apply(new InjectFault(FaultSpec.of("J", "Belt", FaultKind.JAM)));
    session.runUntil(seconds(9));
    session.apply(new ClearFault("J"));
    session.runUntil(millis(12_345));
    Snapshot snapshot = session.snapshot();
    List<Double> positions = session.plant().component("Belt", Conveyor.class).partPositions();
    session.runUntil(seconds(60));
    int countAt60 = session.plant().signal("Out/Count").intValue();

    session.restore(snapshot);

    assertThat(session.now()).isEqualTo(millis(12_345));
    assertThat(session.plant().component("Belt", Conveyor.class).partPositions())
        .isEqualTo(positions);
    session.runUntil(seconds(60));
    assertThat(session.plant().signal("Out/Count").intValue()).isEqualTo(countAt60);
  }

  @Test
  void resetStartsTheLineOverFromItsDefinition() {
    session.submit(new SetSignal(SignalPath.parse("Belt/MotorOn"), true));
    session.runUntil(seconds(30));

    session.reset();

    assertThat(session.now()).isZero();
    assertThat(session.plant().signal("Belt/MotorOn").booleanValue()).isFalse();
    assertThat(session.plant().signal("Out/Count").intValue()).isZero();
    assertThat(session.journal()).isEmpty();
  }

  @Test
  void runUntilAConditionStopsWhenItHolds() {
    session.submit(new SetSignal(SignalPath.parse("Belt/MotorOn"), true));

    boolean reached =
        session.runUntil(p -> p.signal("Belt/AtEnd").booleanValue(), seconds(60));

    assertThat(reached).isTrue();
    assertThat(session.now()).isEqualTo(seconds(4));
  }
}
