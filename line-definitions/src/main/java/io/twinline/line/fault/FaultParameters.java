package io.twinline.line.fault;

import io.twinline.line.units.Quantities;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link FaultSpec} from the words a client sends (an OPC UA method's arguments, a
 * console line, an HTTP body): a target, a kind and named parameters, each parsed into its type.
 * No text is pasted into YAML on the way.
 */
public final class FaultParameters {

  /** The parameter names a fault takes. */
  public static final List<String> NAMES = List.of("id", "value", "period", "delay", "amplitude",
      "fraction", "probability", "at", "duration");

  private FaultParameters() {}

  /**
   * The fault {@code kind} on {@code target} with {@code parameters} ({@code duration: "10 s"},
   * {@code value: "true"}, ...); {@code id} when the parameters name none.
   *
   * @throws IllegalArgumentException naming every parameter that is unknown or does not parse
   */
  public static FaultSpec build(String target, String kind, Map<String, String> parameters,
      String id) {
    List<String> problems = new ArrayList<>();
    if (target == null || target.isBlank()) {
      problems.add("a fault needs a target (a signal path or tag, or a component)");
    }
    Optional<FaultKind> parsedKind = kind == null ? Optional.empty() : FaultKind.parse(kind.strip());
    if (parsedKind.isEmpty()) {
      problems.add("unknown fault kind '" + kind + "'; kinds: " + FaultKind.keywords());
    }
    for (String name : parameters.keySet()) {
      if (!NAMES.contains(name)) {
        problems.add("unknown fault parameter '" + name + "'; parameters: "
            + String.join(", ", NAMES));
      }
    }
    String faultId = parameters.getOrDefault("id", id);
    if (faultId == null || faultId.isBlank()) {
      problems.add("a fault needs an id");
    }
    Optional<Duration> period = duration("period", parameters, problems);
    Optional<Duration> delay = duration("delay", parameters, problems);
    Optional<Duration> at = duration("at", parameters, problems);
    Optional<Duration> lasting = duration("duration", parameters, problems);
    Optional<Double> amplitude = number("amplitude", parameters, problems);
    Optional<Double> fraction = number("fraction", parameters, problems);
    Optional<Double> probability = number("probability", parameters, problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return new FaultSpec(faultId.strip(), target.strip(), parsedKind.get(),
        Optional.ofNullable(parameters.get("value")).map(String::strip), period, delay, amplitude,
        fraction, probability, at, lasting);
  }

  private static Optional<Duration> duration(String name, Map<String, String> parameters,
      List<String> problems) {
    String text = parameters.get(name);
    if (text == null) {
      return Optional.empty();
    }
    try {
      Duration d = Quantities.duration(text.strip());
      if (d.isNegative()) {
        problems.add(name + " must not be negative, was '" + text + "'");
        return Optional.empty();
      }
      return Optional.of(d);
    } catch (io.twinline.line.units.QuantityFormatException | IllegalArgumentException e) {
      problems.add(name + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  private static Optional<Double> number(String name, Map<String, String> parameters,
      List<String> problems) {
    String text = parameters.get(name);
    if (text == null) {
      return Optional.empty();
    }
    try {
      double v = Double.parseDouble(text.strip());
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return Optional.of(v);
    } catch (NumberFormatException e) {
      problems.add(name + " must be a number, was '" + text + "'");
      return Optional.empty();
    }
  }
}
