package io.twinline.sim.kernel;

import io.twinline.sim.time.SimTime;
import java.util.Objects;

/**
 * The discrete-event kernel: a simulated clock ({@link #now()}, nanoseconds as a {@code long})
 * and the calendar of events still to run.
 *
 * <p>Time never runs on its own here: {@link #step()} jumps straight to the next event, {@link
 * #runUntil(long)} runs every event up to a time. Pacing against the wall clock is the job of a
 * {@link io.twinline.sim.time.Clock} in the runner, not of the kernel.
 *
 * <p>Not thread-safe: one thread, the simulation thread, owns it.
 */
public final class Simulation {

  private final EventCalendar calendar = new EventCalendar();
  private long now;
  private long nextSequence;
  private long eventsRun;
  private SimulationFailure failure;

  /** The current simulated time in nanoseconds since the start of the run. */
  public long now() {
    return now;
  }

  /** How many events have run so far. */
  public long eventsRun() {
    return eventsRun;
  }

  /** How many events are waiting. */
  public int pendingEvents() {
    return calendar.size();
  }

  /** The time of the next event, or {@link Long#MAX_VALUE} if there is none. */
  public long nextEventTime() {
    ScheduledEvent next = calendar.peek();
    return next == null ? Long.MAX_VALUE : next.time;
  }

  /** Schedules {@code action} {@code delay} ns from now with {@link Priority#NORMAL}. */
  public EventHandle schedule(long delay, Action action) {
    return scheduleAt(now + requireNonNegative(delay), Priority.NORMAL, action);
  }

  /** Schedules {@code action} {@code delay} ns from now. */
  public EventHandle schedule(long delay, int priority, Action action) {
    return scheduleAt(now + requireNonNegative(delay), priority, action);
  }

  /**
   * Schedules {@code action} at simulated time {@code time}.
   *
   * @throws IllegalArgumentException if {@code time} is in the past
   */
  public EventHandle scheduleAt(long time, int priority, Action action) {
    Objects.requireNonNull(action, "action");
    if (time < now) {
      throw new IllegalArgumentException(
          "cannot schedule '" + action.describe() + "' at " + SimTime.format(time)
              + ", before now (" + SimTime.format(now) + ")");
    }
    if (priority < Short.MIN_VALUE || priority > Short.MAX_VALUE) {
      throw new IllegalArgumentException("priority out of range: " + priority);
    }
    ScheduledEvent event = new ScheduledEvent(calendar, time, priority, nextSequence++, action);
    calendar.add(event);
    return event;
  }

  /**
   * Runs the next event, moving the clock to its time.
   *
   * @return false if there was no event
   * @throws SimulationFailure if the event's action throws; the simulation cannot go on after
   *     that
   */
  public boolean step() {
    checkNotFailed();
    ScheduledEvent event = calendar.poll();
    if (event == null) {
      return false;
    }
    now = event.time;
    eventsRun++;
    event.markDone();
    try {
      event.action.run();
    } catch (RuntimeException | Error e) {
      failure =
          new SimulationFailure(
              "event '" + event.action.describe() + "' failed at " + SimTime.format(now) + ": "
                  + e,
              now,
              e);
      throw failure;
    }
    return true;
  }

  /**
   * Runs every event due at or before {@code time}, then sets the clock to {@code time}.
   *
   * @throws IllegalArgumentException if {@code time} is in the past
   */
  public void runUntil(long time) {
    if (time < now) {
      throw new IllegalArgumentException(
          "cannot run until " + SimTime.format(time) + ", it is already " + SimTime.format(now));
    }
    while (nextEventTime() <= time) {
      step();
    }
    now = time;
  }

  /** Runs for {@code duration} ns of simulated time. */
  public void runFor(long duration) {
    runUntil(now + requireNonNegative(duration));
  }

  /**
   * Drops every pending event and sets the clock back to zero, for a reset of the whole plant.
   */
  public void reset() {
    calendar.clear();
    now = 0;
    eventsRun = 0;
    failure = null;
  }

  /** The failure that stopped this simulation, or null. */
  public SimulationFailure failure() {
    return failure;
  }

  private void checkNotFailed() {
    if (failure != null) {
      throw new IllegalStateException("the simulation stopped after a failure", failure);
    }
  }

  private static long requireNonNegative(long delay) {
    if (delay < 0) {
      throw new IllegalArgumentException("negative delay: " + delay + " ns");
    }
    return delay;
  }
}
