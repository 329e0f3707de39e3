package io.twinline.line.fault;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A fault to inject: what, where, when and for how long. Immutable; parse at the edge (line
 * files, sequences, the OPC UA InjectFault method) and check against the line when injected.
 *
 * @param id the name it is known by (for ClearFault and in reports)
 * @param target a signal path ({@code Infeed/PartAtEnd}) or a component name ({@code Infeed})
 * @param kind what goes wrong
 * @param value for stuck-at: the value as text ("true", "3.5")
 * @param period for drop-out
 * @param delay for delay
 * @param amplitude for noise: standard deviation in the signal's unit
 * @param fraction for sticking: where the travel stops, 0..1
 * @param probability for dirty-sensor: chance to miss a part, 0..1
 * @param at when it starts (simulated time since the start of the run); empty: at once
 * @param duration how long it lasts; empty: until cleared
 */
public record FaultSpec(
    String id,
    String target,
    FaultKind kind,
    Optional<String> value,
    Optional<Duration> period,
    Optional<Duration> delay,
    Optional<Double> amplitude,
    Optional<Double> fraction,
    Optional<Double> probability,
    Optional<Duration> at,
    Optional<Duration> duration) {

  public FaultSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(kind, "kind");
  }

  /** A fault with no parameters, starting at once, lasting until cleared. */
  public static FaultSpec of(String id, String target, FaultKind kind) {
    return new FaultSpec(id, target, kind, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  public FaultSpec withValue(String v) {
    return new FaultSpec(id, target, kind, Optional.of(v), period, delay, amplitude, fraction,
        probability, at, duration);
  }

  public FaultSpec withPeriod(Duration p) {
    return new FaultSpec(id, target, kind, value, Optional.of(p), delay, amplitude, fraction,
        probability, at, duration);
  }

  public FaultSpec withDelay(Duration d) {
    return new FaultSpec(id, target, kind, value, period, Optional.of(d), amplitude, fraction,
        probability, at, duration);
  }

  public FaultSpec withAmplitude(double a) {
    return new FaultSpec(id, target, kind, value, period, delay, Optional.of(a), fraction,
        probability, at, duration);
  }

  public FaultSpec withFraction(double f) {
    return new FaultSpec(id, target, kind, value, period, delay, amplitude, Optional.of(f),
        probability, at, duration);
  }

  public FaultSpec withProbability(double p) {
    return new FaultSpec(id, target, kind, value, period, delay, amplitude, fraction,
        Optional.of(p), at, duration);
  }

  public FaultSpec at(Duration start) {
    return new FaultSpec(id, target, kind, value, period, delay, amplitude, fraction,
        probability, Optional.of(start), duration);
  }

  public FaultSpec lasting(Duration d) {
    return new FaultSpec(id, target, kind, value, period, delay, amplitude, fraction,
        probability, at, Optional.of(d));
  }

  /** One line for status displays: {@code F1 stuck-at Infeed/PartAtEnd value=true}. */
  public String describe() {
    StringBuilder text = new StringBuilder(id).append(' ').append(kind.keyword()).append(' ')
        .append(target);
    value.ifPresent(v -> text.append(" value=").append(v));
    period.ifPresent(p -> text.append(" period=").append(p.toMillis()).append(" ms"));
    delay.ifPresent(d -> text.append(" delay=").append(d.toMillis()).append(" ms"));
    amplitude.ifPresent(a -> text.append(" amplitude=").append(a));
    fraction.ifPresent(f -> text.append(" fraction=").append(f));
    probability.ifPresent(p -> text.append(" probability=").append(p));
    return text.toString();
  }
}
