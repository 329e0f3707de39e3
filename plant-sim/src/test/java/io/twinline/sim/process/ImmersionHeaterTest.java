package io.twinline.sim.process;

import static io.twinline.sim.time.SimTime.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.twinline.sim.plant.Edges;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.plant.TestLines;
import org.junit.jupiter.api.Test;

/**
 * A heater in a tank heats the liquid actually in it: checked against the analytic solutions of
 * {@code m c dT/dt = P - k (T - ambient)} with the mass from the level. The element's own stored
 * heat (elementCapacity times its film difference, here 2.5 kJ/K x 30 K = 75 kJ) is the model's
 * only departure from that equation: at most 75 kJ / (m c) behind, 0.04 K for 500 kg of water;
 * the stated tolerance is 0.1 K.
 */
class ImmersionHeaterTest {

  private static final double TOLERANCE = 0.1;
  private static final double C = 4186.0;

  private static Plant plant(String initialLevel) {
    return TestLines.plant(
        """
        line: Test
        components:
          - {name: Fill, type: valve, travel: 0 s, ratedFlow: 2 l/s}
          - {name: Agitator, type: motor, ramp: 0 s}
          - name: Vessel
            type: tank
            area: 0.5 m2
            height: 2 m
            initialLevel: %s
            agitator: Agitator
            inlets: [{valve: Fill, temperature: 20 °C}]
          - name: Heating
            type: heater
            tank: Vessel
            power: 20 kW
            lossCoefficient: 100 W/K
            ambient: 20 °C
            elementLevel: 0.3 m
            elementCapacity: 2.5 kJ/K
            cutOut: 350 °C
            switches:
              - {name: AtTemperature, above: 60 °C, hysteresis: 1 K}
        """.formatted(initialLevel));
  }

  private static Plant stirred(String initialLevel) {
    Plant plant = plant(initialLevel);
    plant.signal("Agitator/Run").set(true);
    return plant;
  }

  @Test
  void aFullTankHeatsAsItsLiquidsMassGivesAgainstTheAnalyticSolution() {
    Plant plant = stirred("1 m");
    plant.signal("Heating/Heat").set(true);

    plant.simulation().runUntil(seconds(1800));

    // 0.5 m2 x 1 m of water: 500 kg. T(t) = 20 + P/k (1 - e^(-k t / (m c))).
    double mc = 500 * C;
    double expected = 20 + 20_000.0 / 100 * (1 - Math.exp(-100 * 1800 / mc));
    Tank vessel = plant.component("Vessel", Tank.class);
    assertThat(vessel.liquidTemperature()).isCloseTo(expected, within(TOLERANCE));
    assertThat(plant.signal("Heating/CutOut").booleanValue()).isFalse();
  }

  @Test
  void aTankThatFillsWhileHeatingFollowsTheSolutionWithTheGrowingMass() {
    Plant plant = stirred("0.5 m");
    plant.signal("Heating/Heat").set(true);
    plant.signal("Fill/Open").set(true);

    plant.simulation().runUntil(seconds(300));

    // m(t) = m0 + w t with w = 2 kg/s of water at 20 °C. With a = k + w c and b = P + (k + w c)
    // 20, m c dT/dt = P - k (T - 20) + w c (20 - T) gives
    // b - a T(t) = (b - a T0) (m(t) / m0)^(-a / (w c)).
    double m0 = 250;
    double w = 2;
    double a = 100 + w * C;
    double b = 20_000 + a * 20;
    double expected = (b - (b - a * 20) * Math.pow((m0 + w * 300) / m0, -a / (w * C))) / a;
    Tank vessel = plant.component("Vessel", Tank.class);
    assertThat(vessel.level()).isCloseTo(0.5 + 0.002 * 300 / 0.5, within(1e-9));
    assertThat(vessel.liquidTemperature()).isCloseTo(expected, within(TOLERANCE));
  }

  @Test
  void anEmptyTankDryFiresTheElementUntilItsCutOutOpensInsteadOfHeatingSlowly() {
    Plant plant = stirred("0 m");
    Edges cutOut = Edges.of(plant, "Heating/CutOut");
    plant.signal("Heating/Heat").set(true);

    plant.simulation().runUntil(seconds(60));
    assertThat(plant.signal("Heating/CutOut").booleanValue()).isTrue();
    // The element heats itself and the air, not the (absent) liquid: the reading stays.
    assertThat(plant.component("Vessel", Tank.class).liquidTemperature())
        .isCloseTo(20.0, within(0.01));
    plant.simulation().runUntil(seconds(600));

    // In air the element settles 800 K above its surroundings at full power, with a time
    // constant of C_e / (P / 800 K) = 100 s: 330 K above 20 °C after 100 ln(800 / 470) = 53 s.
    assertThat(cutOut.timesOf(true)).isNotEmpty();
    double opened = cutOut.timesOf(true).get(0) / 1e9;
    assertThat(opened).isCloseTo(100 * Math.log(800.0 / 470.0), within(0.01));
    // It cycles: the element cools below 300 °C, the cut-out closes, the element dries again.
    assertThat(cutOut.timesOf(false)).isNotEmpty();
    assertThat(cutOut.timesOf(true).size()).isGreaterThan(1);
    Tank vessel = plant.component("Vessel", Tank.class);
    assertThat(vessel.elementTemperature()).isBetween(290.0, 360.0);
  }

  @Test
  void aHeaterBelowItsElementLevelRunsDryButCoveredItNeverTrips() {
    Plant low = stirred("0.2 m");
    Plant covered = stirred("0.4 m");
    low.signal("Heating/Heat").set(true);
    covered.signal("Heating/Heat").set(true);

    low.simulation().runUntil(seconds(600));
    covered.simulation().runUntil(seconds(600));

    assertThat(low.component("Vessel", Tank.class).elementTemperature()).isGreaterThan(250.0);
    assertThat(covered.component("Vessel", Tank.class).elementTemperature()).isLessThan(100.0);
    assertThat(covered.signal("Heating/CutOut").booleanValue()).isFalse();
  }

  @Test
  void withoutStirringTheElementRunsHotterAndTheTransmitterReadsLate() {
    Plant still = plant("0.5 m");
    Plant stirred = stirred("0.5 m");
    still.signal("Heating/Heat").set(true);
    stirred.signal("Heating/Heat").set(true);

    still.simulation().runUntil(seconds(900));
    stirred.simulation().runUntil(seconds(900));

    // Heating 250 kg at about 20 kW: dT/dt = 0.019 K/s. Stirred, the element's film is 30 K and
    // the probe 2 s late (0.04 K); still, the transfer is 30 % of that (100 K) and the probe
    // reads 30 s late (0.57 K): a stratified, slower reading.
    Tank stillTank = still.component("Vessel", Tank.class);
    Tank stirredTank = stirred.component("Vessel", Tank.class);
    double rate = 20_000.0 / (250 * C);
    assertThat(stirredTank.elementTemperature() - stirredTank.liquidTemperature())
        .isCloseTo(30.0, within(0.2));
    assertThat(stillTank.elementTemperature() - stillTank.liquidTemperature())
        .isCloseTo(100.0, within(3.0));
    double stillLag = stillTank.liquidTemperature() - still.signal("Heating/Temperature")
        .doubleValue();
    double stirredLag = stirredTank.liquidTemperature() - stirred.signal("Heating/Temperature")
        .doubleValue();
    assertThat(stillLag).isCloseTo(rate * 30, within(rate * 30 * 0.1));
    assertThat(stirredLag).isCloseTo(rate * 2, within(rate * 2 * 0.2));
  }

  @Test
  void theThermostatSwitchesOnWhatTheTransmitterReads() {
    Plant plant = stirred("1 m");
    Edges at = Edges.of(plant, "Heating/AtTemperature");
    plant.signal("Heating/Heat").set(true);

    plant.simulation().runUntil(seconds(10_000));

    assertThat(at.timesOf(true)).hasSize(1);
    // Crossing 60 °C exactly when the reading does, to a microsecond of Hipparchus root finding.
    assertThat(plant.signal("Heating/Temperature").doubleValue()).isGreaterThan(60.0);
    double mc = 500 * C;
    double analytic = -mc / 100 * Math.log(1 - 40 * 100 / 20_000.0);
    assertThat(at.timesOf(true).get(0) / 1e9).isCloseTo(analytic, within(30.0));
  }

  @Test
  void aHeaterOnAPowerSettingHeatsWithThatShareOfItsPower() {
    Plant plant = TestLines.plant(
        """
        line: Test
        components:
          - name: Vessel
            type: tank
            area: 0.5 m2
            height: 2 m
            initialLevel: 1 m
          - name: Heating
            type: heater
            tank: Vessel
            control: power
            power: 20 kW
            lossCoefficient: 100 W/K
            elementCapacity: 2.5 kJ/K
        """);
    plant.signal("Heating/Power").set(50.0);

    plant.simulation().runUntil(seconds(1800));

    // 10 kW into 500 kg of water, well mixed (no agitator): the solution with P = 10 kW.
    double mc = 500 * C;
    double expected = 20 + 10_000.0 / 100 * (1 - Math.exp(-100 * 1800 / mc));
    assertThat(plant.component("Vessel", Tank.class).liquidTemperature())
        .isCloseTo(expected, within(TOLERANCE));
  }
}
