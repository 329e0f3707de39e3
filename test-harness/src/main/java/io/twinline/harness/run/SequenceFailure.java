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

  public SequenceFailure(String message, long time, List<String> signals) {
    super(message);
    this.time = time;
    this.signals = List.copyOf(signals);
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
