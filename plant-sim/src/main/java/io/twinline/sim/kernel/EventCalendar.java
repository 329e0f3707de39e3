package io.twinline.sim.kernel;

import java.util.Arrays;

/**
 * The future event list, ordered by (time, priority, sequence number), in three tiers:
 *
 * <ul>
 *   <li>the near future, a 4-ary min-heap whose keys (time and tie-breaking rank) sit side by
 *       side in one primitive array, small enough to stay in the processor's cache;
 *   <li>a ring of {@value #BUCKETS} time buckets of equal width (a power of two nanoseconds)
 *       after it, each an unsorted array appended to in constant time, its keys kept beside its
 *       events; one bucket at a time is turned into the heap when the heap runs dry, and the ring
 *       moves on by one bucket;
 *   <li>the far future beyond the ring, a second heap, for the rare event scheduled much further
 *       ahead than the rest.
 * </ul>
 *
 * <p>The order is exact, ties included: the tiers split time into disjoint ranges and each heap
 * orders its range completely. Cancelling marks an event; marked events are dropped when they
 * reach the top of a heap, and everything is laid out anew when they make up most of the
 * calendar, or when the bucket width no longer fits the spread of the events.
 *
 * <p>Many events at one instant (a PLC-synchronised plant resamples thousands of inputs on the
 * same I/O-cycle tick) are no reason to lay out: no bucket width can split them, they are simply
 * a big near heap. A crowded bucket is laid out only when its events span more than one instant,
 * and at most once per {@code live / 2} events run since the last lay-out, so the cost of laying
 * out stays linear in the number of events.
 *
 * <p>Not thread-safe: owned by the simulation thread.
 */
final class EventCalendar {

  /** Sequence numbers must fit below the priority in a rank. */
  static final long MAX_SEQUENCE = (1L << 47) - 1;

  private static final int BUCKETS = 1024;
  private static final int MASK = BUCKETS - 1;
  /** A loaded bucket bigger than this means the buckets are too wide. */
  private static final int CROWDED = 4096;
  private static final int MIN_REBUILD = 1024;

  private final Heap near = new Heap();
  private final Heap far = new Heap();

  private final ScheduledEvent[][] ring = new ScheduledEvent[BUCKETS][];
  private final long[][] ringKeys = new long[BUCKETS][];
  private final int[] ringSizes = new int[BUCKETS];
  private int inRing;

  /** log2 of the bucket width in ns. */
  private int shift = 20;
  /** The number of the bucket in the near heap: times below (current + 1) << shift. */
  private long current = -1;

  private int live;
  private int cancelled;
  /** Events run since the last lay-out; starts high so the first crowded bucket may lay out. */
  private long runSinceLayOut = Long.MAX_VALUE / 2;
  private long layOuts;

  /** Live (not cancelled) events. */
  int size() {
    return live;
  }

  boolean isEmpty() {
    return live == 0;
  }

  /** How many times everything was laid out anew, for tests of the calendar's own cost. */
  long layOuts() {
    return layOuts;
  }

  void add(ScheduledEvent event) {
    live++;
    place(event, event.time, event.rank());
  }

  private void place(ScheduledEvent event, long time, long rank) {
    long bucket = time >>> shift;
    if (bucket <= current) {
      near.push(event, time, rank);
    } else if (bucket <= current + BUCKETS) {
      appendToRing((int) (bucket & MASK), event, time, rank);
    } else {
      far.push(event, time, rank);
    }
  }

  ScheduledEvent peek() {
    return refill() ? near.top() : null;
  }

  ScheduledEvent poll() {
    if (!refill()) {
      return null;
    }
    ScheduledEvent first = near.top();
    near.removeTop();
    live--;
    runSinceLayOut++;
    return first;
  }

  /** Called by an event when it is cancelled. */
  void cancelled() {
    live--;
    cancelled++;
    if (cancelled >= MIN_REBUILD && cancelled > live) {
      layOut();
    }
  }

  void clear() {
    near.clear();
    far.clear();
    for (int i = 0; i < BUCKETS; i++) {
      ring[i] = null;
      ringKeys[i] = null;
      ringSizes[i] = 0;
    }
    inRing = 0;
    current = -1;
    live = 0;
    cancelled = 0;
    runSinceLayOut = Long.MAX_VALUE / 2;
  }

  /** Makes the near heap's top the earliest live event; false if there is none. */
  private boolean refill() {
    if (near.size > 0 && !near.top().isCancelled()) {
      return true;
    }
    while (true) {
      cancelled -= near.dropCancelledTop();
      if (near.size > 0) {
        return true;
      }
      if (live == 0) {
        if (cancelled > 0) {
          layOut();
        }
        return false;
      }
      if (inRing == 0) {
        // Nothing in the ring: jump to the far future's first bucket.
        cancelled -= far.dropCancelledTop();
        current = (far.topTime() >>> shift) - 1;
        pullFromFar();
      }
      loadNextBucket();
    }
  }

  /** Moves the ring on by one bucket: that bucket becomes the near heap. */
  private void loadNextBucket() {
    current++;
    int slot = (int) (current & MASK);
    int n = ringSizes[slot];
    if (n > 0) {
      touch(ring[slot], n);
      near.appendAll(ring[slot], ringKeys[slot], n);
      Arrays.fill(ring[slot], 0, n, null);
      ringSizes[slot] = 0;
      inRing -= n;
      near.heapify();
    }
    pullFromFar();
    if (near.size > CROWDED && runSinceLayOut >= live / 2 && near.spansMoreThanOneInstant()) {
      layOut();
    }
  }

  /** Keeps the loads below from being removed as dead code. */
  private int touched;

  /**
   * Reads one field of each event of a bucket about to become the near heap. The loads are
   * independent, so the processor fetches the events from memory in parallel, now, instead of
   * one at a time as each reaches the top: the events were scheduled long ago and are no longer
   * in its cache.
   */
  private void touch(ScheduledEvent[] events, int n) {
    int x = 0;
    for (int i = 0; i < n; i++) {
      x += events[i].priority;
    }
    touched += x;
  }

  /** Brings far events that now fall within the ring into it. */
  private void pullFromFar() {
    long ringEnd = current + BUCKETS;
    while (far.size > 0 && (far.topTime() >>> shift) <= ringEnd) {
      ScheduledEvent event = far.top();
      long time = far.topTime();
      long rank = far.topRank();
      far.removeTop();
      if (event.isCancelled()) {
        cancelled--;
      } else {
        place(event, time, rank);
      }
    }
  }

  /**
   * Lays everything out anew: drops cancelled events and picks the bucket width (a power of two)
   * so that the middle half of the pending events spreads over about half the ring.
   */
  private void layOut() {
    layOuts++;
    runSinceLayOut = 0;
    ScheduledEvent[] all = new ScheduledEvent[Math.max(1, live)];
    int n = near.drain(all, 0);
    for (int slot = 0; slot < BUCKETS; slot++) {
      ScheduledEvent[] bucket = ring[slot];
      for (int i = 0; i < ringSizes[slot]; i++) {
        if (!bucket[i].isCancelled()) {
          all[n++] = bucket[i];
        }
        bucket[i] = null;
      }
      ringSizes[slot] = 0;
    }
    inRing = 0;
    n = far.drain(all, n);
    cancelled = 0;
    if (n == 0) {
      current = -1;
      return;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      min = Math.min(min, all[i].time);
      max = Math.max(max, all[i].time);
    }
    int samples = Math.min(n, 257);
    long[] sample = new long[samples];
    for (int i = 0; i < samples; i++) {
      sample[i] = all[(int) ((long) i * (n - 1) / Math.max(1, samples - 1))].time;
    }
    Arrays.sort(sample);
    long spread = sample[samples * 3 / 4] - min;
    if (spread == 0) {
      // Most events at the first instant: the rest still deserve buckets of their own scale.
      spread = max - min;
    }
    if (spread > 0) {
      long width = Math.max(1, spread / (BUCKETS / 2));
      shift = 63 - Long.numberOfLeadingZeros(width);
    }
    // Else every event is at one instant: no width is better than another, keep the current one.
    current = (min >>> shift) - 1;
    for (int i = 0; i < n; i++) {
      place(all[i], all[i].time, all[i].rank());
    }
  }

  private void appendToRing(int slot, ScheduledEvent event, long time, long rank) {
    ScheduledEvent[] bucket = ring[slot];
    long[] keys = ringKeys[slot];
    int size = ringSizes[slot];
    if (bucket == null) {
      bucket = new ScheduledEvent[16];
      keys = new long[32];
      ring[slot] = bucket;
      ringKeys[slot] = keys;
    } else if (size == bucket.length) {
      bucket = Arrays.copyOf(bucket, size * 2);
      keys = Arrays.copyOf(keys, size * 4);
      ring[slot] = bucket;
      ringKeys[slot] = keys;
    }
    bucket[size] = event;
    keys[2 * size] = time;
    keys[2 * size + 1] = rank;
    ringSizes[slot] = size + 1;
    inRing++;
  }

  /**
   * A 4-ary min-heap with its keys in one primitive array (keys[2i] time, keys[2i + 1] rank) and
   * its events in a pool the heap refers to by slot number. Sifting moves only numbers: no object
   * reference is written per level, so the garbage collector's write barrier is paid once per
   * event, not once per comparison.
   */
  private static final class Heap {
    long[] keys = new long[64];
    int[] slots = new int[32];
    int size;
    ScheduledEvent[] pool = new ScheduledEvent[32];
    int[] free = new int[32];
    int freeCount;
    int poolUsed;

    ScheduledEvent top() {
      return pool[slots[0]];
    }

    long topTime() {
      return keys[0];
    }

    long topRank() {
      return keys[1];
    }

    boolean spansMoreThanOneInstant() {
      for (int i = 1; i < size; i++) {
        if (keys[2 * i] != keys[0]) {
          return true;
        }
      }
      return false;
    }

    void clear() {
      Arrays.fill(pool, 0, poolUsed, null);
      size = 0;
      freeCount = 0;
      poolUsed = 0;
    }

    /** Removes cancelled events from the top; returns how many. */
    int dropCancelledTop() {
      int dropped = 0;
      while (size > 0 && pool[slots[0]].isCancelled()) {
        removeTop();
        dropped++;
      }
      return dropped;
    }

    /** Moves the live events out into {@code into} from {@code at}; returns the new count. */
    int drain(ScheduledEvent[] into, int at) {
      int n = at;
      for (int i = 0; i < size; i++) {
        ScheduledEvent event = pool[slots[i]];
        if (!event.isCancelled()) {
          into[n++] = event;
        }
      }
      clear();
      return n;
    }

    private void grow(int needed) {
      if (needed > slots.length) {
        int capacity = Math.max(needed, slots.length * 2);
        slots = Arrays.copyOf(slots, capacity);
        keys = Arrays.copyOf(keys, capacity * 2);
      }
      if (needed > pool.length) {
        int capacity = Math.max(needed, pool.length * 2);
        pool = Arrays.copyOf(pool, capacity);
        free = Arrays.copyOf(free, capacity);
      }
    }

    private int store(ScheduledEvent event) {
      int slot = freeCount > 0 ? free[--freeCount] : poolUsed++;
      pool[slot] = event;
      return slot;
    }

    void push(ScheduledEvent event, long time, long rank) {
      grow(size + 1);
      siftUp(size++, time, rank, store(event));
    }

    /** Appends without ordering; call {@link #heapify()} after. */
    void appendAll(ScheduledEvent[] more, long[] moreKeys, int n) {
      grow(size + n);
      System.arraycopy(moreKeys, 0, keys, 2 * size, 2 * n);
      for (int i = 0; i < n; i++) {
        slots[size + i] = store(more[i]);
      }
      size += n;
    }

    void heapify() {
      for (int i = (size - 2) >>> 2; i >= 0 && size > 1; i--) {
        siftDown(i, keys[2 * i], keys[2 * i + 1], slots[i]);
      }
    }

    void removeTop() {
      int removed = slots[0];
      pool[removed] = null;
      free[freeCount++] = removed;
      int last = --size;
      if (last > 0) {
        siftDown(0, keys[2 * last], keys[2 * last + 1], slots[last]);
      }
    }

    private void siftUp(int index, long time, long rank, int slot) {
      while (index > 0) {
        int parent = (index - 1) >>> 2;
        long parentTime = keys[2 * parent];
        long parentRank = keys[2 * parent + 1];
        if (time > parentTime || (time == parentTime && rank > parentRank)) {
          break;
        }
        keys[2 * index] = parentTime;
        keys[2 * index + 1] = parentRank;
        slots[index] = slots[parent];
        index = parent;
      }
      keys[2 * index] = time;
      keys[2 * index + 1] = rank;
      slots[index] = slot;
    }

    private void siftDown(int index, long time, long rank, int slot) {
      int n = size;
      while (true) {
        int first = (index << 2) + 1;
        if (first >= n) {
          break;
        }
        int best = first;
        long bestTime = keys[2 * first];
        long bestRank = keys[2 * first + 1];
        int end = Math.min(first + 4, n);
        for (int child = first + 1; child < end; child++) {
          long childTime = keys[2 * child];
          long childRank = keys[2 * child + 1];
          if (childTime < bestTime || (childTime == bestTime && childRank < bestRank)) {
            best = child;
            bestTime = childTime;
            bestRank = childRank;
          }
        }
        if (time < bestTime || (time == bestTime && rank < bestRank)) {
          break;
        }
        keys[2 * index] = bestTime;
        keys[2 * index + 1] = bestRank;
        slots[index] = slots[best];
        index = best;
      }
      keys[2 * index] = time;
      keys[2 * index + 1] = rank;
      slots[index] = slot;
    }
  }
}
