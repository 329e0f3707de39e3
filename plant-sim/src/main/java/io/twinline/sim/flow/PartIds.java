package io.twinline.sim.flow;

/** Numbers the parts of one plant in release order. Simulation thread only. */
public final class PartIds {

  private long next = 1;

  public long next() {
    return next++;
  }
}
