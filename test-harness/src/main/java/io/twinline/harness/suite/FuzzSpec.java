package io.twinline.harness.suite;

import io.twinline.harness.expr.Condition;
import io.twinline.line.SourceLocation;
import io.twinline.line.fault.FaultSpec;
import java.time.Duration;
import java.util.List;

/**
 * A randomised campaign ({@code fuzz:} in a sequence file): for every seed the line runs for
 * {@code duration} with the controller while operator actions and faults happen at random times,
 * each kind on average once per its {@code every}; the file's {@code never:} invariants (those in
 * {@code setup:} and in {@code fuzz: invariants:}) must hold throughout.
 */
public record FuzzSpec(
    SourceLocation location, Duration duration, List<Action> actions,
    List<Condition> invariants) {

  /** What a random action does. */
  public enum Kind {
    /** Press a push button (or set a Boolean true) for a while, then release it. */
    PULSE,
    /** Press and hold an operator device (an e-stop, a button) for a while, then release. */
    HOLD,
    /** An operator action on a device: {@code select:Manual}, {@code open}, ... */
    OPERATE,
    /** A fault for a while. */
    FAULT
  }

  /**
   * One kind of random action.
   *
   * @param length how long a pulse, hold or fault lasts
   * @param every the mean time between two of them (exponentially distributed)
   */
  public record Action(
      SourceLocation location, Kind kind, String target, String operation, Duration length,
      Duration every, FaultSpec fault) {}
}
