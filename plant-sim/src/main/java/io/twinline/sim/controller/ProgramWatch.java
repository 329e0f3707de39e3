package io.twinline.sim.controller;

import java.util.List;

/**
 * The watched variables of the program a soft PLC runs, and their values as of its last scan.
 * The simulation thread publishes a fresh immutable {@link Snapshot} after every scan; any
 * other thread (a server's) reads the latest one and never touches the program itself.
 */
public final class ProgramWatch {

  /**
   * The values after one scan.
   *
   * @param simTime the scan's simulated time, ns
   * @param values in the order of {@link #variables()}; never changed once published
   */
  public record Snapshot(long simTime, Object[] values) {}

  private final List<WatchedVariable> variables;
  private volatile Snapshot latest;

  public ProgramWatch(List<WatchedVariable> variables) {
    this.variables = List.copyOf(variables);
  }

  public List<WatchedVariable> variables() {
    return variables;
  }

  /** The values after the last scan; null before the first. Any thread. */
  public Snapshot latest() {
    return latest;
  }

  /** Publishes {@code program}'s values after a scan at {@code simTime}. Simulation thread. */
  void publish(Watchable program, long simTime) {
    Object[] values = new Object[variables.size()];
    program.copyWatched(values);
    latest = new Snapshot(simTime, values);
  }
}
