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
 * The liquid's own data: its density and specific heat, the temperature of what flows in, the
 * vessel's heat capacity, a Cv valve and the heater transmitter's range.
 */
class LiquidPropertiesTest {

  private static Plant plant(String tankKeys, String heaterKeys) {
    return TestLines.plant(
        """
        line: Test
        components:
          - {name: Fill, type: valve, travel: 0 s, cv: 20}
          - name: Vessel
            type: tank
            area: 1 m2
            height: 3 m
            %s
            inlets: [{valve: Fill, temperature: 10 °C}]
            switches:
              - {name: High, above: 1.5 m}
          - name: Heater
            type: heater
            tank: Vessel
            power: 10 kW
            lossCoefficient: 0.001 W/K
            elementCapacity: 1 kJ/K
            range: [-20 °C, 180 °C]
            %s
        """.formatted(tankKeys, heaterKeys));
  }

  @Test
  void aCvValveMovesTheFlowItsCoefficientGives() {
    Plant plant = plant("initialLevel: 1 m", "");
    Edges high = Edges.of(plant, "Vessel/High");
    plant.signal("Fill/Open").set(true);

    plant.simulation().runUntil(seconds(300));

    // Cv 20 is kv 17.3 m3/h: 4.806 l/s at 1 bar, 0.5 m in 104.0 s into 1 m2.
    double flow = 20 * 0.865 / 3600;
    assertThat(high.timesOf(true).get(0) / 1e9).isCloseTo(0.5 / flow, within(1e-6));
  }

  @Test
  void anOilHeatsAsItsDensityAndSpecificHeatGive() {
    Plant plant = plant(
        "initialLevel: 1 m\n    density: 900 kg/m3\n    specificHeat: 2 kJ/(kg.K)",
        "heatCapacity: 200 kJ/K");
    plant.signal("Heater/Heat").set(true);

    plant.simulation().runUntil(seconds(1000));

    // 900 kg x 2 kJ/(kg.K) + 200 kJ/K of steel: C = 2 MJ/K; 10 kW for 1000 s is 5 K, less what
    // the 1 kJ/K element keeps, 30 K (its film) above the liquid: C x = P t - C_e (x + 30 K).
    double rise = (10_000.0 * 1000 - 1000 * 30) / (2_000_000 + 1000);
    Tank vessel = plant.component("Vessel", Tank.class);
    assertThat(vessel.liquidTemperature()).isCloseTo(20 + rise, within(0.001));
  }

  @Test
  void colderWaterFlowingInMixesByMass() {
    Plant plant = plant("initialLevel: 1 m", "initial: 60 °C");
    plant.signal("Fill/Open").set(true);

    plant.simulation().runUntil(seconds(100));

    // 1000 kg at 60 °C and w t of 10 °C water: T = 10 + 50 x 1000 / (1000 + w t).
    double added = 20 * 0.865 / 3600 * 100 * 1000;
    Tank vessel = plant.component("Vessel", Tank.class);
    assertThat(vessel.liquidTemperature()).isCloseTo(10 + 50 * 1000 / (1000 + added),
        within(0.02));
  }

  @Test
  void theTemperatureTransmitterHasItsOwnRange() {
    Plant plant = plant("initialLevel: 1 m", "");
    assertThat(plant.signal("Heater/Temperature").definition().analog())
        .contains(new Analog("°C", -20, 180));
  }
}
