package io.twinline.sim.controller;

import java.util.List;

/**
 * A control program whose variables can be watched while it runs (an IEC program's locals and
 * globals): what they are, and their values at the end of a scan. Protocol-free: a server shows
 * them from the {@link ProgramWatch} the soft PLC publishes to.
 */
public interface Watchable {

  /** The variables, in a fixed order: the same for every instance of the same program. */
  List<WatchedVariable> watched();

  /**
   * Copies the variables' current values into {@code values}, in the order of {@link
   * #watched()}: Boolean, Long, Double or String as each variable's kind says. Called on the
   * thread that scans the program, between scans.
   */
  void copyWatched(Object[] values);
}
