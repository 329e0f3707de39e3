package io.twinline.sim.random;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Seeded random numbers, one independent stream per name (e.g. per component). A stream depends
 * only on the line's seed and its own name, so adding a component does not change the random
 * numbers of the others, and the same seed gives the same run.
 */
public final class RandomStreams {

  private final long seed;

  public RandomStreams(long seed) {
    this.seed = seed;
  }

  public long seed() {
    return seed;
  }

  /** A new stream for {@code name}; asking twice for one name gives two identical streams. */
  public SplittableRandom stream(String name) {
    return new SplittableRandom(mix(seed ^ mix(fnv1a(name))));
  }

  private static long fnv1a(String text) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  /** The finaliser of SplitMix64: spreads every input bit over the output. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
