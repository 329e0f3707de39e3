package io.twinline.harness.suite;

/** The outcome of a step or a sequence. */
public enum Status {
  /** Every expectation held. */
  PASSED,
  /** An expectation did not hold: the controller (or the line) does not do what was expected. */
  FAILED,
  /** The sequence could not run as written (an action the plant refused, a broken teardown). */
  ERROR,
  /** Not run, because an earlier step failed. */
  SKIPPED,
  /**
   * A step cut short by a failure that is not its own: an invariant armed by an earlier step
   * broke while it ran. Only steps have it, never a sequence.
   */
  INTERRUPTED
}
