package io.twinline.sim.run;

import io.twinline.line.SignalDefinition;
import io.twinline.sim.signal.ChangeSet;
import java.util.Arrays;

/**
 * The latest value of every signal that changed since the consumer last looked, with how often it
 * changed: what a browser needs. The simulation thread writes into it without waiting for the
 * consumer; a consumer that looks rarely gets fewer, larger frames, never a growing queue, and
 * never loses that an edge happened (a signal that went true and false again between two looks
 * has its last value and a change count of 2).
 *
 * <p>{@link #take} is called by the simulation thread; {@link #poll} by the consumer. Both hold
 * this view's monitor only for a copy.
 */
public final class LatestValues implements AutoCloseable {

  /**
   * One signal in a frame: its latest value and how many times it changed since the last frame
   * (0 when the frame only restates it: the first frame, after a reset), and the quality its
   * I/O card gives it.
   */
  public record Latest(int id, SignalDefinition definition, Object value, long time, int changes,
      boolean forced, io.twinline.sim.signal.SignalQuality quality) {

    /** A value of GOOD quality. */
    public Latest(int id, SignalDefinition definition, Object value, long time, int changes,
        boolean forced) {
      this(id, definition, value, time, changes, forced, io.twinline.sim.signal.SignalQuality.GOOD);
    }
  }

  /**
   * What changed since the previous frame.
   *
   * @param sequence 1 for the first frame, one more for each frame after
   * @param simTime the simulated time of the newest change set taken, ns
   * @param signals the signals that changed, in id order
   */
  public record Frame(long sequence, long simTime, java.util.List<Latest> signals) {}

  private final SignalDefinition[] definitions;
  private final Object[] values;
  private final long[] times;
  private final int[] counts;
  private final boolean[] forced;
  private final io.twinline.sim.signal.SignalQuality[] qualities;
  private final int[] dirty;
  private final boolean[] isDirty;
  private int dirtySize;
  private long sequence;
  private long simTime;
  Runnable onClose;

  LatestValues(int signals, Runnable onClose) {
    this.definitions = new SignalDefinition[signals];
    this.values = new Object[signals];
    this.times = new long[signals];
    this.counts = new int[signals];
    this.forced = new boolean[signals];
    this.qualities = new io.twinline.sim.signal.SignalQuality[signals];
    this.dirty = new int[signals];
    this.isDirty = new boolean[signals];
    this.onClose = onClose;
  }

  synchronized void take(ChangeSet changes) {
    for (int i = 0; i < changes.size(); i++) {
      int id = changes.id(i);
      if (id >= values.length) {
        continue;
      }
      if (!isDirty[id]) {
        isDirty[id] = true;
        dirty[dirtySize++] = id;
      }
      definitions[id] = changes.definition(i);
      values[id] = changes.value(i);
      times[id] = changes.time(i);
      forced[id] = changes.forced(i);
      qualities[id] = changes.quality(i);
      // a snapshot restates values (at the start, a reset, a new viewer); it is not an edge
      if (!changes.isSnapshot()) {
        counts[id]++;
      }
      simTime = Math.max(simTime, changes.time(i));
    }
  }

  /** The signals that changed since the last call (an empty frame if none). */
  public synchronized Frame poll() {
    int[] ids = Arrays.copyOf(dirty, dirtySize);
    Arrays.sort(ids);
    Latest[] latest = new Latest[ids.length];
    for (int k = 0; k < ids.length; k++) {
      int id = ids[k];
      latest[k] = new Latest(id, definitions[id], values[id], times[id], counts[id], forced[id],
          qualities[id]);
      counts[id] = 0;
      isDirty[id] = false;
    }
    dirtySize = 0;
    return new Frame(++sequence, simTime, java.util.List.of(latest));
  }

  @Override
  public void close() {
    onClose.run();
  }
}
