package io.twinline.coupling.plc;

import java.util.Arrays;

/**
 * What the coupling's exchanges cost, measured on the wall clock over the last cycles.
 *
 * @param cycles exchanges done since the start
 * @param overruns exchanges that took longer than the cycle
 * @param medianMicros median time of one exchange (reads and writes of every block), µs
 * @param p99Micros 99th percentile, µs
 * @param maxMicros the longest, µs
 */
public record CycleStats(long cycles, long overruns, long medianMicros, long p99Micros,
    long maxMicros) {

  /** The statistics of {@code samples} (ns; the newest {@code size} of a ring). */
  static CycleStats of(long cycles, long overruns, long[] samples, int size) {
    if (size == 0) {
      return new CycleStats(cycles, overruns, 0, 0, 0);
    }
    long[] sorted = Arrays.copyOf(samples, size);
    Arrays.sort(sorted);
    return new CycleStats(cycles, overruns, sorted[size / 2] / 1000,
        sorted[Math.min(size - 1, (int) Math.ceil(size * 0.99) - 1)] / 1000,
        sorted[size - 1] / 1000);
  }
}
