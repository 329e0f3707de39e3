package io.twinline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.twinline.line.LineDefinitions;
import io.twinline.line.model.ComponentDefinition;
import io.twinline.line.model.LineDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The layout: components placed by the line file ({@code at:}, {@code heading:}) keep their
 * place; the rest are laid out automatically, left to right along the flow, lanes below,
 * devices on their belts.
 */
class LayoutTest {

  private static final double S = Layout.SCALE;

  /** The line with positions shown in docs/console.md (the same as corner-line.yaml). */
  private static LineDefinition corner() throws Exception {
    String doc = Files.readString(Path.of("../docs/console.md"));
    Matcher block = Pattern.compile("```yaml\\n(line: CornerLine\\n.*?)```", Pattern.DOTALL)
        .matcher(doc);
    assertThat(block.find()).as("the CornerLine example in docs/console.md").isTrue();
    LineDefinition shown = LineDefinitions.parse("console.md", block.group(1));
    LineDefinition file = LineDefinitions.read(Path.of("../line-definitions/corner-line.yaml"));
    assertThat(shown.placements()).isEqualTo(file.placements());
    return shown;
  }

  @Test
  void placedComponentsKeepTheirPositionsInMetresToScale() throws Exception {
    Map<String, Layout.Place> places = Layout.of(corner());

    // one origin for all: a belt's infeed end, or another symbol's middle, at 'at' x SCALE
    double[] infeed = places.get("Infeed").in();
    double ox = infeed[0] - 1 * S;
    double oy = infeed[1] - 0 * S;
    assertThat(places.get("Transfer").in()).containsExactly(ox + 5.5 * S, oy + 0.5 * S);
    assertThat(places.get("Outfeed").in()).containsExactly(ox + 5 * S, oy + 3.5 * S);
    Layout.Place feeder = places.get("Feeder");
    assertThat(feeder.x() + feeder.width() / 2).isEqualTo(ox);
    assertThat(feeder.y() + feeder.height() / 2).isEqualTo(oy);
    assertThat(places.values().stream().filter(Layout.Place::placed).map(Layout.Place::name))
        .containsExactlyInAnyOrder("Feeder", "Infeed", "Transfer", "Outfeed");
  }

  @Test
  void aBeltRunsItsLengthAlongItsHeading() throws Exception {
    Map<String, Layout.Place> places = Layout.of(corner());

    Layout.Place right = places.get("Infeed");
    assertThat(right.out()).containsExactly(right.in()[0] + 4 * S, right.in()[1]);
    Layout.Place down = places.get("Transfer");
    assertThat(down.angle()).isEqualTo(90);
    assertThat(down.out()).containsExactly(down.in()[0], down.in()[1] + 2.5 * S);
    Layout.Place left = places.get("Outfeed");
    assertThat(left.out()).containsExactly(left.in()[0] - 3 * S, left.in()[1]);
  }

  @Test
  void aDeviceOnATurnedBeltTurnsWithIt() throws Exception {
    Map<String, Layout.Place> places = Layout.of(corner());

    Layout.Place eye = places.get("AtCorner");
    Layout.Place belt = places.get("Transfer");
    assertThat(eye.conveyor()).contains("Transfer");
    assertThat(eye.angle()).isEqualTo(belt.angle());
    double[] box = eye.bounds();
    assertThat(box[0] + box[2] / 2).isCloseTo(belt.in()[0], within(1e-9));
    assertThat(box[1] + box[3] / 2).isCloseTo(belt.in()[1] + 2.3 * S, within(1e-9));
  }

  @Test
  void anUnplacedSinkGoesJustAfterThePlacedBeltThatFeedsIt() throws Exception {
    LineDefinition line = corner();
    Map<String, Layout.Place> places = Layout.of(line);

    Layout.Place sink = places.get("Packing");
    Layout.Place outfeed = places.get("Outfeed");
    assertThat(sink.placed()).isFalse();
    double[] box = sink.bounds();
    // the outfeed runs to the left: the sink's right side is one gap left of its end
    assertThat(box[0] + box[2]).isEqualTo(outfeed.out()[0] - Layout.GAP);
    assertThat(box[1] + box[3] / 2).isEqualTo(outfeed.out()[1]);
    var flow = line.components().stream().filter(Layout::inFlow)
        .map(c -> places.get(c.name())).toList();
    for (Layout.Place a : flow) {
      for (Layout.Place b : flow) {
        assertThat(a != b && a.overlaps(b)).as(a.name() + " and " + b.name()).isFalse();
      }
    }
  }

  @Test
  void unplacedComponentsAwayFromPlacedOnesGoInABandBelowThem() throws Exception {
    LineDefinition line = LineDefinitions.parse("mixed.yaml", """
        line: Mixed
        components:
          - {name: Feeder, type: source, interval: 5 s, to: Belt}
          - {name: Belt, type: conveyor, length: 2 m, speed: 0.5 m/s, to: Bin, at: [0 m, 0 m]}
          - {name: Bin, type: sink}
          - {name: Other, type: source, interval: 5 s, to: Chute}
          - {name: Chute, type: conveyor, length: 2 m, speed: 0.5 m/s, to: Floor}
          - {name: Floor, type: sink}
          - {name: Start, type: push-button}
        """);
    Map<String, Layout.Place> places = Layout.of(line);

    double placedBottom = places.get("Belt").bounds()[1] + places.get("Belt").bounds()[3];
    assertThat(places.get("Feeder").x()).isLessThan(places.get("Belt").x());
    assertThat(places.get("Bin").x()).isGreaterThan(places.get("Belt").x());
    for (String name : new String[] {"Other", "Chute", "Floor", "Start"}) {
      assertThat(places.get(name).bounds()[1]).as(name).isGreaterThan(placedBottom);
    }
    assertThat(places.get("Chute").x()).isGreaterThan(places.get("Other").x());
  }

  private static LineDefinition bottling() throws Exception {
    return LineDefinitions.read(Path.of("../line-definitions/bottling-line.yaml"));
  }

  @Test
  void everyComponentIsRightOfWhatFeedsIt() throws Exception {
    LineDefinition line = bottling();
    Map<String, Layout.Place> places = Layout.of(line);

    for (ComponentDefinition c : line.components()) {
      assertThat(places).containsKey(c.name());
      Layout.target(c).ifPresent(to ->
          assertThat(places.get(to).x()).as(c.name() + " -> " + to)
              .isGreaterThan(places.get(c.name()).x()));
    }
  }

  @Test
  void aDivertersLaneIsARowBelowItsBeltAndTheGateSitsOnTheBelt() throws Exception {
    Map<String, Layout.Place> places = Layout.of(bottling());

    assertThat(places.get("RejectLane").y()).isGreaterThan(places.get("Outfeed").y());
    Layout.Place gate = places.get("RejectGate");
    Layout.Place belt = places.get("Outfeed");
    assertThat(gate.conveyor()).contains("Outfeed");
    assertThat(gate.x()).isBetween(belt.x() - 10, belt.x() + belt.width());
  }

  @Test
  void boxesInTheFlowDoNotOverlap() throws Exception {
    LineDefinition line = bottling();
    Map<String, Layout.Place> places = Layout.of(line);
    var flow = line.components().stream().filter(Layout::inFlow)
        .map(c -> places.get(c.name())).toList();

    for (Layout.Place a : flow) {
      for (Layout.Place b : flow) {
        if (a != b) {
          boolean apart = a.x() + a.width() <= b.x() || b.x() + b.width() <= a.x()
              || a.y() + a.height() <= b.y() || b.y() + b.height() <= a.y();
          assertThat(apart).as(a.name() + " and " + b.name()).isTrue();
        }
      }
    }
  }
}
