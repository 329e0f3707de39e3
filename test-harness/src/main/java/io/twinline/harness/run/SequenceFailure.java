package io.twinline.harness.run;

import java.util.List;

/**
 * An expectation that did not hold: what was expected, what happened instead, when (simulated
 * time, ns) and which signals it is about (for the report's timeline).
 */
public final class SequenceFailure extends AssertionError {

  private static final long serialVersionUID = 1L;

  private final long time;
  private final transient List<String> signals;
  private final String invariant;

  public SequenceFailure(String message, long time, List<String> signals) {
    this(message, time, signals, null);
  }

  /**
   * @param invariant the origin of the invariant that broke, as given to {@link
   *     Harness#never(io.twinline.harness.expr.Condition, String)}; null if an expectation failed
   */
  public SequenceFailure(String message, long time, List<String> signals, String invariant) {
    super(message);
    this.time = time;
    this.signals = List.copyOf(signals);
    this.invariant = invariant;
  }

  /** The origin of the broken invariant, if an invariant (not the running step) failed. */
  public java.util.Optional<String> invariant() {
    return java.util.Optional.ofNullable(invariant);
  }

  /** Simulated time of the failure, ns. */
  public long time() {
    return time;
  }

  /** The signals the failed expectation reads. */
  public List<String> signals() {
    return signals;
  }
}
