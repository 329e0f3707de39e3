package io.twinline.sim.controller;

/**
 * A PLC program for runs without hardware, with the scan-cycle contract of a PLC: every scan it
 * reads its inputs from the process image, computes, and writes its outputs to the image. The
 * image is exchanged with the plant between scans, as a PLC's I/O is.
 *
 * <p>A program keeps its own state in fields (timers, steps, counters). It must be deterministic:
 * the same inputs at the same times must give the same outputs, so that runs repeat.
 */
@FunctionalInterface
public interface ControlProgram {

  /** Called once before the first scan, e.g. to set initial outputs. */
  default void init(ProcessImage io) {}

  /** One scan. */
  void scan(ProcessImage io);

  /**
   * A warm restart after the line was reset: this fresh program replaces {@code previous} (of
   * the same kind) and may take over what a PLC keeps over a warm restart (an IEC program's
   * RETAIN variables). Called before the first scan; by default nothing is kept.
   */
  default void restart(ControlProgram previous) {}
}
