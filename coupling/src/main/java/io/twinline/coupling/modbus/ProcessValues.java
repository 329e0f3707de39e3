package io.twinline.coupling.modbus;

import io.twinline.sim.signal.ChangeSet;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The latest published value of every signal, by id, as the endpoint answers reads: filled from
 * the change feed (one lossless consumer), read by the Modbus threads. A read shows what the
 * plant published, never a master's write that the simulation has not applied yet.
 */
public final class ProcessValues {

  private final AtomicLongArray bits;

  public ProcessValues(int signals) {
    this.bits = new AtomicLongArray(signals);
  }

  /** Takes a change set of the feed (its own thread). */
  public void take(ChangeSet changes) {
    for (int i = 0; i < changes.size(); i++) {
      int id = changes.id(i);
      if (id < bits.length() && changes.definition(i).type() != io.twinline.line.SignalType.STRING) {
        bits.set(id, changes.bits(i));
      }
    }
  }

  /** The stored bits of signal {@code id} (see {@code SignalValues}). */
  public long bits(int id) {
    return bits.get(id);
  }
}
