package io.twinline.harness.run;

import io.twinline.harness.expr.Env;
import java.util.function.LongSupplier;

/**
 * The signals' values as the PLC sees them, how they changed and when: what conditions are
 * evaluated against. Fed with every change, in time order.
 */
final class Watch implements Env {

  private final Object[] value;
  private final Object[] previous;
  private final long[] lastChange;
  private final LongSupplier clock;
  private java.util.function.IntFunction<io.twinline.sim.signal.SignalQuality> qualities =
      id -> io.twinline.sim.signal.SignalQuality.GOOD;
  private long consumedInstant = -1;
  private boolean hidingConsumed;

  Watch(Object[] initial, LongSupplier clock) {
    this.value = initial.clone();
    this.previous = initial.clone();
    this.lastChange = new long[initial.length];
    this.clock = clock;
  }

  /** Signal {@code index} took {@code newValue} at {@code time}. */
  void onChange(int index, long time, Object newValue) {
    if (lastChange[index] != time) {
      previous[index] = value[index];
      lastChange[index] = time;
    }
    value[index] = newValue;
  }

  /** Where the qualities come from: the plant's signals, read on the simulation thread. */
  void readQualities(java.util.function.IntFunction<io.twinline.sim.signal.SignalQuality> source) {
    this.qualities = source;
  }

  @Override
  public io.twinline.sim.signal.SignalQuality quality(int signal) {
    return qualities.apply(signal);
  }

  @Override
  public long now() {
    return clock.getAsLong();
  }

  @Override
  public Object value(int signal) {
    return value[signal];
  }

  @Override
  public Object previous(int signal) {
    return lastChange[signal] == now() ? previous[signal] : value[signal];
  }

  @Override
  public long lastChange(int signal) {
    return lastChange[signal];
  }

  @Override
  public boolean changedNow(int signal) {
    long now = now();
    return lastChange[signal] == now && !(hidingConsumed && now == consumedInstant);
  }

  /**
   * The changes of the present instant have satisfied an expectation: the next expectation
   * waits for new ones (an edge counts once), while invariants still see them.
   */
  void consumeInstant() {
    consumedInstant = now();
  }

  /** While true, the changes of a consumed instant are hidden from rose, fell and changed. */
  void hideConsumed(boolean hide) {
    hidingConsumed = hide;
  }
}
