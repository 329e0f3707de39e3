package io.twinline.line.read;

import io.twinline.line.model.ComponentDefinition;
import io.twinline.line.model.ConveyorDefinition;
import io.twinline.line.model.MountedDefinition;
import io.twinline.line.model.Placement;
import io.twinline.line.units.Dimension;
import io.twinline.line.units.Quantities;
import io.twinline.line.units.QuantityFormatException;
import io.twinline.line.yaml.YamlList;
import io.twinline.line.yaml.YamlNode;
import io.twinline.line.yaml.YamlScalar;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads a component's optional place on the drawing: {@code at: [x, y]} (two lengths with units,
 * metres to the right and down) and, for a conveyor, {@code heading: right|down|left|up}. A bad
 * value is a problem at the value's line and column; the line is still read for its other
 * problems.
 */
final class PlacementReader {

  static final String AT = "at";
  static final String HEADING = "heading";
  private static final String EXAMPLE = "[12 m, 3.5 m]";
  private static final List<String> HEADINGS =
      Arrays.stream(Placement.Heading.values()).map(Placement.Heading::keyword).toList();

  private PlacementReader() {}

  /**
   * The placement of {@code definition} (empty when the component could not be read: then only
   * the shape of the values is checked).
   */
  static Optional<Placement> read(MapReader fields, Optional<ComponentDefinition> definition) {
    Optional<YamlNode> at = fields.node(AT);
    boolean hasHeading = fields.keys().contains(HEADING);
    Optional<String> heading = fields.choice(HEADING, HEADINGS, "right");
    if (definition.isPresent() && definition.get() instanceof MountedDefinition mounted) {
      if (at.isPresent()) {
        fields.problem(AT, "a " + definition.get().type() + " sits on its conveyor at 'position';"
                + " it has no 'at' of its own",
            "remove 'at' (give conveyor " + mounted.conveyor() + " an 'at' instead)");
      }
      if (hasHeading) {
        fields.problem(HEADING, "only a conveyor has a 'heading'", "remove 'heading'");
      }
      return Optional.empty();
    }
    if (hasHeading && definition.isPresent()
        && !(definition.get() instanceof ConveyorDefinition)) {
      fields.problem(HEADING, "only a conveyor has a 'heading'",
          "remove 'heading'; a " + definition.get().type() + " is drawn at 'at' as it is");
    } else if (hasHeading && at.isEmpty()) {
      fields.problem(HEADING, "'heading' needs 'at'",
          "add 'at: " + EXAMPLE + "', where the belt's infeed end is on the drawing");
    }
    if (at.isEmpty()) {
      return Optional.empty();
    }
    Optional<double[]> point = point(fields, at.get());
    if (point.isEmpty() || heading.isEmpty()) {
      return Optional.empty();
    }
    Placement.Heading direction =
        Placement.Heading.valueOf(heading.get().toUpperCase(java.util.Locale.ROOT));
    return Optional.of(new Placement(point.get()[0], point.get()[1], direction));
  }

  private static Optional<double[]> point(MapReader fields, YamlNode node) {
    if (!(node instanceof YamlList list) || list.items().size() != 2) {
      String what = node instanceof YamlList l ? "a list of " + l.items().size() : node.kind();
      fields.problem(AT, "'at' must be two lengths [x, y], not " + what,
          "e.g. 'at: " + EXAMPLE + "': metres to the right and down on the drawing");
      return Optional.empty();
    }
    double[] xy = new double[2];
    boolean ok = true;
    for (int i = 0; i < 2; i++) {
      YamlNode item = list.items().get(i);
      String path = fields.pathOf(AT) + "[" + i + "]";
      if (!(item instanceof YamlScalar scalar) || scalar.type() == YamlScalar.Type.NULL) {
        fields.problems().add(item.location(), path,
            "'" + (i == 0 ? "x" : "y") + "' must be a length, not " + item.kind(),
            "e.g. 'at: " + EXAMPLE + "'");
        ok = false;
        continue;
      }
      try {
        xy[i] = Quantities.parse(scalar.text(), Dimension.LENGTH).doubleValue();
      } catch (QuantityFormatException e) {
        fields.problems().add(item.location(), path, e.getMessage(), e.hint());
        ok = false;
      }
    }
    return ok ? Optional.of(xy) : Optional.empty();
  }
}
