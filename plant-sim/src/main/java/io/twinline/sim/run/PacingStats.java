package io.twinline.sim.run;

/**
 * How punctually a real-time run starts its I/O cycles: for every cycle, how late (wall clock)
 * it began against when it was due. A histogram with 10 µs buckets up to 100 ms; later starts
 * count in the last bucket. Written by the simulation thread, read by anyone.
 */
public final class PacingStats {

  private static final long BUCKET_NANOS = 10_000;
  private static final int BUCKETS = 10_000;

  private final long[] buckets = new long[BUCKETS + 1];
  private final long cycleNanos;
  private long count;
  private long max;
  private long overruns;

  PacingStats(long cycleNanos) {
    this.cycleNanos = cycleNanos;
  }

  synchronized void record(long lateNanos) {
    long late = Math.max(0, lateNanos);
    buckets[(int) Math.min(BUCKETS, late / BUCKET_NANOS)]++;
    count++;
    max = Math.max(max, late);
    if (late >= cycleNanos) {
      overruns++;
    }
  }

  /** Forgets what was recorded (after a warm-up, say). */
  public synchronized void reset() {
    java.util.Arrays.fill(buckets, 0);
    count = 0;
    max = 0;
    overruns = 0;
  }

  /** Cycles recorded. */
  public synchronized long count() {
    return count;
  }

  /** Cycles that began a whole cycle late or more. */
  public synchronized long overruns() {
    return overruns;
  }

  /** The latest start, ns. */
  public synchronized long max() {
    return max;
  }

  /** The {@code quantile} (0..1) of the lateness, ns, to the upper edge of its 10 µs bucket. */
  public synchronized long quantile(double quantile) {
    if (count == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(quantile * count);
    long seen = 0;
    for (int i = 0; i <= BUCKETS; i++) {
      seen += buckets[i];
      if (seen >= rank) {
        return i == BUCKETS ? max : (i + 1) * BUCKET_NANOS;
      }
    }
    return max;
  }
}
