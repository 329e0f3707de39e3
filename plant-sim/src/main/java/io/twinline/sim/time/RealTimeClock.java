package io.twinline.sim.time;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Keeps simulated time in step with the wall clock, optionally scaled: at {@code speedFactor} 2
 * one simulated second takes half a wall second. The wall clock is read only here, never in the
 * model.
 */
public final class RealTimeClock implements Clock {

  private volatile double speedFactor;
  private final LongSupplier wallNanos;
  private final AtomicBoolean woken = new AtomicBoolean();
  private volatile Thread waiter;
  private long anchorWall;
  private long anchorSim;
  private boolean anchored;
  private volatile long lag;

  public RealTimeClock(double speedFactor) {
    this(speedFactor, System::nanoTime);
  }

  /**
   * @param speedFactor simulated seconds per wall second, > 0
   * @param wallNanos a monotonic wall clock in nanoseconds (e.g. {@code System::nanoTime})
   */
  public RealTimeClock(double speedFactor, LongSupplier wallNanos) {
    if (!(speedFactor > 0) || Double.isInfinite(speedFactor)) {
      throw new IllegalArgumentException("speed factor must be positive, was " + speedFactor);
    }
    this.speedFactor = speedFactor;
    this.wallNanos = wallNanos;
  }

  public double speedFactor() {
    return speedFactor;
  }

  /**
   * Runs at {@code factor} simulated seconds per wall second from {@code simTime} on (the
   * simulated time now): the clock is anchored there, so the time already run is neither caught
   * up nor repeated. Simulation thread only (it paces that thread).
   *
   * @throws IllegalArgumentException if {@code factor} is not positive and finite
   */
  public void changeSpeed(double factor, long simTime) {
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("speed factor must be positive, was " + factor);
    }
    speedFactor = factor;
    anchor(simTime);
  }

  @Override
  public void anchor(long simTime) {
    anchorSim = simTime;
    anchorWall = wallNanos.getAsLong();
    anchored = true;
  }

  /** The wall-clock reading at which {@code simTime} is due. */
  public long wallTimeOf(long simTime) {
    return anchorWall + (long) ((simTime - anchorSim) / speedFactor);
  }

  @Override
  public boolean awaitSimTime(long simTime) throws InterruptedException {
    if (!anchored) {
      anchor(simTime);
    }
    long due = wallTimeOf(simTime);
    waiter = Thread.currentThread();
    try {
      while (true) {
        if (woken.getAndSet(false)) {
          return false;
        }
        long remaining = due - wallNanos.getAsLong();
        if (remaining <= 0) {
          lag = -remaining;
          return true;
        }
        LockSupport.parkNanos(this, remaining);
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
      }
    } finally {
      waiter = null;
    }
  }

  @Override
  public void wakeUp() {
    woken.set(true);
    Thread thread = waiter;
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }

  @Override
  public long lagNanos() {
    return lag;
  }
}
