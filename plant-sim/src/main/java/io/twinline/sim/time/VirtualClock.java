package io.twinline.sim.time;

/** A clock that never waits: simulated time runs as fast as the computer allows. */
public final class VirtualClock implements Clock {

  @Override
  public boolean awaitSimTime(long simTime) {
    return true;
  }

  @Override
  public void anchor(long simTime) {}

  @Override
  public void wakeUp() {}
}
