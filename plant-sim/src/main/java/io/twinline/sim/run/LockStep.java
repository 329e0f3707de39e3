package io.twinline.sim.run;

import io.twinline.sim.plant.SystemSignals;
import io.twinline.sim.signal.Signal;
import io.twinline.sim.time.SimTime;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lock-step with a PLC that cannot call methods, over two plain variables (the system signals
 * {@code Simulation/StepRequest} and {@code Simulation/StepAck}):
 *
 * <ol>
 *   <li>the simulation holds and raises {@code StepRequest = n} (a number it has not offered
 *       before: one more than the last), in the same publication as the plant's state at that
 *       instant; 0 means no step is offered;
 *   <li>the PLC scans once on that state, writes its outputs and then {@code StepAck = n};
 *   <li>the ack arrives: the PLC's writes take effect at that instant, the simulation runs one
 *       I/O cycle, publishes, and raises {@code n + 1}.
 * </ol>
 *
 * <p>Time moves only when the PLC answers, so a run is the same every time however fast or slow
 * the PLC is. A watchdog logs a PLC that has not answered within its time (once per request).
 * Simulation thread, but for the read-only figures.
 */
public final class LockStep {

  private static final Logger LOG = LoggerFactory.getLogger(LockStep.class);

  private final SimulationRunner runner;
  private final long watchdogNanos;
  private final boolean onlyDuringScripts;
  /** A Pause holds time even when the PLC acknowledges, until Resume. */
  private boolean held;
  private long request;
  /** The last number offered, over resets: a new offer never repeats one. */
  private long last;
  private long raisedAt;
  private boolean reported;
  private volatile long steps;
  private volatile long offered;

  LockStep(SimulationRunner runner, Duration watchdog, boolean onlyDuringScripts) {
    this.runner = runner;
    this.watchdogNanos = Math.max(1, watchdog.toNanos());
    this.onlyDuringScripts = onlyDuringScripts;
  }

  /** Whether steps are offered only while a script (a test sequence) runs. */
  boolean onlyDuringScripts() {
    return onlyDuringScripts;
  }

  /** A Pause: time holds after the cycle running, whatever the PLC acknowledges. */
  void hold() {
    held = true;
  }

  /** A Resume: the PLC's acks move time again. */
  void release() {
    held = false;
  }

  boolean held() {
    return held;
  }

  /** Whether an acknowledged step may run now. */
  boolean mayStep(boolean scriptRunning) {
    return !held && (!onlyDuringScripts || scriptRunning);
  }

  /**
   * A start, a reset or a script starting: offers the PLC a new step, or none (StepRequest 0)
   * outside scripts when steps are offered only during them.
   */
  void offer(boolean scriptRunning) {
    if (onlyDuringScripts && !scriptRunning) {
      withdraw();
    } else {
      reset();
    }
  }

  /** Offers a new step. */
  private void reset() {
    raise(next());
  }

  /** No step offered (StepRequest 0) until {@link #reset}. */
  private void withdraw() {
    request = 0;
    offered = 0;
    reported = false;
    runner.session().plant().signal(SystemSignals.STEP_REQUEST.toString()).set(0L);
  }

  /** Whether the PLC has acknowledged the step offered. */
  boolean acknowledged() {
    return request != 0 && ack().longValue() == request;
  }

  /** The step offered was run: offers the next. */
  void stepped() {
    steps++;
    raise(next());
  }

  private long next() {
    last = last >= Integer.MAX_VALUE ? 1 : last + 1;
    return last;
  }

  /**
   * How long the simulation thread may wait for the ack before looking again; logs once when the
   * PLC is overdue.
   */
  long watch() {
    long waited = System.nanoTime() - raisedAt;
    if (request == 0) {
      return watchdogNanos;
    }
    if (waited >= watchdogNanos) {
      if (!reported) {
        reported = true;
        LOG.warn("lock-step: the PLC has not acknowledged step {} (Simulation/StepAck) for {}; the"
            + " simulation holds at {}", request, SimTime.format(waited),
            SimTime.format(runner.session().now()));
      }
      return watchdogNanos;
    }
    return watchdogNanos - waited;
  }

  /** The step offered now (what StepRequest shows). Any thread. */
  public long offered() {
    return offered;
  }

  /** Steps run since the runner started (over resets). Any thread. */
  public long steps() {
    return steps;
  }

  private void raise(long n) {
    request = n;
    offered = n;
    raisedAt = System.nanoTime();
    reported = false;
    runner.session().plant().signal(SystemSignals.STEP_REQUEST.toString()).set(n);
  }

  private Signal ack() {
    return runner.session().plant().signal(SystemSignals.STEP_ACK.toString());
  }
}
