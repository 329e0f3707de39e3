package io.twinline.web;

import io.vertx.core.json.JsonArray;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The recent history of the signals someone charts, kept on the server in a ring per signal so
 * a browser never accumulates it (a tab left open for a day holds what its chart shows, no
 * more). A signal is recorded from the first time it is asked for until nobody has asked for
 * ten minutes; at most {@value #MAX_SIGNALS} at once. Samples come from the stream's frames:
 * the last value of each frame, and for a Boolean that changed an even number of times within
 * one frame (a pulse) the other value too, so the pulse shows. Event loop only.
 */
final class Trends {

  static final int MAX_SIGNALS = 64;
  static final int SAMPLES = 8192;
  private static final long FORGET_NANOS = 600_000_000_000L;

  private static final class Ring {
    final long[] times = new long[SAMPLES];
    final double[] values = new double[SAMPLES];
    int next;
    int size;
    long askedAt;

    void add(long time, double value) {
      times[next] = time;
      values[next] = value;
      next = (next + 1) % SAMPLES;
      size = Math.min(size + 1, SAMPLES);
    }

    int index(int k) {
      return (next - size + k + SAMPLES) % SAMPLES;
    }
  }

  private final Map<Integer, Ring> rings = new HashMap<>();

  /** Starts recording {@code id} (with {@code value} at {@code time}) if not yet recorded. */
  boolean track(int id, Object value, long time) {
    Ring ring = rings.get(id);
    if (ring == null) {
      forgetUnused();
      if (rings.size() >= MAX_SIGNALS) {
        return false;
      }
      ring = new Ring();
      rings.put(id, ring);
      Double number = number(value);
      if (number != null) {
        ring.add(time, number);
      }
    }
    ring.askedAt = System.nanoTime();
    return true;
  }

  /** A change from a frame. */
  void record(int id, Object value, long time, int changes) {
    Ring ring = rings.get(id);
    if (ring == null) {
      return;
    }
    Double number = number(value);
    if (number == null) {
      return;
    }
    if (value instanceof Boolean && changes >= 2 && changes % 2 == 0) {
      ring.add(time, 1 - number);
    }
    ring.add(time, number);
  }

  /**
   * The samples of {@code id} from {@code from} to {@code to} (simulated ns), decimated to at
   * most about {@code points} samples: per bucket of time its first, smallest, largest and last
   * sample (in time order), so that a peak survives decimation. Each point is {@code [simTime, value]}.
   */
  JsonArray samples(int id, long from, long to, int points) {
    JsonArray out = new JsonArray();
    Ring ring = rings.get(id);
    if (ring == null || ring.size == 0) {
      return out;
    }
    int buckets = Math.max(1, points / 4);
    double width = Math.max(1.0, (double) (to - from) / buckets);
    int k = 0;
    // the last sample before the window: where the line starts
    int first = -1;
    for (; k < ring.size; k++) {
      if (ring.times[ring.index(k)] >= from) {
        break;
      }
      first = k;
    }
    if (first >= 0) {
      out.add(new JsonArray().add(from).add(ring.values[ring.index(first)]));
    }
    while (k < ring.size && ring.times[ring.index(k)] <= to) {
      long bucket = (long) ((ring.times[ring.index(k)] - from) / width);
      int start = k;
      int min = k;
      int max = k;
      while (k < ring.size && ring.times[ring.index(k)] <= to
          && (long) ((ring.times[ring.index(k)] - from) / width) == bucket) {
        int i = ring.index(k);
        if (ring.values[i] < ring.values[ring.index(min)]) {
          min = k;
        }
        if (ring.values[i] > ring.values[ring.index(max)]) {
          max = k;
        }
        k++;
      }
      int last = k - 1;
      int[] picks = java.util.stream.IntStream.of(start, min, max, last).distinct().sorted()
          .toArray();
      for (int pick : picks) {
        int i = ring.index(pick);
        out.add(new JsonArray().add(ring.times[i]).add(ring.values[i]));
      }
    }
    return out;
  }

  /** Drops every recording (a reset: time starts again at 0). */
  void clear() {
    for (Ring ring : rings.values()) {
      ring.size = 0;
      ring.next = 0;
    }
  }

  int tracked() {
    return rings.size();
  }

  private void forgetUnused() {
    long now = System.nanoTime();
    for (Iterator<Ring> it = rings.values().iterator(); it.hasNext(); ) {
      if (now - it.next().askedAt > FORGET_NANOS) {
        it.remove();
      }
    }
  }

  private static Double number(Object value) {
    if (value instanceof Boolean b) {
      return b ? 1.0 : 0.0;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    return null;
  }
}
