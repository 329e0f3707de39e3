package io.twinline.sim.run;

import static io.twinline.sim.time.SimTime.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.twinline.line.SignalPath;
import io.twinline.sim.kernel.SimulationFailure;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.plant.TestLines;
import io.twinline.sim.signal.ChangeSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulationRunnerTest {

  private static final String LINE =
      """
      line: Test
      ioCycle: 10 ms
      components:
        - name: Feeder
          type: source
          interval: 1 h
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

  private final List<ChangeSet.Change> published = new CopyOnWriteArrayList<>();
  private final List<Boolean> snapshots = new CopyOnWriteArrayList<>();
  private SimulationRunner runner;

  private SimulationRunner runner(TimeMode mode) {
    Plant plant = TestLines.plant(LINE);
    runner = new SimulationRunner(plant, mode, 1.0);
    runner.subscribe(
        changes -> {
          snapshots.add(changes.isSnapshot());
          if (!changes.isSnapshot()) {
            published.addAll(changes.toList());
          }
        });
    return runner;
  }

  @AfterEach
  void stop() {
    if (runner != null) {
      runner.close();
    }
  }

  @Test
  void aWriteTakesEffectAtTheNextIoCycleAndItsConsequencesArePublishedWithSimTimes()
      throws Exception {
    runner(TimeMode.STEPPED).start();
    runner.submit(new SetSignal(SignalPath.parse("Belt/MotorOn"), true));

    runner.step(Duration.ofSeconds(10)).get(5, TimeUnit.SECONDS);

    // The write was queued before the first cycle (t=0), so the belt runs from 0 and the part
    // released at 0 reaches the end eye at exactly 4 s.
    assertThat(published)
        .contains(
            new ChangeSet.Change("Belt/MotorOn", 0, true),
            new ChangeSet.Change("Belt/AtEnd", seconds(4), true),
            new ChangeSet.Change("Belt/AtEnd", 4_400_000_000L, false));
    assertThat(snapshots.get(0)).isTrue();
  }

  @Test
  void aWriteBeforeAStepTakesEffectWhereTheStepStartsNotACycleLater() throws Exception {
    runner(TimeMode.STEPPED).start();
    runner.step(Duration.ofMillis(15)).get(5, TimeUnit.SECONDS);
    runner.submit(new SetSignal(SignalPath.parse("Belt/MotorOn"), true));

    runner.step(Duration.ofMillis(10)).get(5, TimeUnit.SECONDS);

    assertThat(published).contains(new ChangeSet.Change("Belt/MotorOn", 15_000_000, true));
  }

  @Test
  void steppedModeHoldsTimeUntilAsked() throws Exception {
    runner(TimeMode.STEPPED).start();

    long reached = runner.step(Duration.ofMillis(2500)).get(5, TimeUnit.SECONDS);

    assertThat(reached).isEqualTo(2_500_000_000L);
    assertThat(runner.simTime()).isEqualTo(2_500_000_000L);
    assertThat(runner.call(p -> p.simulation().now()).get(5, TimeUnit.SECONDS))
        .isEqualTo(2_500_000_000L);
  }

  @Test
  void asFastAsPossibleRunsFarAheadOfTheWallClock() {
    runner(TimeMode.AFAP).start();

    await().atMost(Duration.ofSeconds(10)).until(() -> runner.simTime() > seconds(3600));
  }

  @Test
  void realTimeRunsAndCanBePausedAndResumed() throws Exception {
    runner(TimeMode.REALTIME).start();
    await().atMost(Duration.ofSeconds(5)).until(() -> runner.simTime() >= 30_000_000);

    long pausedAt = runner.pause().get(5, TimeUnit.SECONDS);
    assertThat(runner.state()).isEqualTo(RunnerState.PAUSED);
    long stepped = runner.step(Duration.ofSeconds(1)).get(5, TimeUnit.SECONDS);
    assertThat(stepped).isEqualTo(pausedAt + seconds(1));

    runner.resume().get(5, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(5)).until(() -> runner.simTime() > stepped + 20_000_000);
  }

  @Test
  void stepIsRefusedWhileRunning() {
    runner(TimeMode.AFAP).start();

    assertThatThrownBy(() -> runner.step(Duration.ofSeconds(1)).join())
        .isInstanceOf(CompletionException.class)
        .hasMessageContaining("paused");
  }

  @Test
  void aFailingCommandStopsTheRunAndSaysWhere() {
    runner(TimeMode.STEPPED).start();
    runner.submit(
        plant -> {
          throw new IllegalStateException("broken command");
        });

    // the step fails with the run: with the failure itself if the write was applied at the
    // step's start, as "not running" if the hold applied it first
    assertThatThrownBy(() -> runner.step(Duration.ofSeconds(1)).join())
        .isInstanceOf(CompletionException.class);
    assertThatThrownBy(() -> runner.termination().join())
        .hasCauseInstanceOf(SimulationFailure.class)
        .hasMessageContaining("I/O cycle")
        .hasMessageContaining("broken command");
    assertThat(runner.state()).isEqualTo(RunnerState.FAILED);
    assertThatThrownBy(() -> runner.call(p -> 1).join()).hasMessageContaining("not running");
  }

  @Test
  void closeStopsTheThreadAndLaterCallsAreRefused() {
    runner(TimeMode.AFAP).start();

    runner.close();

    assertThat(runner.termination()).isCompleted();
    assertThat(runner.state()).isEqualTo(RunnerState.STOPPED);
    assertThatThrownBy(() -> runner.call(p -> 1).join()).hasMessageContaining("not running");
  }

  @Test
  void aScriptDrivesTheLineOnTheSimulationThreadWhileTheRunnerServesOthers() throws Exception {
    SimulationRunner runner = new SimulationRunner(TestLines.plant(LINE), TimeMode.SCALED, 50.0);
    this.runner = runner;
    runner.start();

    CompletableFuture<Long> arrival =
        runner.runScript(
            ctx -> {
              ctx.session().apply(new SetSignal(SignalPath.parse("Belt/MotorOn"), true));
              long start = ctx.session().now();
              boolean arrived =
                  ctx.runUntil(p -> p.signal("Belt/AtEnd").booleanValue(), seconds(60));
              return arrived ? ctx.session().now() - start : -1;
            });
    // Meanwhile the runner answers other threads and time goes on.
    await().until(() -> runner.simTime() > seconds(1));
    assertThat(runner.call(p -> p.signal("Belt/MotorOn").booleanValue())
        .get(5, TimeUnit.SECONDS)).isTrue();

    // 2.0 m at 0.5 m/s: the box on the belt reaches the eye 4 s later (scaled 50x).
    assertThat(arrival.get(10, TimeUnit.SECONDS)).isEqualTo(seconds(4));
    // A script that waits for what does not come gets false when its time is up.
    long before = runner.simTime();
    assertThat(runner.runScript(ctx -> ctx.runUntil(p -> false, seconds(2)))
        .get(10, TimeUnit.SECONDS)).isFalse();
    assertThat(runner.simTime()).isGreaterThanOrEqualTo(before + seconds(2));
  }
}
