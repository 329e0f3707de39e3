package io.twinline.sim.run;

import java.util.Optional;

/**
 * The answer of the control surface to one request: done (with what was done and the simulated
 * time it took effect), or refused with a typed {@link Refusal}. An outcome is true: "done" is
 * only said once the plant has done it.
 *
 * @param refusal why it was refused, or null when it was done
 * @param message what was done, in words ("injected F1: jam on Infeed"); the reason if refused
 * @param simTime the simulated time at which it took effect (for a step: the time reached), ns;
 *     the time of the refusal otherwise
 */
public record Outcome(Refusal refusal, String message, long simTime) {

  public static Outcome done(String message, long simTime) {
    return new Outcome(null, message, simTime);
  }

  public static Outcome refused(Refusal refusal, long simTime) {
    return new Outcome(refusal, refusal.reason(), simTime);
  }

  public boolean isDone() {
    return refusal == null;
  }

  public Optional<Refusal> refusalIfAny() {
    return Optional.ofNullable(refusal);
  }

  /**
   * The outcome as it is, or an {@link IllegalArgumentException} with the reason (for callers that
   * treat a refusal as a mistake of theirs, such as a test script).
   */
  public Outcome orElseThrow() {
    if (refusal != null) {
      throw new IllegalArgumentException(refusal.reason());
    }
    return this;
  }

  @Override
  public String toString() {
    return isDone() ? "done: " + message : refusal.toString();
  }
}
