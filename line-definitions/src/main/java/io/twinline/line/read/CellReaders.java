package io.twinline.line.read;

import static io.twinline.line.read.FlowReaders.okIfPresent;
import static io.twinline.line.read.FlowReaders.present;

import io.twinline.line.model.BlowerDefinition;
import io.twinline.line.model.ComponentDefinition;
import io.twinline.line.model.ConveyorDefinition;
import io.twinline.line.model.PackerDefinition;
import io.twinline.line.model.VisionDefinition;
import io.twinline.line.units.Dimension;
import io.twinline.line.units.DurationDistribution;
import io.twinline.line.units.Quantities;
import io.twinline.line.units.QuantityFormatException;
import io.twinline.line.yaml.YamlList;
import io.twinline.line.yaml.YamlNode;
import io.twinline.line.yaml.YamlScalar;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Readers of the cell devices: vision checks and code readers, blowers, case packers. */
final class CellReaders {

  private static final Set<String> CONVEYOR = Set.of(ConveyorDefinition.TYPE);

  private CellReaders() {}

  static Optional<ComponentDefinition> vision(
      MapReader fields, String name, String description, References references) {
    Optional<String> conveyor = references.read(fields, "conveyor", true, name, CONVEYOR);
    Optional<Double> position = fields.length("position", true, true, "1.2 m");
    Optional<String> inspect = fields.name("inspect", false, "defective");
    Optional<Double> failRate = fields.ratio("failRate", false, "2 %");
    Optional<String> read = fields.name("read", false, "type");
    Optional<Duration> hold = fields.duration("hold", false, false, "50 ms");
    boolean ok = true;
    if (!fields.keys().contains("inspect") && !fields.keys().contains("failRate")
        && !fields.keys().contains("read")) {
      fields.problem("inspect", "a vision check needs something to look for",
          "add 'inspect: defective' (an attribute), 'failRate: 2 %' or 'read: type'");
      ok = false;
    }
    if (!present(conveyor, position) || !ok
        || !okIfPresent(fields, "inspect", inspect)
        || !okIfPresent(fields, "failRate", failRate)
        || !okIfPresent(fields, "read", read)
        || !okIfPresent(fields, "hold", hold)) {
      return Optional.empty();
    }
    return Optional.of(new VisionDefinition(name, description, fields.location(), conveyor.get(),
        position.get(), inspect, failRate.orElse(0.0), read, hold));
  }

  static Optional<ComponentDefinition> blower(
      MapReader fields, String name, String description, References references) {
    Optional<String> conveyor = references.read(fields, "conveyor", true, name, CONVEYOR);
    Optional<double[]> window = window(fields);
    Optional<String> into =
        references.read(fields, "into", false, name, References.PART_RECEIVERS);
    if (!present(conveyor, window) || !okIfPresent(fields, "into", into)) {
      return Optional.empty();
    }
    return Optional.of(new BlowerDefinition(name, description, fields.location(), conveyor.get(),
        window.get()[0], window.get()[1], into));
  }

  /** {@code window: [1.7 m, 1.8 m]}: two lengths, the first below the second. */
  private static Optional<double[]> window(MapReader fields) {
    String example = "[1.7 m, 1.8 m]";
    Optional<YamlList> list = fields.list("window", true, example);
    if (list.isEmpty()) {
      return Optional.empty();
    }
    var ends = list.get().items();
    if (ends.size() != 2 || ends.stream().anyMatch(e -> !(e instanceof YamlScalar))) {
      fields.problem("window", "a blower's window is where it starts and ends on the belt",
          "write 'window: " + example + "'");
      return Optional.empty();
    }
    double[] at = new double[2];
    for (int i = 0; i < 2; i++) {
      YamlNode end = ends.get(i);
      try {
        at[i] = Quantities.parse(((YamlScalar) end).text(), Dimension.LENGTH).doubleValue();
      } catch (QuantityFormatException e) {
        fields.problems().add(end.location(), fields.pathOf("window") + "[" + i + "]",
            e.getMessage(), e.hint());
        return Optional.empty();
      }
    }
    if (at[0] < 0 || !(at[1] > at[0])) {
      fields.problem("window", "the window must start at 0 m or later and end after it starts",
          "write 'window: " + example + "'");
      return Optional.empty();
    }
    return Optional.of(at);
  }

  static Optional<ComponentDefinition> packer(
      MapReader fields, String name, String description, References references) {
    Optional<Long> count = fields.integer("count", true, "6");
    Optional<String> caseType = fields.name("caseType", false, "case");
    Optional<DurationDistribution> packTime =
        fields.distribution("packTime", true, true, "1.5 s");
    Optional<String> to = references.read(fields, "to", true, name, References.PART_RECEIVERS);
    Optional<Duration> hold = fields.duration("hold", false, true, "50 ms");
    if (count.isPresent() && (count.get() < 1 || count.get() > 10_000)) {
      fields.problem("count", "'count' (products per case) must be from 1 to 10000",
          "e.g. 'count: 6'");
      count = Optional.empty();
    }
    if (!present(count, packTime, to)
        || !okIfPresent(fields, "caseType", caseType)
        || !okIfPresent(fields, "hold", hold)) {
      return Optional.empty();
    }
    return Optional.of(new PackerDefinition(name, description, fields.location(),
        count.get().intValue(), caseType.orElse("case"), packTime.get(), to.get(), hold));
  }
}
