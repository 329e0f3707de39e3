package io.twinline.sim.run;

import io.twinline.line.model.LineDefinition;
import io.twinline.sim.kernel.Action;
import io.twinline.sim.kernel.Priority;
import io.twinline.sim.kernel.Simulation;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.signal.ChangeSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plant in simulated time, with the I/O exchange of a PLC coupling: every I/O cycle (10 ms by
 * default) the queued commands are applied at the start of the cycle's instant, and the changes
 * since the last exchange are published to the subscribers at its end, once the plant's own
 * events of that instant have run. Events between exchanges still happen at their exact times.
 *
 * <p>A session runs on the thread that calls it, which is then the simulation thread: a {@link
 * SimulationRunner} runs one on its own thread against the wall clock; a test harness runs one
 * directly, as fast as possible. Only {@link #submit} may be called from other threads.
 *
 * <p>Every command applied is journaled with its time, so {@link #snapshot()} and {@link
 * #restore} can rewind a run exactly, and {@link #reset()} starts the line over.
 */
public final class Session {

  private final LineDefinition line;
  private final Queue<Pending> queued = new ConcurrentLinkedQueue<>();
  private final List<ChangeSubscriber> subscribers = new CopyOnWriteArrayList<>();
  private final List<Snapshot.JournalEntry> journal = new ArrayList<>();
  private final List<Runnable> afterPublication = new ArrayList<>();
  private Plant plant;
  private Simulation simulation;
  private long ioCycle;
  private boolean publishDue;
  private volatile long publishedTime;
  private boolean started;
  private long cycles;
  /** Resets and restores so far: {@code Simulation/ResetCount}. */
  private int resets;

  public Session(LineDefinition line) {
    this(Plant.build(line));
  }

  /** A session over a freshly built plant (at simulated time 0). */
  public Session(Plant plant) {
    this.line = plant.definition();
    attach(plant);
  }

  private void attach(Plant newPlant) {
    this.plant = newPlant;
    this.simulation = newPlant.simulation();
    this.ioCycle = newPlant.definition().ioCycle().toNanos();
  }

  public Plant plant() {
    return plant;
  }

  public Simulation simulation() {
    return simulation;
  }

  public long now() {
    return simulation.now();
  }

  /** How often the line was reset or restored so far (what {@code Simulation/ResetCount} shows). */
  public int resets() {
    return resets;
  }

  public long ioCycle() {
    return ioCycle;
  }

  /** I/O exchanges so far. */
  public long cycles() {
    return cycles;
  }

  /** Registers a subscriber; it gets a snapshot of every signal when the session starts. */
  public void subscribe(ChangeSubscriber subscriber) {
    subscribers.add(subscriber);
    if (started) {
      subscriber.onChanges(plant.signals().snapshot());
    }
  }

  /** Starts the I/O cycle and publishes the first snapshot. Called once, before running. */
  public void start() {
    if (started) {
      return;
    }
    started = true;
    plant.signals().recordChanges(true);
    long now = simulation.now();
    long first = now % ioCycle == 0 ? now : now + ioCycle - now % ioCycle;
    simulation.scheduleAt(first, Priority.IO_EXCHANGE, Action.named("I/O cycle", this::exchange));
    publish(plant.signals().snapshot());
  }

  /** A queued command and whom to tell its outcome (nobody, for a PLC's plain writes). */
  private record Pending(Command command, Consumer<Outcome> outcome) {}

  private static final Logger LOG = LoggerFactory.getLogger(Session.class);

  /**
   * Queues a command for the next I/O cycle. It is checked ({@link Command#check}) when it is
   * applied; a refused one is dropped with a warning in the log (check it at the edge to tell the
   * sender). Any thread.
   */
  public void submit(Command command) {
    queued.add(new Pending(Objects.requireNonNull(command, "command"), null));
  }

  /**
   * Queues a command for the next I/O cycle; when its turn comes it is checked against the
   * plant's state and applied, or refused, and {@code outcome} is told which, on the simulation
   * thread. Any thread.
   */
  public void submit(Command command, Consumer<Outcome> outcome) {
    queued.add(new Pending(Objects.requireNonNull(command, "command"),
        Objects.requireNonNull(outcome, "outcome")));
  }

  /**
   * Applies a command now, after everything due at the present time (a harness acting between
   * two cycles), without checking it. Simulation thread only.
   */
  public void apply(Command command) {
    journal.add(new Snapshot.JournalEntry(simulation.now(), false, command));
    command.apply(plant);
  }

  /**
   * Checks a command against the plant's state and applies it now, or refuses it. Simulation
   * thread only.
   */
  public Outcome execute(Command command) {
    Optional<Refusal> refusal = command.check(plant);
    if (refusal.isPresent()) {
      return Outcome.refused(refusal.get(), simulation.now());
    }
    apply(command);
    return Outcome.done(command.describe(), simulation.now());
  }

  /**
   * Applies the commands queued for the next I/O cycle now, in order (a step starts: the
   * outputs written before it take effect at its first instant). Simulation thread only.
   */
  public void applyQueued() {
    drain(false);
  }

  /**
   * Refuses every queued command that has someone waiting for its outcome (the run has ended).
   * Simulation thread, or any thread once it has stopped.
   */
  public void abandonQueued(String why) {
    Pending pending;
    while ((pending = queued.poll()) != null) {
      if (pending.outcome() != null) {
        pending.outcome().accept(Outcome.refused(Refusal.invalidState(why), simulation.now()));
      }
    }
    List<Runnable> tasks = List.copyOf(afterPublication);
    afterPublication.clear();
    tasks.forEach(Runnable::run);
  }

  /** Whether commands wait for the next I/O cycle. Any thread. */
  public boolean hasQueued() {
    return !queued.isEmpty();
  }

  private void drain(boolean atCycle) {
    Pending pending;
    while ((pending = queued.poll()) != null) {
      Optional<Refusal> refusal = pending.command().check(plant);
      if (refusal.isPresent()) {
        if (pending.outcome() != null) {
          pending.outcome().accept(Outcome.refused(refusal.get(), simulation.now()));
        } else {
          LOG.warn("{} refused at {}: {}", pending.command().describe(),
              io.twinline.sim.time.SimTime.format(simulation.now()), refusal.get().reason());
        }
        continue;
      }
      journal.add(new Snapshot.JournalEntry(simulation.now(), atCycle, pending.command()));
      if (atCycle) {
        pending.command().apply(plant);
      } else {
        applyNamed(pending.command());
      }
      if (pending.outcome() != null) {
        pending.outcome().accept(Outcome.done(pending.command().describe(), simulation.now()));
      }
    }
  }

  /** Applies a command outside an event; a failure names it, as a failing event is named. */
  private void applyNamed(Command command) {
    try {
      command.apply(plant);
    } catch (RuntimeException | Error e) {
      throw new io.twinline.sim.kernel.SimulationFailure("I/O cycle command '"
          + command.describe() + "' failed at " + io.twinline.sim.time.SimTime.format(now())
          + ": " + e, now(), e);
    }
  }

  private void exchange() {
    cycles++;
    drain(true);
    publishDue = true;
    simulation.schedule(ioCycle, Priority.IO_EXCHANGE, Action.named("I/O cycle", this::exchange));
  }

  /** The time of the next event. */
  public long nextEventTime() {
    return simulation.nextEventTime();
  }

  /**
   * Runs one event; before time moves past an I/O exchange, publishes what changed up to it.
   *
   * @return false if there was nothing to run
   */
  public boolean step() {
    start();
    long next = simulation.nextEventTime();
    if (next == Long.MAX_VALUE) {
      return false;
    }
    if (next > simulation.now()) {
      publishIfDue();
    }
    return simulation.step();
  }

  /**
   * Runs every event up to {@code time} and moves the clock there; an exchange due by then is
   * published.
   */
  public void runUntil(long time) {
    start();
    while (simulation.nextEventTime() <= time) {
      step();
    }
    publishIfDue();
    if (time > simulation.now()) {
      simulation.runUntil(time);
    }
  }

  /** Runs for {@code nanos} of simulated time. */
  public void runFor(long nanos) {
    runUntil(simulation.now() + nanos);
  }

  /**
   * Runs until {@code condition} holds (checked after every event) or {@code timeout} of
   * simulated time has passed.
   *
   * @return true if the condition came true, false on timeout
   */
  public boolean runUntil(Predicate<Plant> condition, long timeout) {
    start();
    long deadline = simulation.now() + timeout;
    if (condition.test(plant)) {
      return true;
    }
    while (simulation.nextEventTime() <= deadline) {
      step();
      if (condition.test(plant)) {
        return true;
      }
    }
    runUntil(deadline);
    return condition.test(plant);
  }

  /**
   * Publishes what has changed since the last publication, now (the end of a step, a pause).
   * Subscribers are told even when nothing changed, so that they can follow simulated time.
   */
  public void publishNow() {
    publishDue = false;
    publishedTime = simulation.now();
    publish(plant.signals().drainChanges());
    afterPublication();
  }

  /**
   * Runs {@code task} on the simulation thread right after the next publication (the changes of
   * the present I/O cycle are with the subscribers then). Simulation thread only.
   */
  public void afterNextPublication(Runnable task) {
    afterPublication.add(task);
  }

  private void afterPublication() {
    if (afterPublication.isEmpty()) {
      return;
    }
    List<Runnable> tasks = List.copyOf(afterPublication);
    afterPublication.clear();
    tasks.forEach(Runnable::run);
  }

  /**
   * Publishes the changes if an I/O exchange has happened since the last publication. Unlike
   * {@link #publishNow}, nothing is sent when nothing changed: running on, that would be a
   * publication per I/O cycle for nothing. {@link #publishedTime} moves on either way.
   */
  public void publishIfDue() {
    if (publishDue) {
      publishDue = false;
      publishedTime = simulation.now();
      if (plant.signals().hasChanges()) {
        publish(plant.signals().drainChanges());
      }
      afterPublication();
    }
  }

  private void publish(ChangeSet changes) {
    for (ChangeSubscriber subscriber : subscribers) {
      subscriber.onChanges(changes);
    }
  }

  /** The simulated time of the last publication (with or without changes). Any thread. */
  public long publishedTime() {
    return publishedTime;
  }

  /** The commands applied so far, with their times. */
  public List<Snapshot.JournalEntry> journal() {
    return List.copyOf(journal);
  }

  /** How many commands have been applied so far (since the start or the last reset). */
  public int journalSize() {
    return journal.size();
  }

  /** The commands applied since the first {@code from} of them. Simulation thread only. */
  public List<Snapshot.JournalEntry> journalSince(int from) {
    return List.copyOf(journal.subList(Math.min(from, journal.size()), journal.size()));
  }

  /** The whole plant state now, as a replayable journal. */
  public Snapshot snapshot() {
    return new Snapshot(line, simulation.now(), journal);
  }

  /** Back to the initial state of the definition: a fresh plant at time 0. */
  public void reset() {
    restore(new Snapshot(line, 0, List.of()));
  }

  /**
   * Rewinds (or fast-forwards) to {@code snapshot}: builds the plant afresh and replays its
   * journal as fast as possible. Subscribers then get a snapshot of every signal.
   *
   * @throws IllegalArgumentException if the snapshot is of another line
   */
  public void restore(Snapshot snapshot) {
    if (!snapshot.line().equals(line)) {
      throw new IllegalArgumentException("the snapshot is of line " + snapshot.line().name());
    }
    boolean wasStarted = started;
    Pending dropped;
    while ((dropped = queued.poll()) != null) {
      if (dropped.outcome() != null) {
        dropped.outcome().accept(Outcome.refused(Refusal.invalidState(
            dropped.command().describe() + " was dropped: the line was reset before it took"
                + " effect"), simulation.now()));
      }
    }
    journal.clear();
    cycles = 0;
    publishDue = false;
    started = false;
    attach(Plant.build(line));
    List<ChangeSubscriber> listening = List.copyOf(subscribers);
    subscribers.clear();
    try {
      replay(snapshot);
    } finally {
      subscribers.addAll(listening);
    }
    // in the publication of the reset itself, so a PLC never reads the new plant with the old
    // count (a client that read the count before the reset's values would not restart)
    resets++;
    plant.signal(io.twinline.sim.plant.SystemSignals.RESET_COUNT.toString()).set(resets);
    plant.signals().drainChanges();
    publishedTime = simulation.now();
    if (wasStarted || !listening.isEmpty()) {
      publish(plant.signals().snapshot());
    }
  }

  /** Replays {@code snapshot}'s journal on the fresh plant, with nobody listening. */
  private void replay(Snapshot snapshot) {
    start();
    for (Snapshot.JournalEntry entry : snapshot.journal()) {
      if (entry.atCycle()) {
        if (entry.time() > simulation.now()) {
          runUntil(entry.time() - 1);
        }
        submit(entry.command());
        if (entry.time() == simulation.now() && simulation.nextEventTime() > entry.time()) {
          throw new IllegalStateException("cannot replay a cycle command at " + entry.time());
        }
      } else {
        runUntil(entry.time());
        apply(entry.command());
      }
    }
    runUntil(snapshot.time());
    plant.signals().drainChanges();
    publishDue = false;
  }
}
