package io.twinline.sim.run;

import io.twinline.line.SignalPath;
import io.twinline.line.fault.FaultSpec;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The control surface of a served line: the one door through which every client changes the
 * plant or steers the run, whatever its protocol (OPC UA methods and writes, the HTTP API, the
 * rehearsal console, a PLC coupling, the harness).
 *
 * <p>Every call is checked on the simulation thread against the plant's state at the moment it
 * takes effect, so two clients racing for the same fault id cannot both win, and answered with an
 * {@link Outcome}: done, or refused with a typed {@link Refusal} each protocol maps to its own
 * codes. A done outcome is true: the plant has done it and every change it made is published to
 * the feed's lossless consumers (an OPC UA read after the answer shows it).
 *
 * <p>When the line runs, a change takes effect at the next I/O cycle, after the writes sent
 * before it; while it is paused, at once. Any thread; nothing here blocks.
 */
public final class LineControl {

  private final SimulationRunner runner;

  LineControl(SimulationRunner runner) {
    this.runner = runner;
  }

  /** Checks and applies {@code command}; see the class comment for when. */
  public CompletableFuture<Outcome> execute(Command command) {
    CompletableFuture<Outcome> result = new CompletableFuture<>();
    runner.onSimulationThread(
        () -> {
          Session session = runner.session();
          if (runner.holding()) {
            try {
              session.applyQueued();
              Outcome outcome = session.execute(command);
              session.publishNow();
              result.complete(outcome);
            } catch (RuntimeException | Error e) {
              // the simulation fails with it (the runner stops loudly); the caller is told
              result.completeExceptionally(e);
              throw e;
            }
          } else {
            session.submit(command, outcome ->
                session.afterNextPublication(() -> result.complete(outcome)));
          }
        },
        why -> result.complete(Outcome.refused(Refusal.invalidState(why.getMessage()),
            runner.simTime())));
    return result.thenCompose(outcome -> runner.feed().published().thenApply(done -> outcome));
  }

  /** Sets an output (or an input the line marks writable by clients), as a PLC or HMI does. */
  public CompletableFuture<Outcome> write(SignalPath signal, Object value) {
    return execute(new SetSignal(signal, value));
  }

  /** Forces a signal until released ({@link Force}). */
  public CompletableFuture<Outcome> force(SignalPath signal, Object value) {
    return execute(new Force(signal, value));
  }

  public CompletableFuture<Outcome> release(SignalPath signal) {
    return execute(new Release(signal));
  }

  /** An operator action: press, release, open, close, select:Auto, ... */
  public CompletableFuture<Outcome> operate(String device, String action) {
    return execute(new Operate(device, action));
  }

  public CompletableFuture<Outcome> loadRecipe(String name) {
    return execute(new LoadRecipe(name));
  }

  /** Injects a fault; refused if its id is in use (in force or scheduled) or it does not fit. */
  public CompletableFuture<Outcome> injectFault(FaultSpec fault) {
    return execute(new InjectFault(fault));
  }

  public CompletableFuture<Outcome> clearFault(String id) {
    return execute(new ClearFault(id));
  }

  /** Holds simulated time; a step running ends where it has got to. */
  public CompletableFuture<Outcome> pause() {
    return published(runner.pauseOutcome());
  }

  /** Lets time run again (refused in lock-step, where the PLC moves time). */
  public CompletableFuture<Outcome> resume() {
    return published(runner.resumeOutcome());
  }

  /** Back to time 0 and the line's initial state. */
  public CompletableFuture<Outcome> reset() {
    return published(runner.resetOutcome());
  }

  /**
   * While paused: the writes sent before take effect now, then {@code duration} of simulated
   * time runs as fast as possible; the outcome's time is the time reached. Refused when running,
   * when a step runs already, in lock-step, or for more than {@link SimulationRunner#MAX_STEP}.
   * A Pause or Resume during the step ends it where it got to; a Reset refuses it.
   */
  public CompletableFuture<Outcome> step(Duration duration) {
    return runner.stepOutcome(duration.toNanos());
  }

  /**
   * Changes how many simulated seconds run per wall second (realtime and scaled modes), from
   * now on. Refused (invalid state) in afap and stepped mode, lock-step included, where the wall
   * clock does not pace the line; refused (invalid argument) unless {@code factor} is more than 0
   * and at most {@link SimulationRunner#MAX_SPEED}.
   */
  public CompletableFuture<Outcome> changeSpeed(double factor) {
    return runner.speedOutcome(factor);
  }

  private CompletableFuture<Outcome> published(CompletableFuture<Outcome> outcome) {
    return outcome.thenCompose(o -> runner.feed().published().thenApply(done -> o));
  }
}
