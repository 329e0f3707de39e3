package io.twinline.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.line.LineDefinitions;
import io.twinline.line.model.ComponentDefinition;
import io.twinline.line.model.LineDefinition;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The automatic layout: left to right along the flow, lanes below, devices on their belts. */
class LayoutTest {

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
