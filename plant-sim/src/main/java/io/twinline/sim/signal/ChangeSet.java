package io.twinline.sim.signal;

import java.util.List;

/**
 * The signal changes of one stretch of simulated time, in the order they happened, each with its
 * simulated time. Immutable once published; safe to read from any thread. A signal that changed
 * twice appears twice, so a short pulse is never lost.
 */
public final class ChangeSet {

  private static final ChangeSet EMPTY =
      new ChangeSet(new Signal[0], new long[0], new long[0], null, new boolean[0], 0, false);

  private final Signal[] signals;
  private final long[] times;
  private final long[] bits;
  private final String[] texts;
  private final boolean[] forced;
  private final int size;
  private final boolean snapshot;
  /** Null when every change is of GOOD quality; a null entry is GOOD too. */
  private final SignalQuality[] qualities;

  ChangeSet(
      Signal[] signals, long[] times, long[] bits, String[] texts, boolean[] forced, int size,
      boolean snapshot) {
    this(signals, times, bits, texts, forced, size, snapshot, null);
  }

  ChangeSet(
      Signal[] signals, long[] times, long[] bits, String[] texts, boolean[] forced, int size,
      boolean snapshot, SignalQuality[] qualities) {
    this.qualities = qualities;
    this.signals = signals;
    this.times = times;
    this.bits = bits;
    this.texts = texts;
    this.forced = forced;
    this.size = size;
    this.snapshot = snapshot;
  }

  public static ChangeSet empty() {
    return EMPTY;
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /**
   * True if this set holds the value of every signal (after a start or a reset), rather than the
   * changes since the last publication.
   */
  public boolean isSnapshot() {
    return snapshot;
  }

  /** The id of the signal of change {@code i} (dense, see {@link Signal#id()}). */
  public int id(int i) {
    check(i);
    return signals[i].id();
  }

  /** The definition of the signal of change {@code i}: path, type, direction, range. */
  public io.twinline.line.SignalDefinition definition(int i) {
    check(i);
    return signals[i].definition();
  }

  /** Whether the signal of change {@code i} was forced (its value is the forced one). */
  public boolean forced(int i) {
    check(i);
    return forced[i];
  }

  /** The quality the value of change {@code i} came with (GOOD unless a card said else). */
  public SignalQuality quality(int i) {
    check(i);
    if (qualities == null || qualities[i] == null) {
      return SignalQuality.GOOD;
    }
    return qualities[i];
  }

  public long time(int i) {
    check(i);
    return times[i];
  }

  public long bits(int i) {
    check(i);
    return bits[i];
  }

  /** The new text of a String signal's change {@code i} (null for other types). */
  public String text(int i) {
    check(i);
    return texts == null ? null : texts[i];
  }

  /** The new value of change {@code i} as a Java object (see {@link Signal#value()}). */
  public Object value(int i) {
    io.twinline.line.SignalType type = definition(i).type();
    return type == io.twinline.line.SignalType.STRING
        ? text(i)
        : SignalValues.toObject(type, bits(i));
  }

  /** The changes as records, for tests and tools (allocates). */
  public List<Change> toList() {
    Change[] list = new Change[size];
    for (int i = 0; i < size; i++) {
      list[i] = new Change(signals[i].path().toString(), times[i], value(i));
    }
    return List.of(list);
  }

  /** One change, for tests and tools. */
  public record Change(String path, long time, Object value) {}

  private void check(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
  }
}
