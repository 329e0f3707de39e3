package io.twinline.harness.expr;

/**
 * What a condition is evaluated against: the signals' values now and how they got there. Signals
 * are numbered by the {@link SignalTable} that resolved them.
 */
public interface Env {

  /** Simulated time now, ns. */
  long now();

  /** The value now: Boolean, a Number, or String. */
  Object value(int signal);

  /** The value just before the present instant (the same as {@link #value} if it did not change). */
  Object previous(int signal);

  /** When the signal last changed, ns (0 if it never did). */
  long lastChange(int signal);

  /**
   * The quality the signal's value has now, as its I/O card reports it: what good(), uncertain()
   * and bad() see. GOOD unless an analog card says otherwise.
   */
  default io.twinline.sim.signal.SignalQuality quality(int signal) {
    return io.twinline.sim.signal.SignalQuality.GOOD;
  }

  /** Whether the signal changed at the present instant: what rose, fell and changed see. */
  default boolean changedNow(int signal) {
    return lastChange(signal) == now();
  }
}
