package io.twinline.sim.run;

import java.util.Objects;

/**
 * Why the control surface did not do what it was asked, typed so that every protocol can answer
 * with its own code (OPC UA status codes, HTTP statuses, Modbus exceptions, a console's "?").
 *
 * @param kind what sort of refusal it is
 * @param reason a sentence for the engineer: what was wrong and, where it helps, what to do
 */
public record Refusal(Kind kind, String reason) {

  /** The kinds of refusal, the same for every protocol. */
  public enum Kind {
    /** The signal, device, recipe or fault named does not exist. */
    NOT_FOUND,
    /** The argument is of the wrong type, out of range, or malformed. */
    INVALID_ARGUMENT,
    /** The request does not fit the simulation's state now (a step while running, say). */
    INVALID_STATE,
    /** Nobody may do this through this door (a write to an input the plant drives). */
    NOT_ALLOWED
  }

  public Refusal {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
  }

  public static Refusal notFound(String reason) {
    return new Refusal(Kind.NOT_FOUND, reason);
  }

  public static Refusal invalidArgument(String reason) {
    return new Refusal(Kind.INVALID_ARGUMENT, reason);
  }

  public static Refusal invalidState(String reason) {
    return new Refusal(Kind.INVALID_STATE, reason);
  }

  public static Refusal notAllowed(String reason) {
    return new Refusal(Kind.NOT_ALLOWED, reason);
  }

  @Override
  public String toString() {
    return kind + ": " + reason;
  }
}
