package io.twinline.line;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.line.model.LineDefinition;
import io.twinline.line.model.Placement;
import io.twinline.line.model.Placement.Heading;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code at: [x, y]} and {@code heading:} place a component on the drawing, in metres. */
class PlacementTest {

  private static final String HEAD = """
      line: Placed
      components:
        - name: Feeder
          type: source
          interval: 5 s
          to: Belt
      """;

  @Test
  void theCornerLinePlacesItsBeltsAndLeavesTheSinkToTheLayout() throws Exception {
    LineDefinition line = LineDefinitions.read(Path.of("corner-line.yaml"));

    assertThat(line.placement("Infeed")).contains(new Placement(1, 0, Heading.RIGHT));
    assertThat(line.placement("Transfer")).contains(new Placement(5.5, 0.5, Heading.DOWN));
    assertThat(line.placement("Outfeed")).contains(new Placement(5, 3.5, Heading.LEFT));
    assertThat(line.placement("Feeder")).contains(new Placement(0, 0, Heading.RIGHT));
    assertThat(line.placement("Packing")).isEmpty();
    assertThat(line.placement("AtCorner")).isEmpty();
  }

  @Test
  void unitsAreConvertedToMetresAndTheSeedKeepsThePlacements() throws Exception {
    LineDefinition line = LineDefinitions.parse("p.yaml", HEAD + """
          at: [-500 mm, 250 cm]
        - name: Belt
          type: conveyor
          length: 2 m
          speed: 0.5 m/s
      """);

    assertThat(line.placement("Feeder")).contains(new Placement(-0.5, 2.5, Heading.RIGHT));
    assertThat(line.withSeed(7).placement("Feeder")).isEqualTo(line.placement("Feeder"));
  }

  @Test
  void everyBadPlacementIsListedWithWhereItIsWritten() {
    List<String> problems = LineDefinitionsTest.problems("bad.yaml", HEAD + """
          at: [1 m]
          heading: down
        - name: Belt
          type: conveyor
          length: 2 m
          speed: 0.5 m/s
          at: [2, 1 furlong]
          heading: north
        - name: Eye
          type: photo-eye
          conveyor: Belt
          position: 1 m
          at: [3 m, 0 m]
        - name: Other
          type: conveyor
          length: 2 m
          speed: 0.5 m/s
          heading: up
      """).stream()
        // the order of a dimension's units is not fixed
        .map(p -> p.replaceAll("(units|use one of): [a-z, ]+$", "$1: ..."))
        .toList();

    assertThat(problems).containsExactly(
        "bad.yaml:7:9: components[0].at: 'at' must be two lengths [x, y], not a list of 1\n"
            + "  hint: e.g. 'at: [12 m, 3.5 m]': metres to the right and down on the drawing",
        "bad.yaml:8:14: components[0].heading: only a conveyor has a 'heading'\n"
            + "  hint: remove 'heading'; a source is drawn at 'at' as it is",
        "bad.yaml:13:10: components[1].at[0]: '2' has no unit\n"
            + "  hint: write the unit, e.g. '2.0 m'; units: ...",
        "bad.yaml:13:13: components[1].at[1]: unknown unit 'furlong' for a length\n"
            + "  hint: use one of: ...",
        "bad.yaml:14:14: components[1].heading: 'north' is not a valid heading\n"
            + "  hint: choose from: right, down, left, up",
        "bad.yaml:19:9: components[2].at: a photo-eye sits on its conveyor at 'position'; it has"
            + " no 'at' of its own\n"
            + "  hint: remove 'at' (give conveyor Belt an 'at' instead)",
        "bad.yaml:24:14: components[3].heading: 'heading' needs 'at'\n"
            + "  hint: add 'at: [12 m, 3.5 m]', where the belt's infeed end is on the drawing");
  }
}
