package io.twinline.sim.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.line.LineDefinitions;
import io.twinline.line.SignalPath;
import io.twinline.line.fault.FaultKind;
import io.twinline.line.fault.FaultSpec;
import io.twinline.line.model.LineDefinition;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.plant.SystemSignals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The control surface: every request checked on the simulation thread, a typed answer. */
class LineControlTest {

  private static final SignalPath MOTOR = SignalPath.parse("Belt/MotorOn");
  private static final SignalPath AT_END = SignalPath.parse("Belt/AtEnd");

  private SimulationRunner runner;

  @AfterEach
  void stop() {
    if (runner != null) {
      runner.close();
    }
  }

  private static LineDefinition line() throws Exception {
    return LineDefinitions.parse("r.yaml", """
        line: R
        components:
          - {name: Start, type: push-button}
          - {name: Feeder, type: source, interval: 5 s, part: {type: box, length: 0.2 m},
             to: Belt}
          - {name: Belt, type: conveyor, length: 2.0 m, speed: 0.5 m/s, to: Out}
          - {name: AtEnd, type: photo-eye, conveyor: Belt, position: 2.0 m}
          - {name: Out, type: sink}
          - {name: Var, type: variables, variables: [{name: X, type: Int16, direction: input}]}
        recipes:
          - {name: small, signals: {Var/X: 1}}
          - {name: large, signals: {Var/X: 2}}
        """);
  }

  private LineControl start(TimeMode mode) throws Exception {
    runner = new SimulationRunner(Plant.build(line()), mode, 1.0);
    runner.start();
    return runner.control();
  }

  private static Outcome answer(CompletableFuture<Outcome> outcome) throws Exception {
    return outcome.get(10, TimeUnit.SECONDS);
  }

  private static void assertRefused(Outcome outcome, Refusal.Kind kind, String reason) {
    assertThat(outcome.isDone()).as(outcome.toString()).isFalse();
    assertThat(outcome.refusal().kind()).isEqualTo(kind);
    assertThat(outcome.message()).contains(reason);
  }

  @Test
  void unknownThingsAreNotFound() throws Exception {
    LineControl control = start(TimeMode.STEPPED);

    assertRefused(answer(control.operate("NoSuchButton", "press")), Refusal.Kind.NOT_FOUND,
        "'NoSuchButton' is not an operator device");
    assertRefused(answer(control.loadRecipe("medium")), Refusal.Kind.NOT_FOUND,
        "line R has no recipe 'medium'; recipes: small, large");
    assertRefused(answer(control.clearFault("J1")), Refusal.Kind.NOT_FOUND, "no fault 'J1'");
    assertRefused(answer(control.write(SignalPath.parse("Belt/Nothing"), true)),
        Refusal.Kind.NOT_FOUND, "no signal Belt/Nothing");
    assertRefused(answer(control.injectFault(FaultSpec.of("F", "Nowhere", FaultKind.JAM))),
        Refusal.Kind.NOT_FOUND, "Nowhere");
  }

  @Test
  void wrongArgumentsAreInvalid() throws Exception {
    LineControl control = start(TimeMode.STEPPED);

    assertRefused(answer(control.operate("Start", "open")), Refusal.Kind.INVALID_ARGUMENT,
        "Start cannot 'open'; it can: ");
    assertRefused(answer(control.write(MOTOR, 3.5)), Refusal.Kind.INVALID_ARGUMENT,
        "Belt/MotorOn");
    assertRefused(answer(control.step(Duration.ofHours(25))), Refusal.Kind.INVALID_ARGUMENT,
        "a step is 0 to 24 h");
    assertRefused(answer(control.step(Duration.ofNanos(-1))), Refusal.Kind.INVALID_ARGUMENT,
        "a step is 0 to 24 h");
  }

  @Test
  void whatTheStateForbidsIsInvalidState() throws Exception {
    LineControl control = start(TimeMode.AFAP);

    assertRefused(answer(control.step(Duration.ofMillis(10))), Refusal.Kind.INVALID_STATE,
        "paused");
    assertRefused(answer(control.release(AT_END)), Refusal.Kind.INVALID_STATE, "not forced");
  }

  @Test
  void theInputsThePlantDrivesCannotBeWritten() throws Exception {
    LineControl control = start(TimeMode.STEPPED);

    assertRefused(answer(control.write(AT_END, true)), Refusal.Kind.NOT_ALLOWED,
        "an input that the plant drives");
  }

  @Test
  void twoClientsInjectingOneFaultIdAtOnceOneWinsOneIsRefused() throws Exception {
    LineControl control = start(TimeMode.AFAP);
    FaultSpec jam = FaultSpec.of("J1", "Belt", FaultKind.JAM);

    List<CompletableFuture<Outcome>> answers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      answers.add(CompletableFuture.supplyAsync(() -> control.injectFault(jam))
          .thenCompose(f -> f));
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (CompletableFuture<Outcome> a : answers) {
      outcomes.add(answer(a));
    }

    assertThat(outcomes).filteredOn(Outcome::isDone).hasSize(1);
    assertThat(outcomes).filteredOn(o -> !o.isDone())
        .allSatisfy(o -> assertThat(o.refusal().kind()).isEqualTo(Refusal.Kind.INVALID_STATE))
        .allSatisfy(o -> assertThat(o.message()).contains("'J1' is in use"));
    assertThat(runner.call(p -> p.faults().ids()).get()).containsExactly("J1");
    assertThat(runner.termination()).isNotDone();
    assertThat(answer(control.clearFault("J1")).isDone()).isTrue();
  }

  @Test
  void whilePausedAChangeTakesEffectAtOnceAndADoneIsTrue() throws Exception {
    LineControl control = start(TimeMode.STEPPED);

    Outcome injected = answer(control.injectFault(FaultSpec.of("S1", "Belt/AtEnd",
        FaultKind.STUCK_AT).withValue("true")));
    Outcome cleared = answer(control.clearFault("S1"));

    assertThat(injected.isDone()).isTrue();
    assertThat(cleared.isDone()).as(cleared.toString()).isTrue();
    assertThat(cleared.simTime()).isZero();
  }

  @Test
  void outputsWrittenBeforeAStepTakeEffectAtItsFirstInstant() throws Exception {
    LineControl control = start(TimeMode.STEPPED);
    answer(control.step(Duration.ofMillis(30)));

    runner.submit(new SetSignal(MOTOR, true)); // a PLC's plain write, queued
    Outcome step = answer(control.step(Duration.ofMillis(10)));

    assertThat(step.simTime()).isEqualTo(40_000_000L);
    assertThat(runner.call(p -> p.signal("Belt/MotorOn").changedAt()).get())
        .isEqualTo(30_000_000L);
  }

  @Test
  void aPauseEndsALongStepWhereItGotToAndTimeHolds() throws Exception {
    LineControl control = start(TimeMode.STEPPED);
    answer(control.write(MOTOR, true));

    CompletableFuture<Outcome> longStep = control.step(Duration.ofHours(24));
    Outcome paused = answer(control.pause());
    Outcome step = answer(longStep);

    assertThat(paused.isDone()).isTrue();
    assertThat(step.isDone()).isTrue();
    assertThat(step.message()).contains("interrupted by Pause");
    assertThat(step.simTime()).isLessThan(Duration.ofHours(24).toNanos())
        .isEqualTo(paused.simTime());
    long held = runner.call(p -> p.simulation().now()).get();
    assertThat(held).isEqualTo(paused.simTime());
    assertThat(runner.state()).isEqualTo(RunnerState.PAUSED);
    assertThat(answer(control.step(Duration.ofMillis(10))).simTime())
        .isEqualTo(held + 10_000_000L);
  }

  @Test
  void aResetRefusesTheStepItInterrupts() throws Exception {
    LineControl control = start(TimeMode.STEPPED);
    CompletableFuture<Outcome> longStep = control.step(Duration.ofHours(24));

    Outcome reset = answer(control.reset());

    assertThat(reset.isDone()).isTrue();
    assertRefused(answer(longStep), Refusal.Kind.INVALID_STATE, "interrupted by Reset");
    assertThat(answer(control.step(Duration.ofMillis(10))).simTime()).isEqualTo(10_000_000L);
  }

  @Test
  void aForcedInputReadsTheForcedValueUntilReleased() throws Exception {
    LineControl control = start(TimeMode.STEPPED);
    LatestValues view = runner.feed().latest(runner.plant().signals().size());

    assertThat(answer(control.force(AT_END, true)).isDone()).isTrue();
    assertThat(runner.call(p -> p.signal("Belt/AtEnd").plcBoolean()).get()).isTrue();
    LatestValues.Latest forced = view.poll().signals().stream()
        .filter(l -> l.definition().path().equals(AT_END)).findFirst().orElseThrow();
    assertThat(forced.value()).isEqualTo(true);
    assertThat(forced.forced()).isTrue();

    assertThat(answer(control.release(AT_END)).isDone()).isTrue();
    assertThat(runner.call(p -> p.signal("Belt/AtEnd").plcBoolean()).get()).isFalse();
    view.close();
  }

  @Test
  void aForcedOutputDrivesThePlantWhateverThePlcWritesAndItsWriteComesBack() throws Exception {
    LineControl control = start(TimeMode.STEPPED);

    answer(control.force(MOTOR, true));
    answer(control.write(MOTOR, false));
    answer(control.step(Duration.ofSeconds(4)));
    assertThat(runner.call(p -> p.signal("Belt/AtEnd").booleanValue()).get())
        .as("the forced motor ran the box to the end").isTrue();

    answer(control.release(MOTOR));
    assertThat(runner.call(p -> p.signal("Belt/MotorOn").booleanValue()).get())
        .as("the PLC's last write").isFalse();
  }

  @Test
  void latestValuesCountEveryEdgeBetweenTwoLooks() throws Exception {
    LineControl control = start(TimeMode.STEPPED);
    answer(control.pause()); // the run has started: its first snapshot is out
    LatestValues view = runner.feed().latest(runner.plant().signals().size());
    answer(control.pause()); // a publication: the view joins there
    view.poll();

    answer(control.write(MOTOR, true));
    answer(control.write(MOTOR, false));
    answer(control.write(MOTOR, true));
    answer(control.write(MOTOR, false));
    LatestValues.Frame frame = view.poll();

    LatestValues.Latest motor = frame.signals().stream()
        .filter(l -> l.definition().path().equals(MOTOR)).findFirst().orElseThrow();
    assertThat(motor.value()).isEqualTo(false);
    assertThat(motor.changes()).isEqualTo(4);
    assertThat(view.poll().signals()).isEmpty();
    view.close();
  }

  @Test
  void inLockStepTimeMovesOneCyclePerAcknowledgedStep() throws Exception {
    runner = new SimulationRunner(Plant.build(line()), TimeMode.STEPPED, 1.0);
    runner.lockStep(Duration.ofSeconds(10));
    runner.start();
    String request = SystemSignals.STEP_REQUEST.toString();

    for (int n = 1; n <= 3; n++) {
      int expected = n;
      org.awaitility.Awaitility.await().until(() ->
          runner.call(p -> p.signal(request).intValue()).get() == expected);
      assertThat(runner.call(p -> p.simulation().now()).get()).isEqualTo((n - 1) * 10_000_000L);
      if (n == 2) {
        runner.submit(new SetSignal(MOTOR, true));
      }
      runner.submit(new SetSignal(SystemSignals.STEP_ACK, n));
    }
    org.awaitility.Awaitility.await().until(() ->
        runner.call(p -> p.signal(request).intValue()).get() == 4);

    assertThat(runner.call(p -> p.simulation().now()).get()).isEqualTo(30_000_000L);
    assertThat(runner.call(p -> p.signal("Belt/MotorOn").changedAt()).get())
        .as("the write before ack 2 took effect where step 2 started").isEqualTo(10_000_000L);
    assertRefused(answer(runner.control().step(Duration.ofMillis(10))),
        Refusal.Kind.INVALID_STATE, "lock-step");
    assertThat(runner.lockStepHandshake().orElseThrow().steps()).isEqualTo(3);
  }

  @Test
  void aPauseHoldsTheLockStepEvenWhenThePlcAcknowledgesUntilResume() throws Exception {
    runner = new SimulationRunner(Plant.build(line()), TimeMode.STEPPED, 1.0);
    runner.lockStep(Duration.ofSeconds(10));
    runner.start();
    String request = SystemSignals.STEP_REQUEST.toString();
    answer(runner.control().pause());

    runner.submit(new SetSignal(SystemSignals.STEP_ACK, 1));
    answer(runner.control().write(MOTOR, true)); // applied at once while held: the ack is in
    assertThat(runner.call(p -> p.simulation().now()).get()).isZero();
    assertThat(runner.call(p -> p.signal(request).intValue()).get()).isEqualTo(1);

    assertThat(answer(runner.control().resume()).isDone()).isTrue();
    org.awaitility.Awaitility.await().until(() ->
        runner.call(p -> p.signal(request).intValue()).get() == 2);
    assertThat(runner.call(p -> p.simulation().now()).get()).isEqualTo(10_000_000L);
  }

  /** Holds the simulation thread inside a call until the latch opens (controls then batch up). */
  private java.util.concurrent.CountDownLatch holdSimulationThread() throws Exception {
    java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch in = new java.util.concurrent.CountDownLatch(1);
    runner.call(p -> {
      in.countDown();
      try {
        latch.await();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return null;
    });
    in.await();
    return latch;
  }

  @Test
  void aWriteSentJustBeforeAPauseIsAnswered() throws Exception {
    runner = new SimulationRunner(Plant.build(line()), TimeMode.REALTIME, 1.0);
    runner.start();
    java.util.concurrent.CountDownLatch latch = holdSimulationThread();
    CompletableFuture<Outcome> write = runner.control().write(MOTOR, true);
    CompletableFuture<Outcome> pause = runner.control().pause();
    latch.countDown();

    assertThat(answer(pause).isDone()).isTrue();
    assertThat(answer(write).isDone()).as("answered while paused, not at a cycle to come").isTrue();
  }

  @Test
  void aWriteQueuedWhenTheRunnerClosesIsRefusedNotLeftWaiting() throws Exception {
    LineDefinition slow = LineDefinitions.parse("s.yaml", """
        line: S
        ioCycle: 1000 ms
        components:
          - {name: Belt, type: conveyor, length: 2.0 m, speed: 0.5 m/s}
        """);
    runner = new SimulationRunner(Plant.build(slow), TimeMode.REALTIME, 1.0);
    runner.start();
    runner.call(p -> null).get(5, TimeUnit.SECONDS);
    CompletableFuture<Outcome> write = runner.control().write(MOTOR, true);
    runner.call(p -> null).get(5, TimeUnit.SECONDS); // the write waits for the next cycle
    runner.close();

    assertRefused(answer(write), Refusal.Kind.INVALID_STATE, "not running");
  }

  @Test
  void aPauseInTheMiddleOfALockStepCycleLetsTheCycleFinish() throws Exception {
    runner = new SimulationRunner(Plant.build(line()), TimeMode.STEPPED, 1.0);
    runner.lockStep(Duration.ofSeconds(10));
    runner.start();
    String request = SystemSignals.STEP_REQUEST.toString();
    org.awaitility.Awaitility.await().until(() ->
        runner.call(p -> p.signal(request).intValue()).get() == 1);
    // an event 3 ms into step 1 pauses the line there
    runner.submit(plant -> plant.simulation().scheduleAt(plant.simulation().now() + 3_000_000L,
        io.twinline.sim.kernel.Priority.IO_EXCHANGE,
        io.twinline.sim.kernel.Action.named("pause", () -> runner.control().pause())));
    runner.submit(new SetSignal(SystemSignals.STEP_ACK, 1));

    org.awaitility.Awaitility.await().until(() -> runner.state() == RunnerState.PAUSED
        && runner.call(p -> p.signal(request).intValue()).get() == 2);
    assertThat(runner.call(p -> p.simulation().now()).get())
        .as("one acknowledged step is one I/O cycle, Pause or not").isEqualTo(10_000_000L);
    answer(runner.control().resume());
    runner.submit(new SetSignal(SystemSignals.STEP_ACK, 2));
    org.awaitility.Awaitility.await().until(() ->
        runner.call(p -> p.signal(request).intValue()).get() == 3);
    assertThat(runner.call(p -> p.simulation().now()).get()).isEqualTo(20_000_000L);
  }

  @Test
  void aLosslessConsumerJoiningBetweenTwoPublicationsGetsEachChangeOnce() throws Exception {
    runner = new SimulationRunner(Plant.build(line()), TimeMode.STEPPED, 1.0);
    runner.start();
    runner.call(p -> null).get(5, TimeUnit.SECONDS);
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.CountDownLatch latch = holdSimulationThread();
    // a change logged on the simulation thread and not yet published
    runner.call(p -> {
      p.signal("Belt/MotorOn").set(true);
      return null;
    });
    AutoCloseable consumer = runner.feed().lossless("joiner", (changes, epoch) -> {
      for (int i = 0; i < changes.size(); i++) {
        if (changes.definition(i).path().equals(MOTOR)) {
          seen.add((changes.isSnapshot() ? "snapshot " : "change ") + changes.value(i));
        }
      }
    });
    latch.countDown();
    runner.call(p -> null).get(5, TimeUnit.SECONDS);
    answer(runner.control().pause());
    org.awaitility.Awaitility.await().until(() -> !seen.isEmpty());
    runner.feed().published().get(5, TimeUnit.SECONDS);
    consumer.close();

    assertThat(seen).containsExactly("snapshot true");
  }

  @Test
  void aForceIsOneChangeInTheFeed() throws Exception {
    LineControl control = start(TimeMode.STEPPED);
    answer(control.pause());
    LatestValues view = runner.feed().latest(runner.plant().signals().size());
    answer(control.pause());
    view.poll();

    answer(control.force(AT_END, true));
    LatestValues.Latest forced = view.poll().signals().stream()
        .filter(l -> l.definition().path().equals(AT_END)).findFirst().orElseThrow();

    assertThat(forced.changes()).isEqualTo(1);
    view.close();
  }

  @Test
  void theSpeedOfARealTimeLineChangesFromNowOn() throws Exception {
    LineControl control = start(TimeMode.REALTIME);

    Outcome done = answer(control.changeSpeed(4.0));

    assertThat(done.isDone()).as(done.toString()).isTrue();
    assertThat(runner.speedFactor()).isEqualTo(4.0);
  }

  @Test
  void aSpeedChangeIsRefusedWhereTheWallClockDoesNotPaceTheLine() throws Exception {
    LineControl control = start(TimeMode.AFAP);

    assertRefused(answer(control.changeSpeed(2.0)), Refusal.Kind.INVALID_STATE, "afap mode");
  }

  @Test
  void aSpeedFactorMustBePositiveAndAtMostTheLargest() throws Exception {
    LineControl control = start(TimeMode.REALTIME);

    assertRefused(answer(control.changeSpeed(0)), Refusal.Kind.INVALID_ARGUMENT, "not 0.0");
    assertRefused(answer(control.changeSpeed(Double.NaN)), Refusal.Kind.INVALID_ARGUMENT, "NaN");
    assertRefused(answer(control.changeSpeed(5000)), Refusal.Kind.INVALID_ARGUMENT, "at most");
    assertThat(runner.speedFactor()).isEqualTo(1.0);
  }
}
