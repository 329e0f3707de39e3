package io.twinline.line.read;

import io.twinline.line.fault.FaultKind;
import io.twinline.line.fault.FaultSpec;
import io.twinline.line.units.Dimension;
import io.twinline.line.yaml.YamlNode;
import io.twinline.line.yaml.YamlScalar;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** Reads one fault: {@code {id: F1, target: Infeed/PartAtEnd, kind: stuck-at, value: true}}. */
final class FaultReader {

  private FaultReader() {}

  static Optional<FaultSpec> read(MapReader f) {
    Optional<String> id = f.name("id", true, "F1");
    Optional<String> target = f.text("target", true, "Infeed/PartAtEnd");
    Optional<String> kindName = f.text("kind", true, "stuck-at");
    Optional<FaultKind> kind = kindName.flatMap(FaultKind::parse);
    if (kindName.isPresent() && kind.isEmpty()) {
      f.problem("kind", "unknown fault kind '" + kindName.get() + "'",
          Suggestions.hint(kindName.get(),
              Arrays.stream(FaultKind.values()).map(FaultKind::keyword).toList(), "kinds"));
    }
    Optional<String> value = f.node("value").flatMap(FaultReader::text);
    Optional<Duration> period = f.duration("period", false, false, "500 ms");
    Optional<Duration> delay = f.duration("delay", false, false, "200 ms");
    Optional<Double> amplitude = f.quantity("amplitude", false, Dimension.RATIO, "0.02");
    Optional<Double> fraction = f.ratio("fraction", false, "50 %");
    Optional<Double> probability = f.ratio("probability", false, "10 %");
    Optional<Duration> at = f.duration("at", false, true, "30 s");
    Optional<Duration> duration = f.duration("duration", false, false, "10 s");
    if (id.isEmpty() || target.isEmpty() || kind.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new FaultSpec(id.get(), target.get(), kind.get(), value, period, delay, amplitude,
            fraction, probability, at, duration));
  }

  private static Optional<String> text(YamlNode node) {
    return node instanceof YamlScalar scalar ? Optional.of(scalar.text()) : Optional.empty();
  }
}
