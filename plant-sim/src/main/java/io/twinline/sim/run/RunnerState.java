package io.twinline.sim.run;

/** Where a {@link SimulationRunner} is in its life. */
public enum RunnerState {
  NEW,
  RUNNING,
  PAUSED,
  STOPPED,
  FAILED
}
