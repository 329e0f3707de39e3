package io.twinline.sim.run;

import io.twinline.sim.plant.Plant;
import io.twinline.sim.time.Clock;
import io.twinline.sim.time.RealTimeClock;
import io.twinline.sim.time.SimTime;
import io.twinline.sim.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulation thread: runs a {@link Session} against the wall clock; the only thread that
 * changes the plant.
 *
 * <p>Other threads talk to it in two ways. {@link #submit(Command)} queues a change for the next
 * I/O cycle (how a PLC's writes arrive: in order, at cycle boundaries). {@link #call(Function)}
 * runs a function between two events as soon as possible and hands back its result (how tools
 * read state or steer the run). In return the session publishes every signal change, with its
 * simulated time, to its {@link ChangeSubscriber}s at each I/O exchange.
 *
 * <p>Pacing is the clock's business: real time (optionally scaled) for a real PLC, as fast as
 * possible for an in-process controller, or stepped, where time moves only on {@link #step}.
 *
 * <p>If an event fails the runner stops, keeps the failure ({@link #termination()} completes
 * exceptionally) and logs it: a plant in an unknown state must not go on serving values.
 */
public final class SimulationRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SimulationRunner.class);

  private final Session session;
  private final TimeMode mode;
  private volatile double speedFactor;
  private final Clock clock;
  private final Clock virtualClock = new VirtualClock();
  private final long ioCycle;
  private final PacingStats pacingStats;
  private final Queue<Control> controls = new ConcurrentLinkedQueue<>();
  private final CompletableFuture<Void> termination = new CompletableFuture<>();
  private final ChangeFeed feed = new ChangeFeed(this::epoch, this);
  private final LineControl control = new LineControl(this);

  private volatile Thread thread;
  private volatile boolean stopRequested;
  private volatile RunnerState state = RunnerState.NEW;
  private volatile Instant epoch;
  private volatile Plant plant;

  /** Work for the simulation thread between events; abandoned if the runner ends first. */
  private interface Control {
    void run();

    void abandon(Throwable why);
  }

  // Simulation thread only:
  private boolean paused;
  private long stepTarget = -1;
  private CompletableFuture<Outcome> stepDone;
  private LockStep lockStep;

  /**
   * @param plant a freshly built plant; from {@link #start()} on it belongs to this runner
   * @param mode the time mode
   * @param speedFactor simulated seconds per wall second for {@link TimeMode#SCALED}; ignored
   *     otherwise
   */
  public SimulationRunner(Plant plant, TimeMode mode, double speedFactor) {
    this.session = new Session(Objects.requireNonNull(plant, "plant"));
    this.session.subscribe(feed);
    this.plant = plant;
    this.mode = Objects.requireNonNull(mode, "mode");
    this.speedFactor = speedFactor;
    this.ioCycle = session.ioCycle();
    this.pacingStats = new PacingStats(ioCycle);
    this.clock =
        switch (mode) {
          case REALTIME -> new RealTimeClock(1.0);
          case SCALED -> new RealTimeClock(speedFactor);
          case AFAP, STEPPED -> virtualClock;
        };
  }

  /**
   * The plant being simulated. From another thread, read only what never changes (its
   * definition, its signals' identities); after {@link #reset()} it is a new plant.
   */
  /**
   * The session the runner drives. Read it on the simulation thread only: from a {@link
   * ChangeSubscriber}, a {@link #call} or a script.
   */
  public Session session() {
    return session;
  }

  public Plant plant() {
    return plant;
  }

  /**
   * The control surface of the line: the one door through which every client (OPC UA, HTTP, the
   * console, a coupling) changes the plant and steers the run. Any thread.
   */
  public LineControl control() {
    return control;
  }

  private volatile io.twinline.sim.controller.ProgramWatch programWatch;

  /** The variables of the program an in-process soft PLC runs, to be watched. Any thread. */
  public void watch(io.twinline.sim.controller.ProgramWatch watch) {
    this.programWatch = watch;
  }

  /** What {@link #watch} was given, if a watchable program runs in process. Any thread. */
  public java.util.Optional<io.twinline.sim.controller.ProgramWatch> programWatch() {
    return java.util.Optional.ofNullable(programWatch);
  }

  /** The feed of signal changes every consumer off the simulation thread subscribes to. */
  public ChangeFeed feed() {
    return feed;
  }

  /**
   * Lock-step over plain variables: the simulation advances one I/O cycle each time the PLC
   * acknowledges the step it was offered ({@link LockStep}). Call before {@link #start()}, in
   * {@link TimeMode#STEPPED} mode.
   *
   * @param watchdog wall time after which a PLC that has not acknowledged is reported (logged)
   */
  public synchronized void lockStep(Duration watchdog) {
    lockStep(watchdog, false);
  }

  /**
   * As {@link #lockStep(Duration)}; with {@code onlyDuringScripts} steps are offered to the PLC
   * only while a script ({@link #runScript}, a test sequence) runs: {@code StepRequest} is 0
   * outside them, so the PLC scans the same steps in every run, however early it connected.
   */
  public synchronized void lockStep(Duration watchdog, boolean onlyDuringScripts) {
    if (state != RunnerState.NEW) {
      throw new IllegalStateException("lock-step is chosen before the runner starts");
    }
    if (mode != TimeMode.STEPPED) {
      throw new IllegalStateException("lock-step needs the stepped time mode, not " + mode);
    }
    lockStep = new LockStep(this, watchdog, onlyDuringScripts);
  }

  /**
   * Whether the PLC has answered the step offered last (or none is offered, or there is no
   * lock-step): wait for it between two test sequences, so that the PLC has scanned the same
   * steps in every run before the line is reset. Any thread.
   */
  public CompletableFuture<Boolean> lockStepAnswered() {
    return control(() -> {
      if (lockStep == null || lockStep.offered() == 0) {
        return true;
      }
      session.applyQueued();
      return lockStep.acknowledged();
    });
  }

  /** The lock-step handshake, if the runner was started with one. */
  public java.util.Optional<LockStep> lockStepHandshake() {
    return java.util.Optional.ofNullable(lockStep);
  }

  public TimeMode mode() {
    return mode;
  }

  /**
   * How punctually I/O cycles start in real time (realtime and scaled modes): lateness against
   * the wall clock, per cycle.
   */
  public PacingStats pacing() {
    return pacingStats;
  }

  /**
   * Simulated seconds per wall second in {@link TimeMode#SCALED} mode, or in realtime mode once
   * {@link LineControl#changeSpeed} has changed it.
   */
  public double speedFactor() {
    return speedFactor;
  }

  /**
   * How far the simulation ran behind the wall clock at its last wait, ns: 0 when on time, and
   * always 0 in afap and stepped mode. Any thread.
   */
  public long lagNanos() {
    return clock.lagNanos();
  }

  /** The largest speed factor {@link LineControl#changeSpeed} accepts. */
  public static final double MAX_SPEED = 1000.0;

  /** A speed change as {@link LineControl#changeSpeed} answers it. */
  CompletableFuture<Outcome> speedOutcome(double factor) {
    if (!(factor > 0) || factor > MAX_SPEED) {
      CompletableFuture<Outcome> refused = new CompletableFuture<>();
      refused.complete(Outcome.refused(Refusal.invalidArgument("a speed factor is more than 0"
          + " and at most " + MAX_SPEED + " simulated seconds per wall second, not " + factor),
          session.publishedTime()));
      return refused;
    }
    return control(
        () -> {
          if (!(clock instanceof RealTimeClock realTime)) {
            return Outcome.refused(Refusal.invalidState("the line runs in " + mode.keyword()
                + " mode, where the wall clock does not pace it; serve it with --time-mode"
                + " realtime or scaled to change its speed"), session.now());
          }
          realTime.changeSpeed(factor, session.now());
          speedFactor = factor;
          return Outcome.done("speed " + factor + "x", session.now());
        });
  }

  public Duration ioCycle() {
    return Duration.ofNanos(session.ioCycle());
  }

  /**
   * Registers a subscriber. Subscribe before {@link #start()} to receive the initial snapshot;
   * a later subscriber receives a snapshot when it is registered.
   */
  public void subscribe(ChangeSubscriber subscriber) {
    if (state == RunnerState.NEW) {
      session.subscribe(subscriber);
    } else {
      enqueue(control(() -> session.subscribe(subscriber), why -> {}));
    }
  }

  /** Starts the simulation thread. */
  public synchronized void start() {
    if (state != RunnerState.NEW) {
      throw new IllegalStateException("runner already started");
    }
    paused = mode == TimeMode.STEPPED;
    state = paused ? RunnerState.PAUSED : RunnerState.RUNNING;
    epoch = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    Thread t = new Thread(this::loop, "twinline-sim-" + plant.name());
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  /** Queues {@code command} for the next I/O cycle. Any thread. */
  public void submit(Command command) {
    session.submit(command);
    if (lockStep != null) {
      wake();
    }
  }

  /**
   * Runs {@code function} on the simulation thread between two events, as soon as possible, and
   * completes the future with its result (or its exception). Use it to read state; change the
   * plant through commands, so that runs can be replayed. Any thread.
   */
  public <T> CompletableFuture<T> call(Function<Plant, T> function) {
    CompletableFuture<T> result = new CompletableFuture<>();
    enqueue(
        control(
            () -> {
              try {
                result.complete(function.apply(session.plant()));
              } catch (RuntimeException e) {
                result.completeExceptionally(e);
              }
            },
            result::completeExceptionally));
    return result;
  }

  /** The longest step one call may ask for: a day of simulated time. */
  public static final Duration MAX_STEP = Duration.ofHours(24);

  /** Holds simulated time where it is; a step running ends where it has got to. */
  public CompletableFuture<Long> pause() {
    return pauseOutcome().thenApply(SimulationRunner::timeOrThrow);
  }

  CompletableFuture<Outcome> pauseOutcome() {
    return control(
        () -> {
          if (lockStep == null) {
            endStep("interrupted by Pause");
          } else {
            lockStep.hold(); // the cycle running finishes, so the cycle grid stays
          }
          paused = true;
          state = RunnerState.PAUSED;
          session.publishNow();
          return Outcome.done("paused", session.now());
        });
  }

  /**
   * Lets time run again after {@link #pause()}; paused time is not caught up. What was written
   * while paused takes effect at once. A step running ends where it has got to.
   */
  public CompletableFuture<Long> resume() {
    return resumeOutcome().thenApply(SimulationRunner::timeOrThrow);
  }

  CompletableFuture<Outcome> resumeOutcome() {
    return control(
        () -> {
          if (lockStep != null) {
            lockStep.release();
            wake();
            return Outcome.done("resumed: time moves when the PLC acknowledges a step",
                session.now());
          }
          endStep("interrupted by Resume");
          session.applyQueued();
          paused = false;
          state = RunnerState.RUNNING;
          clock.anchor(session.now());
          return Outcome.done("resumed", session.now());
        });
  }

  /**
   * Back to the initial state of the line: simulated time 0, the definition's values. A step
   * running is refused (it did not reach its time); commands waiting for the next I/O cycle are
   * refused too.
   */
  public CompletableFuture<Long> reset() {
    return resetOutcome().thenApply(SimulationRunner::timeOrThrow);
  }

  CompletableFuture<Outcome> resetOutcome() {
    return control(
        () -> {
          CompletableFuture<Outcome> step = stepDone;
          stepTarget = -1;
          stepDone = null;
          session.reset();
          plant = session.plant();
          epoch = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
          clock.anchor(session.now());
          if (lockStep != null) {
            lockStep.offer(scriptRunning);
          }
          if (step != null) {
            step.complete(Outcome.refused(Refusal.invalidState(
                "the step was interrupted by Reset"), session.now()));
          }
          return Outcome.done("reset", session.now());
        });
  }

  /** The whole plant state now, to {@link #restore} later. */
  public CompletableFuture<Snapshot> snapshot() {
    return control(session::snapshot);
  }

  /** Rewinds to a snapshot (replaying its journal as fast as possible). */
  public CompletableFuture<Long> restore(Snapshot snapshot) {
    return control(
        () -> {
          session.restore(snapshot);
          plant = session.plant();
          if (lockStep != null) {
            lockStep.offer(scriptRunning);
          }
          epoch =
              Instant.now()
                  .truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
                  .minusNanos(session.now());
          clock.anchor(session.now());
          return session.now();
        });
  }

  /**
   * While paused (or in stepped mode): runs {@code duration} of simulated time as fast as
   * possible, then holds again. The future completes with the new simulated time, once every
   * change of the step is published to the feed's lossless consumers.
   *
   * @throws IllegalArgumentException (in the future) for a negative step or one over {@link
   *     #MAX_STEP}; IllegalStateException if not paused or a step is running
   */
  public CompletableFuture<Long> step(Duration duration) {
    return stepOutcome(duration.toNanos()).thenApply(SimulationRunner::timeOrThrow);
  }

  /**
   * A step as {@link LineControl#step} answers it. Commands queued for the next I/O cycle (the
   * PLC's writes before the step) take effect at the step's first instant.
   */
  CompletableFuture<Outcome> stepOutcome(long nanos) {
    CompletableFuture<Outcome> done = new CompletableFuture<>();
    if (nanos < 0 || nanos > MAX_STEP.toNanos()) {
      done.complete(Outcome.refused(Refusal.invalidArgument("a step is 0 to "
          + MAX_STEP.toHours() + " h of simulated time, not " + SimTime.format(nanos)),
          session.publishedTime()));
      return done;
    }
    enqueue(
        control(
            () -> {
              Refusal refusal = null;
              if (!paused) {
                refusal = Refusal.invalidState("a step needs a paused simulation; pause it first");
              } else if (stepTarget >= 0) {
                refusal = Refusal.invalidState("a step is already running");
              } else if (lockStep != null) {
                refusal = Refusal.invalidState("the line runs in lock-step with its PLC: time"
                    + " moves when the PLC acknowledges a step (Simulation/StepAck)");
              }
              if (refusal != null) {
                done.complete(Outcome.refused(refusal, session.now()));
                return;
              }
              startStep(nanos, done);
            },
            why -> done.complete(Outcome.refused(Refusal.invalidState(why.getMessage()),
                session.publishedTime()))));
    return done;
  }

  /** Starts a step on the simulation thread: the queued writes first, at its first instant. */
  void startStep(long nanos, CompletableFuture<Outcome> done) {
    stepDone = done; // first: a write failing below fails this step with the simulation
    session.start();
    session.applyQueued();
    stepTarget = session.now() + nanos;
  }

  /** Ends a running step where it has got to (a pause or resume came). */
  private void endStep(String why) {
    if (stepTarget < 0) {
      return;
    }
    CompletableFuture<Outcome> done = stepDone;
    stepTarget = -1;
    stepDone = null;
    session.publishNow();
    long reached = session.now();
    if (done == null) {
      return;
    }
    feed.published().thenRun(() ->
        done.complete(Outcome.done("stepped to " + SimTime.format(reached) + " (" + why + ")",
            reached)));
  }

  private static long timeOrThrow(Outcome outcome) {
    if (!outcome.isDone()) {
      throw outcome.refusal().kind() == Refusal.Kind.INVALID_ARGUMENT
          ? new IllegalArgumentException(outcome.message())
          : new IllegalStateException(outcome.message());
    }
    return outcome.simTime();
  }

  /**
   * While paused: runs as fast as possible until {@code condition} holds or {@code timeout} of
   * simulated time has passed, then holds. Completes with whether the condition came true.
   */
  public CompletableFuture<Boolean> stepUntil(Predicate<Plant> condition, Duration timeout) {
    return control(
        () -> {
          if (!paused) {
            throw new IllegalStateException("stepUntil needs a paused simulation; pause it first");
          }
          boolean reached = session.runUntil(condition, timeout.toNanos());
          session.publishNow();
          clock.anchor(session.now());
          return reached;
        });
  }

  public RunnerState state() {
    return state;
  }

  /** The simulated time of the last publication, ns. Any thread. */
  public long simTime() {
    return session.publishedTime();
  }

  /** The wall-clock instant that simulated time 0 stands for (source timestamps count from it). */
  public Instant epoch() {
    Instant e = epoch;
    return e == null ? Instant.EPOCH : e;
  }

  /** The wall-clock instant for simulated time {@code simTime}. */
  public Instant instantOf(long simTime) {
    return epoch().plusNanos(simTime);
  }

  /** I/O cycles run so far. */
  public long ioCycles() {
    return session.cycles();
  }

  /**
   * Completes when the runner has stopped: normally after {@link #close()}, exceptionally with
   * the {@link io.twinline.sim.kernel.SimulationFailure} that stopped it.
   */
  public CompletableFuture<Void> termination() {
    return termination;
  }

  /** Stops the simulation thread and waits for it. */
  @Override
  public void close() {
    stopRequested = true;
    wake();
    Thread t = thread;
    if (t != null && t != Thread.currentThread()) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (state == RunnerState.NEW) {
      state = RunnerState.STOPPED;
      termination.complete(null);
    }
  }

  // --- plumbing -------------------------------------------------------------------------------

  private <T> CompletableFuture<T> control(java.util.function.Supplier<T> body) {
    CompletableFuture<T> result = new CompletableFuture<>();
    enqueue(
        control(
            () -> {
              try {
                result.complete(body.get());
              } catch (io.twinline.sim.kernel.SimulationFailure e) {
                // the plant failed (a queued write applied here, say): stop loudly, as always
                result.completeExceptionally(e);
                throw e;
              } catch (RuntimeException e) {
                result.completeExceptionally(e);
              }
            },
            result::completeExceptionally));
    return result;
  }

  private static Control control(Runnable body, java.util.function.Consumer<Throwable> abandon) {
    return new Control() {
      @Override
      public void run() {
        body.run();
      }

      @Override
      public void abandon(Throwable why) {
        abandon.accept(why);
      }
    };
  }

  private void enqueue(Control control) {
    controls.add(control);
    if (termination.isDone()) {
      abandonControls();
    } else {
      wake();
    }
  }

  private void abandonControls() {
    IllegalStateException why =
        new IllegalStateException("the simulation of " + plant.name() + " is not running");
    Control control;
    while ((control = controls.poll()) != null) {
      control.abandon(why);
    }
  }

  private void wake() {
    clock.wakeUp();
    Thread t = thread;
    if (t != null) {
      LockSupport.unpark(t);
    }
  }

  // --- simulation thread --------------------------------------------------------------------

  private void loop() {
    try {
      session.start();
      if (lockStep != null) {
        lockStep.offer(scriptRunning);
      }
      clock.anchor(session.now());
      advance(p -> false, Long.MAX_VALUE);
      session.publishNow();
      state = RunnerState.STOPPED;
      termination.complete(null);
    } catch (InterruptedException e) {
      state = RunnerState.STOPPED;
      termination.complete(null);
    } catch (RuntimeException | Error e) {
      state = RunnerState.FAILED;
      LOG.error("simulation of {} stopped: {}", plant.name(), e.getMessage(), e);
      termination.completeExceptionally(e);
      failPendingStep(e);
    } finally {
      abandonControls();
      session.abandonQueued("the simulation of " + plant.name() + " is not running");
    }
  }

  /**
   * Runs the simulation, paced by the clock, with controls handled, writes applied and changes
   * published as usual, until {@code stop} holds after an event, simulated time reaches {@code
   * deadline}, or the runner is stopped. Simulation thread only.
   *
   * @return whether {@code stop} came true
   */
  private boolean advance(Predicate<Plant> stop, long deadline) throws InterruptedException {
    while (!stopRequested) {
      runControls();
      if (paused && stepTarget < 0 && lockStep != null && !lockStep.held()) {
        // the PLC's writes, the ack last, take effect at the instant its step starts
        session.applyQueued();
        if (lockStep.mayStep(scriptRunning) && lockStep.acknowledged()) {
          startStep(ioCycle, null);
          continue;
        }
      }
      if (paused && stepTarget < 0) {
        // what was sent before the hold (a pause, the end of a step) takes effect now and is
        // answered, instead of waiting for an I/O cycle that will not come while holding
        session.applyQueued();
        session.publishNow();
        if (lockStep != null) {
          LockSupport.parkNanos(this, lockStep.watch());
        } else {
          LockSupport.park(this);
        }
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
        continue;
      }
      Clock pacing = stepTarget >= 0 ? virtualClock : clock;
      long next = session.nextEventTime();
      if (stepTarget >= 0 && next > stepTarget) {
        session.runUntil(stepTarget);
        finishStep();
        continue;
      }
      if (next > deadline) {
        session.publishIfDue();
        if (!pacing.awaitSimTime(deadline)) {
          continue;
        }
        session.runUntil(deadline);
        return stop.test(plant);
      }
      if (next > session.now()) {
        session.publishIfDue();
        if (!pacing.awaitSimTime(next)) {
          continue;
        }
        if (pacing == clock && clock instanceof RealTimeClock && next % ioCycle == 0) {
          pacingStats.record(clock.lagNanos());
          warnIfBehind(clock.lagNanos());
        }
      }
      session.step();
      if (stop.test(plant)) {
        return true;
      }
    }
    return false;
  }

  private static final long BEHIND_NANOS = 1_000_000_000L;
  private static final long WARN_EVERY_NANOS = 10_000_000_000L;
  private long lastBehindWarning = Long.MIN_VALUE;

  /**
   * Says so in the log, at most every 10 s, when real time has left the simulation a second or
   * more behind: the plant, a script or the OPC UA clients need more than the machine has.
   */
  private void warnIfBehind(long lagNanos) {
    if (lagNanos < BEHIND_NANOS) {
      return;
    }
    long now = System.nanoTime();
    if (lastBehindWarning != Long.MIN_VALUE && now - lastBehindWarning < WARN_EVERY_NANOS) {
      return;
    }
    lastBehindWarning = now;
    LOG.warn("the simulation is {} s behind real time ({} of {} I/O cycles started a cycle or "
            + "more late): the plant or its OPC UA clients need more than this machine gives",
        String.format(java.util.Locale.ROOT, "%.1f", lagNanos / 1e9), pacingStats.overruns(),
        pacingStats.count());
  }

  // --- scripts --------------------------------------------------------------------------------

  /** What a script running on the simulation thread can do. */
  public interface ScriptContext {

    /** The session, to read and act on the plant between two runs of the simulation. */
    Session session();

    /**
     * Lets the simulation run, paced as the runner's time mode says and serving everyone as
     * usual, until {@code stop} holds after an event, or {@code timeout} of simulated time.
     *
     * @return whether {@code stop} came true (false on timeout or when the runner stops)
     */
    boolean runUntil(Predicate<Plant> stop, long timeout);
  }

  private boolean scriptRunning;

  /**
   * Runs {@code script} on the simulation thread: a harness driving the served line in real time,
   * say. While the script waits in {@link ScriptContext#runUntil}, the simulation runs as usual:
   * clients write, subscribe and call methods. One script at a time.
   */
  public <T> CompletableFuture<T> runScript(Function<ScriptContext, T> script) {
    return control(
        () -> {
          if (scriptRunning) {
            throw new IllegalStateException("another script is running");
          }
          scriptRunning = true;
          if (lockStep != null && lockStep.onlyDuringScripts()) {
            lockStep.offer(scriptRunning);
          }
          try {
            return script.apply(new ScriptContext() {
              @Override
              public Session session() {
                return session;
              }

              @Override
              public boolean runUntil(Predicate<Plant> stop, long timeout) {
                if (stop.test(plant)) {
                  return true;
                }
                long deadline = timeout > Long.MAX_VALUE - session.now()
                    ? Long.MAX_VALUE : session.now() + timeout;
                try {
                  return advance(stop, deadline);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return false;
                }
              }
            });
          } finally {
            // the step offered last stays offered: the PLC scans it as in every run (its ack
            // is applied, no step follows until the next script)
            scriptRunning = false;
            if (lockStep != null && lockStep.onlyDuringScripts() && stepTarget >= 0
                && stepDone == null) {
              // the script ended inside a handshake step: the step ends here too, so that no
              // time runs (and no step is offered) outside scripts, whatever the timing
              stepTarget = -1;
              session.publishNow();
            }
          }
        });
  }

  private void runControls() {
    Control control;
    while ((control = controls.poll()) != null) {
      control.run();
    }
  }

  private void finishStep() {
    if (lockStep != null && stepDone == null) {
      lockStep.stepped();
    }
    session.publishNow();
    CompletableFuture<Outcome> done = stepDone;
    stepTarget = -1;
    stepDone = null;
    clock.anchor(session.now());
    long reached = session.now();
    if (done != null) {
      feed.published().thenRun(() ->
          done.complete(Outcome.done("stepped to " + SimTime.format(reached), reached)));
    }
  }

  private void failPendingStep(Throwable cause) {
    CompletableFuture<Outcome> done = stepDone;
    stepDone = null;
    if (done != null) {
      done.completeExceptionally(cause);
    }
  }

  // --- for the control surface and the lock-step handshake (simulation thread) ----------------

  /** Runs {@code body} on the simulation thread; {@code abandon} if the runner ends first. */
  void onSimulationThread(Runnable body, java.util.function.Consumer<Throwable> abandon) {
    enqueue(control(body, abandon));
  }

  /** Whether the simulation holds (paused, no step running). Simulation thread only. */
  boolean holding() {
    return paused && stepTarget < 0;
  }

  /** Lets the simulation thread look at the handshake again (an ack arrived). Any thread. */
  void wakeUp() {
    wake();
  }

  @Override
  public String toString() {
    return "runner of " + plant.name() + " (" + mode.keyword() + ", " + state + ", at "
        + SimTime.format(session.publishedTime()) + ")";
  }
}
