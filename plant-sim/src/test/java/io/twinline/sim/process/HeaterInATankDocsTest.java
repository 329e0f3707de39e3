package io.twinline.sim.process;

import static io.twinline.sim.time.SimTime.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.twinline.line.fault.FaultKind;
import io.twinline.line.fault.FaultSpec;
import io.twinline.sim.plant.Edges;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.plant.TestLines;
import io.twinline.sim.signal.SignalQuality;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What docs/line-format.md says of its "heater in a tank" example, checked on that example. */
class HeaterInATankDocsTest {

  private static String example() throws Exception {
    String doc = Files.readString(Path.of("..").toAbsolutePath().normalize()
        .resolve("docs/line-format.md"));
    Matcher block = Pattern.compile("```yaml\\n(line: HotWater\\n.*?)```", Pattern.DOTALL)
        .matcher(doc);
    assertThat(block.find()).as("the HotWater example in docs/line-format.md").isTrue();
    return block.group(1);
  }

  @Test
  void anEmptyTankDryFiresTheElementUntilItsCutOutOpens() throws Exception {
    Plant plant = TestLines.plant(example());
    Edges cutOut = Edges.of(plant, "Heater/CutOut");
    plant.signal("Heater/Heat").set(true);

    plant.simulation().runUntil(seconds(10));
    assertThat(plant.component("Vessel", Tank.class).elementTemperature())
        .isCloseTo(20 + 4 * 10, within(2.0));
    plant.simulation().runUntil(seconds(200));

    assertThat(cutOut.timesOf(true).get(0) / 1e9)
        .isCloseTo(200 * Math.log(800.0 / 470), within(2.0));
    assertThat(plant.signal("IW64").plcValue()).isEqualTo((short) -1536);
    assertThat(plant.signal("Vessel/Level").quality()).isEqualTo(SignalQuality.OUT_OF_RANGE);
    assertThat(plant.signal("Vessel/Level").plcDouble()).isZero();
  }

  @Test
  void halfAMetreOfStirredWaterReachesSixtyDegreesAsTheFirstOrderModelGives() throws Exception {
    Plant plant = TestLines.plant(example().replace("agitator: Stirrer",
        "agitator: Stirrer\n    initialLevel: 0.5 m"));
    Edges at = Edges.of(plant, "Heater/AtTemperature");
    plant.signal("Stirrer/Run").set(true);
    plant.signal("Heater/Heat").set(true);

    plant.simulation().runUntil(seconds(3000));

    // 250 kg of water: m c / k ln(1 - 40 K k / P) = 2335 s; the element adds its capacity
    // (5 kJ/K beside 1046.5 kJ/K), the time to build its film (C_e / G = 7.5 s) and the probe
    // its lag (2 s).
    double analytic = -250 * 4186.0 / 100 * Math.log(1 - 40 * 100 / 20_000.0);
    assertThat(analytic).isCloseTo(2335.0, within(0.5));
    double expected = analytic * (1 + 5000 / (250 * 4186.0)) + 7.5 + 2;
    assertThat(at.timesOf(true).get(0) / 1e9).isCloseTo(expected, within(2.0));
    Tank vessel = plant.component("Vessel", Tank.class);
    assertThat(vessel.elementTemperature() - vessel.liquidTemperature()).isLessThan(30.0);
    assertThat(plant.signal("Heater/CutOut").booleanValue()).isFalse();
  }

  @Test
  void aBrokenWireReadsTheCardsWireBreak() throws Exception {
    Plant plant = TestLines.plant(example());
    plant.faults().schedule(FaultSpec.of("W", "Vessel/Level", FaultKind.OPEN_WIRE));
    plant.simulation().runUntil(seconds(1));

    assertThat(plant.signal("IW64").plcValue()).isEqualTo((short) 32767);
    assertThat(plant.signal("Vessel/LevelWireBreak").plcBoolean()).isTrue();
  }
}
