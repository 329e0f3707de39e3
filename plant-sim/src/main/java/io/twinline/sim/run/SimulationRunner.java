package io.twinline.sim.run;

import io.twinline.sim.kernel.Action;
import io.twinline.sim.kernel.Priority;
import io.twinline.sim.kernel.Simulation;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.signal.ChangeSet;
import io.twinline.sim.time.Clock;
import io.twinline.sim.time.RealTimeClock;
import io.twinline.sim.time.SimTime;
import io.twinline.sim.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulation thread: the only thread that changes the plant.
 *
 * <p>Other threads talk to it in two ways. {@link #submit(Command)} queues a change for the next
 * I/O cycle (how a PLC's writes arrive: in order, at cycle boundaries). {@link #call(Function)}
 * runs a function between two events as soon as possible and hands back its result (how tools
 * read state or steer the run). In return the runner publishes every signal change, with its
 * simulated time, to its {@link ChangeSubscriber}s before it lets time move on.
 *
 * <p>Pacing is the clock's business: real time (optionally scaled) for a real PLC, as fast as
 * possible for an in-process controller, or stepped, where time moves only on {@link #step}.
 *
 * <p>If an event fails the runner stops, keeps the failure ({@link #termination()} completes
 * exceptionally) and logs it: a plant in an unknown state must not go on serving values.
 */
public final class SimulationRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SimulationRunner.class);

  private final Plant plant;
  private final Simulation simulation;
  private final TimeMode mode;
  private final Clock clock;
  private final Clock virtualClock = new VirtualClock();
  private final long ioCycle;
  private final Queue<Command> ioCommands = new ConcurrentLinkedQueue<>();
  private final Queue<Control> controls = new ConcurrentLinkedQueue<>();
  private final List<ChangeSubscriber> subscribers = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Void> termination = new CompletableFuture<>();
  private final Action ioExchange;

  private volatile Thread thread;
  private volatile boolean stopRequested;
  private volatile RunnerState state = RunnerState.NEW;
  private volatile long publishedSimTime;
  private volatile long ioCycles;
  private volatile Instant epoch;

  /** Work for the simulation thread between events; abandoned if the runner ends first. */
  private interface Control {
    void run();

    void abandon(Throwable why);
  }

  // Simulation thread only:
  private boolean paused;
  private long stepTarget = -1;
  private CompletableFuture<Long> stepDone;

  /**
   * @param plant a freshly built plant; from {@link #start()} on it belongs to this runner
   * @param mode the time mode
   * @param speedFactor simulated seconds per wall second for {@link TimeMode#SCALED}; ignored
   *     otherwise
   */
  public SimulationRunner(Plant plant, TimeMode mode, double speedFactor) {
    this.plant = Objects.requireNonNull(plant, "plant");
    this.simulation = plant.simulation();
    this.mode = Objects.requireNonNull(mode, "mode");
    this.clock =
        switch (mode) {
          case REALTIME -> new RealTimeClock(1.0);
          case SCALED -> new RealTimeClock(speedFactor);
          case AFAP, STEPPED -> virtualClock;
        };
    this.ioCycle = plant.definition().ioCycle().toNanos();
    this.ioExchange = Action.named("I/O cycle", this::exchangeIo);
  }

  public Plant plant() {
    return plant;
  }

  public TimeMode mode() {
    return mode;
  }

  public Duration ioCycle() {
    return Duration.ofNanos(ioCycle);
  }

  /**
   * Registers a subscriber. Subscribe before {@link #start()} to receive the initial snapshot;
   * a later subscriber receives a snapshot at its first publication.
   */
  public void subscribe(ChangeSubscriber subscriber) {
    if (state == RunnerState.NEW) {
      subscribers.add(subscriber);
    } else {
      enqueue(
          new Control() {
            @Override
            public void run() {
              subscribers.add(subscriber);
              subscriber.onChanges(plant.signals().snapshot());
            }

            @Override
            public void abandon(Throwable why) {}
          });
    }
  }

  /** Starts the simulation thread. */
  public synchronized void start() {
    if (state != RunnerState.NEW) {
      throw new IllegalStateException("runner already started");
    }
    paused = mode == TimeMode.STEPPED;
    state = paused ? RunnerState.PAUSED : RunnerState.RUNNING;
    epoch = Instant.now();
    Thread t = new Thread(this::loop, "twinline-sim-" + plant.name());
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  /** Queues {@code command} for the next I/O cycle. Any thread. */
  public void submit(Command command) {
    Objects.requireNonNull(command, "command");
    ioCommands.add(command);
  }

  /**
   * Runs {@code function} on the simulation thread between two events, as soon as possible, and
   * completes the future with its result (or its exception). Any thread.
   */
  public <T> CompletableFuture<T> call(Function<Plant, T> function) {
    CompletableFuture<T> result = new CompletableFuture<>();
    enqueue(
        new Control() {
          @Override
          public void run() {
            try {
              result.complete(function.apply(plant));
            } catch (RuntimeException e) {
              result.completeExceptionally(e);
            }
          }

          @Override
          public void abandon(Throwable why) {
            result.completeExceptionally(why);
          }
        });
    return result;
  }

  /** Holds simulated time where it is. */
  public CompletableFuture<Long> pause() {
    return call(
        p -> {
          paused = true;
          state = RunnerState.PAUSED;
          return simulation.now();
        });
  }

  /** Lets time run again after {@link #pause()}; paused time is not caught up. */
  public CompletableFuture<Long> resume() {
    return call(
        p -> {
          paused = false;
          state = RunnerState.RUNNING;
          clock.anchor(simulation.now());
          return simulation.now();
        });
  }

  /**
   * While paused (or in stepped mode): runs {@code duration} of simulated time as fast as
   * possible, then holds again. The future completes with the new simulated time.
   */
  public CompletableFuture<Long> step(Duration duration) {
    long nanos = duration.toNanos();
    if (nanos < 0) {
      throw new IllegalArgumentException("cannot step backwards: " + duration);
    }
    CompletableFuture<Long> done = new CompletableFuture<>();
    enqueue(
        new Control() {
          @Override
          public void run() {
            if (!paused) {
              done.completeExceptionally(
                  new IllegalStateException("step needs a paused simulation; pause it first"));
            } else if (stepDone != null) {
              done.completeExceptionally(new IllegalStateException("a step is already running"));
            } else {
              stepTarget = simulation.now() + nanos;
              stepDone = done;
            }
          }

          @Override
          public void abandon(Throwable why) {
            done.completeExceptionally(why);
          }
        });
    return done;
  }

  public RunnerState state() {
    return state;
  }

  /** The simulated time of the last publication, ns. Any thread. */
  public long simTime() {
    return publishedSimTime;
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
    return ioCycles;
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
      plant.signals().recordChanges(true);
      simulation.scheduleAt(nextCycleTime(), Priority.IO_EXCHANGE, ioExchange);
      publish(plant.signals().snapshot());
      clock.anchor(simulation.now());
      while (!stopRequested) {
        runControls();
        if (paused && stepTarget < 0) {
          publishChanges();
          LockSupport.park(this);
          continue;
        }
        Clock pacing = stepTarget >= 0 ? virtualClock : clock;
        long next = simulation.nextEventTime();
        if (stepTarget >= 0 && next > stepTarget) {
          simulation.runUntil(stepTarget);
          finishStep();
          continue;
        }
        if (next > simulation.now()) {
          publishChanges();
          if (!pacing.awaitSimTime(next)) {
            continue;
          }
        }
        simulation.step();
      }
      publishChanges();
      state = RunnerState.STOPPED;
      termination.complete(null);
    } catch (InterruptedException e) {
      state = RunnerState.STOPPED;
      termination.complete(null);
    } catch (RuntimeException | Error e) {
      state = RunnerState.FAILED;
      LOG.error("simulation of {} stopped: {}", plant.name(), e.getMessage(), e);
      publishChanges();
      termination.completeExceptionally(e);
      failPendingStep(e);
    } finally {
      plant.signals().recordChanges(false);
      abandonControls();
    }
  }

  private long nextCycleTime() {
    long now = simulation.now();
    long remainder = now % ioCycle;
    return remainder == 0 ? now : now + ioCycle - remainder;
  }

  private void exchangeIo() {
    ioCycles++;
    Command command;
    while ((command = ioCommands.poll()) != null) {
      command.apply(plant);
    }
    simulation.schedule(ioCycle, Priority.IO_EXCHANGE, ioExchange);
  }

  private void runControls() {
    Control control;
    while ((control = controls.poll()) != null) {
      control.run();
    }
  }

  private void finishStep() {
    publishChanges();
    CompletableFuture<Long> done = stepDone;
    stepTarget = -1;
    stepDone = null;
    clock.anchor(simulation.now());
    done.complete(simulation.now());
  }

  private void failPendingStep(Throwable cause) {
    CompletableFuture<Long> done = stepDone;
    stepDone = null;
    if (done != null) {
      done.completeExceptionally(cause);
    }
  }


  private void publishChanges() {
    publishedSimTime = simulation.now();
    if (plant.signals().hasChanges()) {
      publish(plant.signals().drainChanges());
    }
  }

  private void publish(ChangeSet changes) {
    publishedSimTime = simulation.now();
    for (ChangeSubscriber subscriber : subscribers) {
      subscriber.onChanges(changes);
    }
  }

  @Override
  public String toString() {
    return "runner of " + plant.name() + " (" + mode.keyword() + ", " + state + ", at "
        + SimTime.format(publishedSimTime) + ")";
  }
}
