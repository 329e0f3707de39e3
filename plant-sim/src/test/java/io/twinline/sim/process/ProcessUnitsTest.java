package io.twinline.sim.process;

import static io.twinline.sim.time.SimTime.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.twinline.line.Analog;
import io.twinline.sim.plant.Edges;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.plant.TestLines;
import org.junit.jupiter.api.Test;

/**
 * Process units by their data sheet: a tank by its volume and shape, valves and pumps by their
 * rated flow, a level transmitter with its own measuring range. Exact simulated times.
 */
class ProcessUnitsTest {

  private static final double MICROSECOND = 1_000;

  private static Plant plant(String valveKeys) {
    return TestLines.plant(
        """
        line: Test
        components:
          - {name: Fill, type: valve, travel: 2 s, %s}
          - {name: Drain, type: pump, ratedFlow: 20 l/s}
          - name: Vessel
            type: tank
            volume: 2 m3
            height: 2 m
            levelRange: [0.2 m, 1.8 m]
            inlets: [{valve: Fill}]
            outlets: [{pump: Drain}]
            switches:
              - {name: HighLevel, above: 1 m}
            signals:
              Level: {raw: {min: 0, max: 27648}}
        """.formatted(valveKeys));
  }

  @Test
  void aTankGivenByVolumeAndHeightFillsThroughTheValvesRatedFlow() {
    Plant plant = plant("ratedFlow: 10 l/s");
    Edges high = Edges.of(plant, "Vessel/HighLevel");
    plant.signal("Fill/Open").set(true);

    plant.simulation().runUntil(seconds(200));

    // 2 m3 over 2 m is 1 m2: 10 l/s is 1 cm/s; opening over 2 s costs 1 s: 1 m at 101 s.
    assertThat((double) high.timesOf(true).get(0)).isCloseTo(101e9, within(MICROSECOND));
  }

  @Test
  void aValvesFlowFollowsItsKvAtThePressureDrop() {
    // kv 72 m3/h at 0.25 bar: 72 sqrt(0.25) = 36 m3/h = 10 l/s.
    Plant plant = plant("kv: 72 m3/h, pressureDrop: 0.25 bar");
    Edges high = Edges.of(plant, "Vessel/HighLevel");
    plant.signal("Fill/Open").set(true);

    plant.simulation().runUntil(seconds(200));

    assertThat((double) high.timesOf(true).get(0)).isCloseTo(101e9, within(MICROSECOND));
  }

  @Test
  void aPumpDrainsAtItsRatedFlowTimesItsSpeed() {
    Plant plant = plant("ratedFlow: 10 l/s");
    Edges high = Edges.of(plant, "Vessel/HighLevel");
    plant.signal("Fill/Open").set(true);
    plant.simulation().runUntil(seconds(151));
    plant.signal("Fill/Open").set(false);
    plant.signal("Drain/Run").set(true);

    plant.simulation().runUntil(seconds(300));

    // As ContinuousModelsTest: 1.47 m at 153 s, then 2 cm/s down through 1 m.
    double highDown = 153 + (1.47 - 1.0) / 0.02;
    assertThat((double) high.timesOf(false).get(0)).isCloseTo(highDown * 1e9, within(MICROSECOND));
    assertThat(plant.signal("Drain/Running").booleanValue()).isTrue();
  }

  @Test
  void theLevelTransmitterMeasuresOverItsOwnRangeWithALiveZero() {
    Plant plant = plant("ratedFlow: 10 l/s");
    assertThat(plant.signal("Vessel/Level").definition().analog())
        .contains(new Analog("m", 0.2, 1.8));
    plant.signal("Fill/Open").set(true);

    plant.simulation().runUntil(seconds(101));

    // 1 m is the middle of 0.2..1.8 m: half of 27648 counts.
    assertThat(plant.signal("Vessel/Level").doubleValue()).isCloseTo(1.0, within(1e-9));
    assertThat(plant.signal("Vessel/LevelRaw").intValue()).isEqualTo(13824);
  }

  @Test
  void aPumpOnADriveMovesItsRatedFlowTimesItsSpeedReference() {
    Plant plant = TestLines.plant(
        """
        line: Test
        components:
          - {name: Drain, type: pump, control: vfd, ratedFlow: 20 l/s}
          - name: Vessel
            type: tank
            area: 1 m2
            height: 2 m
            initialLevel: 1.5 m
            outlets: [{pump: Drain}]
            switches:
              - {name: HighLevel, above: 1 m}
        """);
    Edges high = Edges.of(plant, "Vessel/HighLevel");
    plant.signal("Drain/SpeedRef").set(50.0);
    plant.signal("Drain/Run").set(true);

    plant.simulation().runUntil(seconds(100));

    // Half speed: 10 l/s, 1 cm/s: the 0.5 m down to the switch take 50 s.
    assertThat((double) high.timesOf(false).get(0)).isCloseTo(50e9, within(MICROSECOND));
  }

  @Test
  void anEqualPercentageValvePassesLittleUntilItIsNearlyOpen() {
    Plant plant = TestLines.plant(
        """
        line: Test
        components:
          - {name: Fill, type: valve, travel: 10 s, ratedFlow: 10 l/s,
             characteristic: equal-percentage, rangeability: 50}
          - name: Vessel
            type: tank
            area: 1 m2
            height: 2 m
            inlets: [{valve: Fill}]
            switches:
              - {name: HighLevel, above: 0.5 m}
        """);
    Edges high = Edges.of(plant, "Vessel/HighLevel");
    plant.signal("Fill/Open").set(true);

    plant.simulation().runUntil(seconds(100));

    // Opening over 10 s lets in 10 s x 1 cm/s x the mean share of (50^x - 1) / 49, which is
    // (49 / ln 50 - 1) / 49 = 0.2352: 2.35 cm; then 1 cm/s up to 0.5 m.
    double during = 0.1 * (49 / Math.log(50) - 1) / 49;
    double expected = 10 + (0.5 - during) / 0.01;
    assertThat((double) high.timesOf(true).get(0)).isCloseTo(expected * 1e9, within(10_000.0));
  }
}
