package io.twinline.line.fault;

import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalPath;
import io.twinline.line.SignalType;
import io.twinline.line.model.ComponentDefinition;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Checks that a fault fits the line: its target exists and can suffer that kind of fault, and
 * its parameters are there and make sense. Used by the line reader (for faults in files) and by
 * the plant (for faults injected while running).
 */
public final class FaultChecks {

  private FaultChecks() {}

  /**
   * What is wrong with {@code spec} for a line of these components and signals, or empty.
   *
   * @param signals every signal of the line (with tags)
   */
  public static Optional<String> problem(
      FaultSpec spec, Collection<ComponentDefinition> components, List<SignalDefinition> signals) {
    if (spec.kind().scope() == FaultKind.Scope.COMPONENT) {
      Optional<ComponentDefinition> component =
          components.stream().filter(c -> c.name().equals(spec.target())).findFirst();
      if (component.isEmpty()) {
        return Optional.of(
            spec.kind().keyword() + " needs a component as target; there is no component named '"
                + spec.target() + "'");
      }
      if (!component.get().faults().contains(spec.kind())) {
        return Optional.of(
            "a " + component.get().type() + " cannot have a " + spec.kind().keyword()
                + " fault" + supported(component.get()));
      }
      return componentParameters(spec);
    }
    Optional<SignalDefinition> signal = signal(spec.target(), signals);
    if (signal.isEmpty()) {
      return Optional.of(
          spec.kind().keyword() + " needs a signal (Component/Signal or a tag) as target; there"
              + " is no signal '" + spec.target() + "'");
    }
    return signalParameters(spec, signal.get());
  }

  /** The signal named by a path or a tag. */
  public static Optional<SignalDefinition> signal(String target, List<SignalDefinition> signals) {
    for (SignalDefinition signal : signals) {
      if (signal.tag().isPresent() && signal.tag().get().equals(target)) {
        return Optional.of(signal);
      }
    }
    SignalPath path;
    try {
      path = SignalPath.parse(target);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return signals.stream().filter(s -> s.path().equals(path)).findFirst();
  }

  private static Optional<String> signalParameters(FaultSpec spec, SignalDefinition signal) {
    SignalType type = signal.type();
    switch (spec.kind()) {
      case STUCK_AT:
        if (spec.value().isEmpty()) {
          return Optional.of("stuck-at needs 'value'");
        }
        try {
          type.parseValue(spec.value().get());
        } catch (IllegalArgumentException e) {
          return Optional.of(e.getMessage() + " for " + signal.path());
        }
        return Optional.empty();
      case INVERTED:
        return type == SignalType.BOOLEAN
            ? Optional.empty()
            : Optional.of("inverted needs a Boolean signal; " + signal.path() + " is "
                + type.displayName());
      case DROP_OUT:
        if (type != SignalType.BOOLEAN) {
          return Optional.of("drop-out needs a Boolean signal; " + signal.path() + " is "
              + type.displayName());
        }
        return positive(spec.period(), "drop-out needs a positive 'period'");
      case DELAY:
        return positive(spec.delay(), "delay needs a positive 'delay'");
      case NOISE:
        if (signal.analog().isEmpty() || !type.isFloatingPoint()) {
          return Optional.of("noise needs an analog signal; " + signal.path() + " is not one");
        }
        return spec.amplitude().filter(a -> a > 0).isPresent()
            ? Optional.empty()
            : Optional.of("noise needs a positive 'amplitude' (standard deviation)");
      case OPEN_WIRE:
        return signal.analog().isPresent() && type.isNumeric()
            ? Optional.empty()
            : Optional.of("open-wire needs an analog signal; " + signal.path() + " is not one");
      default:
        return Optional.of(spec.kind().keyword() + " is a component fault");
    }
  }

  private static Optional<String> componentParameters(FaultSpec spec) {
    switch (spec.kind()) {
      case STICKING:
        return spec.fraction().isEmpty() || (spec.fraction().get() >= 0
            && spec.fraction().get() < 1)
            ? Optional.empty()
            : Optional.of("sticking needs a 'fraction' from 0 up to (not including) 1");
      case DIRTY_SENSOR:
        return spec.probability().filter(p -> p > 0 && p <= 1).isPresent()
            ? Optional.empty()
            : Optional.of("dirty-sensor needs a 'probability' above 0 and at most 1");
      default:
        return Optional.empty();
    }
  }

  private static Optional<String> positive(
      Optional<java.time.Duration> duration, String message) {
    return duration.filter(d -> !d.isNegative() && !d.isZero()).isPresent()
        ? Optional.empty()
        : Optional.of(message);
  }

  private static String supported(ComponentDefinition component) {
    if (component.faults().isEmpty()) {
      return "; it has no component faults (signal faults apply to its signals)";
    }
    return "; it can have: "
        + String.join(", ", component.faults().stream().map(FaultKind::keyword).sorted().toList());
  }
}
