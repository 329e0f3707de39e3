package io.twinline.sim.process;

import static io.twinline.sim.time.SimTime.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.twinline.sim.plant.Edges;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.plant.TestLines;
import org.junit.jupiter.api.Test;

/**
 * Tanks and heaters: threshold crossings found by Hipparchus at the times the closed-form
 * solutions give, to the microsecond.
 */
class ContinuousModelsTest {

  private static final double MICROSECOND = 1_000;

  private final Plant plant =
      TestLines.plant(
          """
          line: Test
          components:
            - name: Fill
              type: valve
              travel: 2 s
            - name: Drain
              type: motor
              ramp: 0 s
            - name: Vessel
              type: tank
              area: 1 m2
              height: 2 m
              inlets: [{valve: Fill, flow: 10 l/s}]
              outlets: [{pump: Drain, flow: 20 l/s}]
              switches:
                - {name: HighLevel, above: 1 m}
                - {name: LowLevel, below: 0.2 m}
              signals:
                Level: {raw: {min: 0, max: 27648}}
            - name: Jacket
              type: heater
              power: 10 kW
              heatCapacity: 1000 kJ/K
              lossCoefficient: 50 W/K
              ambient: 20 °C
              switches:
                - {name: AtTemperature, above: 80 °C, hysteresis: 2 K}
          """);

  @Test
  void aLevelSwitchTripsWhenTheLevelCrossesIt() {
    Edges high = Edges.of(plant, "Vessel/HighLevel");
    plant.signal("Fill/Open").set(true);

    plant.simulation().runUntil(seconds(200));

    // 10 l/s into 1 m2 is 1 cm/s; opening over 2 s costs 1 s: the 1 m switch trips at 101 s.
    assertThat(high.timesOf(true)).hasSize(1);
    assertThat((double) high.timesOf(true).get(0)).isCloseTo(101e9, within(MICROSECOND));
  }

  @Test
  void aFullTankOverflowsAndStopsRising() {
    Edges overflow = Edges.of(plant, "Vessel/Overflow");
    plant.signal("Fill/Open").set(true);

    plant.simulation().runUntil(seconds(400));

    // Overflow shows a micrometre below the rim: 100 µs before the level reaches 2 m.
    assertThat((double) overflow.timesOf(true).get(0)).isCloseTo(201e9 - 1e5, within(MICROSECOND));
    assertThat(plant.signal("Vessel/Level").doubleValue()).isEqualTo(2.0);
    assertThat(plant.component("Vessel", Tank.class).level()).isEqualTo(2.0);
  }

  @Test
  void aPumpDrainsTheTankAndTheLowSwitchTripsOnTheWayDown() {
    Edges low = Edges.of(plant, "Vessel/LowLevel");
    Edges high = Edges.of(plant, "Vessel/HighLevel");
    plant.signal("Fill/Open").set(true);
    plant.simulation().runUntil(seconds(151));
    plant.signal("Fill/Open").set(false);
    plant.signal("Drain/Run").set(true);

    plant.simulation().runUntil(seconds(400));

    // Level at 151 s: 1.5 m. The valve closing over 2 s still lets in 1 cm while the pump takes
    // 2 cm/s: h(151 + t) = 1.5 + 0.01 (t - t^2/4) - 0.02 t for t <= 2, then -2 cm/s.
    double atTwo = 1.5 + 0.01 - 0.04;
    double highDown = 151 + 2 + (atTwo - 1.0) / 0.02;
    double lowDown = 151 + 2 + (atTwo - 0.2) / 0.02;
    assertThat((double) high.timesOf(false).get(0)).isCloseTo(highDown * 1e9, within(MICROSECOND));
    assertThat((double) low.timesOf(true).get(0)).isCloseTo(lowDown * 1e9, within(MICROSECOND));
    assertThat(plant.component("Vessel", Tank.class).level()).isZero();
  }

  @Test
  void rawCountsFollowTheLevelAsAnAnalogCardShowsThem() {
    plant.signal("Fill/Open").set(true);
    plant.simulation().runUntil(seconds(101));

    double level = plant.signal("Vessel/Level").doubleValue();
    assertThat(plant.signal("Vessel/LevelRaw").intValue())
        .isEqualTo((int) Math.round(level / 2.0 * 27648));
    assertThat(plant.signal("Vessel/LevelRaw").type().displayName()).isEqualTo("Int16");
  }

  @Test
  void aThermostatSwitchesAtTheTimeTheFirstOrderModelGivesAndKeepsItsHysteresis() {
    Edges at = Edges.of(plant, "Jacket/AtTemperature");
    plant.signal("Jacket/Heat").set(true);
    plant.simulation().runUntil(seconds(20_000));

    // T(t) = 220 - 200 e^(-t/tau), tau = C/k = 20000 s: T = 80 at t = tau ln(200/140).
    double tau = 1_000_000.0 / 50.0;
    double on = tau * Math.log(200.0 / 140.0);
    assertThat((double) at.timesOf(true).get(0)).isCloseTo(on * 1e9, within(MICROSECOND));

    plant.signal("Jacket/Heat").set(false);
    long offAt = plant.simulation().now();
    double temperature = plant.component("Jacket", Heater.class).temperature();
    plant.simulation().runUntil(seconds(40_000));

    // Cooling: T(t) = 20 + (T0 - 20) e^(-t/tau): off when it falls through 78 °C.
    double off = tau * Math.log((temperature - 20) / 58.0);
    assertThat((double) at.timesOf(false).get(0))
        .isCloseTo(offAt + off * 1e9, within(MICROSECOND));
  }

  @Test
  void theModelLooksAheadOnlyWhenSomethingHappensNotAtEverySample() {
    plant.signal("Fill/Open").set(true);

    plant.simulation().runUntil(seconds(100));

    // The valve started and finished opening, and LowLevel switched off at 21 s: three
    // predictions in 100 s, while the level was sampled 10 000 times for the PLC.
    assertThat(plant.component("Vessel", Tank.class).predictions()).isEqualTo(3);
  }
}
