package io.twinline.sim.plant;

import static io.twinline.sim.time.SimTime.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.twinline.line.fault.FaultKind;
import io.twinline.line.fault.FaultSpec;
import io.twinline.sim.signal.ChangeSet;
import io.twinline.sim.signal.Signal;
import io.twinline.sim.signal.SignalQuality;
import org.junit.jupiter.api.Test;

/**
 * Analog cards as the PLC sees them: counts by the card's profile, its over- and under-range,
 * what it reports for a broken wire, and a quality the engineering value and its counts share,
 * whichever of the two a fault targets.
 */
class AnalogQualityTest {

  private static Plant plant(String card) {
    return TestLines.plant(
        """
        line: Test
        components:
          - name: Tx
            type: variables
            variables:
              - {name: Level, type: Double, direction: input, unit: m, range: [0, 2], initial: 1}
            signals:
              Level: {raw: {card: %s, tag: IW64}}
        """.formatted(card));
  }

  private static void measure(Plant plant, double level) {
    plant.signal("Tx/Level").set(level);
  }

  @Test
  void anS7CardShowsNominalCountsAndGoodQuality() {
    Plant plant = plant("s7-4-20mA");
    Signal raw = plant.signal("IW64");

    assertThat(raw.plcValue()).isEqualTo((short) 13824);
    assertThat(raw.quality()).isEqualTo(SignalQuality.GOOD);
    assertThat(plant.signal("Tx/Level").plcDouble()).isEqualTo(1.0);
    assertThat(plant.signal("Tx/LevelWireBreak").plcBoolean()).isFalse();
  }

  @Test
  void overshootIsUncertainAndBeyondItTheCardOverflows() {
    Plant plant = plant("s7-4-20mA");
    Signal level = plant.signal("Tx/Level");
    Signal raw = plant.signal("Tx/LevelRaw");

    measure(plant, 2.2);
    // 110 % of the span: 30413 counts, in the overshoot range up to 32511.
    assertThat(raw.plcValue()).isEqualTo((short) 30413);
    assertThat(level.quality()).isEqualTo(SignalQuality.OUT_OF_RANGE);
    assertThat(level.plcDouble()).isEqualTo(2.2);

    measure(plant, 2.4);
    // 120 %: beyond 32511, the card shows overflow, 32767; the PLC's scaling of that is 2.37 m.
    assertThat(raw.plcValue()).isEqualTo((short) 32767);
    assertThat(level.quality()).isEqualTo(SignalQuality.OVERFLOW);
    assertThat(raw.quality()).isEqualTo(SignalQuality.OVERFLOW);
    assertThat(level.plcDouble()).isCloseTo(32767 / 27648.0 * 2, within(1e-12));

    measure(plant, -0.1);
    // -5 % (3.2 mA): undershoot, -1382 counts.
    assertThat(raw.plcValue()).isEqualTo((short) -1382);
    assertThat(level.quality()).isEqualTo(SignalQuality.OUT_OF_RANGE);
  }

  @Test
  void aBrokenWireShowsAsTheS7CardReportsIt() {
    Plant plant = plant("s7-4-20mA");
    Signal level = plant.signal("Tx/Level");
    plant.faults().schedule(FaultSpec.of("W1", "Tx/Level", FaultKind.OPEN_WIRE));
    plant.simulation().runUntil(seconds(1));

    assertThat(plant.signal("Tx/LevelRaw").plcValue()).isEqualTo((short) 32767);
    assertThat(plant.signal("Tx/LevelWireBreak").plcBoolean()).isTrue();
    assertThat(level.quality()).isEqualTo(SignalQuality.WIRE_BREAK);
    assertThat(plant.signal("Tx/LevelRaw").quality()).isEqualTo(SignalQuality.WIRE_BREAK);
    assertThat(level.plcDouble()).isCloseTo(32767 / 27648.0 * 2, within(1e-12));
    // The plant still knows the level; only what the PLC reads is broken.
    assertThat(level.doubleValue()).isEqualTo(1.0);

    plant.faults().clear("W1");
    assertThat(plant.signal("Tx/LevelRaw").plcValue()).isEqualTo((short) 13824);
    assertThat(plant.signal("Tx/LevelWireBreak").plcBoolean()).isFalse();
    assertThat(level.quality()).isEqualTo(SignalQuality.GOOD);
    assertThat(level.plcDouble()).isEqualTo(1.0);
  }

  @Test
  void aFaultOnTheCountsShowsInTheEngineeringValueToo() {
    Plant plant = plant("s7-4-20mA");
    plant.faults().schedule(
        FaultSpec.of("R1", "Tx/LevelRaw", FaultKind.STUCK_AT).withValue("6912"));
    plant.simulation().runUntil(seconds(1));

    assertThat(plant.signal("Tx/LevelRaw").plcValue()).isEqualTo((short) 6912);
    assertThat(plant.signal("Tx/Level").plcDouble()).isCloseTo(0.5, within(1e-12));
    assertThat(plant.signal("Tx/Level").quality()).isEqualTo(SignalQuality.GOOD);

    plant.faults().schedule(
        FaultSpec.of("R2", "Tx/LevelRaw", FaultKind.STUCK_AT).withValue("32767"));
    plant.simulation().runUntil(seconds(2));
    assertThat(plant.signal("Tx/Level").quality()).isEqualTo(SignalQuality.OVERFLOW);
  }

  @Test
  void aVoltageCardCannotSeeABrokenWireButUnderflows() {
    Plant plant = plant("s7-0-10V");
    assertThat(plant.signals().find(io.twinline.line.SignalPath.parse("Tx/LevelWireBreak")))
        .isEmpty();
    plant.faults().schedule(FaultSpec.of("W1", "Tx/Level", FaultKind.OPEN_WIRE));
    plant.simulation().runUntil(seconds(1));

    assertThat(plant.signal("Tx/LevelRaw").plcValue()).isEqualTo((short) -32768);
    assertThat(plant.signal("Tx/Level").quality()).isEqualTo(SignalQuality.OVERFLOW);
  }

  @Test
  void anotherVendorsCardClampsAndReportsTheWireBreakAsZero() {
    Plant plant = plant("4-20mA-32767");
    assertThat(plant.signal("Tx/LevelRaw").plcValue()).isEqualTo((short) 16384);
    measure(plant, 2.5);
    assertThat(plant.signal("Tx/LevelRaw").plcValue()).isEqualTo((short) 32767);
    assertThat(plant.signal("Tx/Level").quality()).isEqualTo(SignalQuality.OVERFLOW);

    measure(plant, 1.0);
    plant.faults().schedule(FaultSpec.of("W1", "Tx/Level", FaultKind.OPEN_WIRE));
    plant.simulation().runUntil(seconds(1));
    assertThat(plant.signal("Tx/LevelRaw").plcValue()).isEqualTo((short) 0);
    assertThat(plant.signal("Tx/LevelWireBreak").plcBoolean()).isTrue();
    assertThat(plant.signal("Tx/Level").quality()).isEqualTo(SignalQuality.WIRE_BREAK);
  }

  @Test
  void theChangeFeedCarriesTheQualityWithTheValue() {
    Plant plant = plant("s7-4-20mA");
    plant.signals().recordChanges(true);
    plant.faults().schedule(FaultSpec.of("W1", "Tx/Level", FaultKind.OPEN_WIRE));
    plant.simulation().runUntil(seconds(1));

    ChangeSet changes = plant.signals().drainChanges();
    SignalQuality levelQuality = null;
    for (int i = 0; i < changes.size(); i++) {
      if (changes.definition(i).path().toString().equals("Tx/Level")) {
        levelQuality = changes.quality(i);
      }
    }
    assertThat(levelQuality).isEqualTo(SignalQuality.WIRE_BREAK);
    assertThat(plant.signals().snapshot().quality(0)).isEqualTo(SignalQuality.WIRE_BREAK);
  }

  @Test
  void plainRawCountsOfAnInputAgreeWithTheEngineeringValueUnderAFaultOnEither() {
    Plant plain = TestLines.plant(
        """
        line: Test
        components:
          - name: Tx
            type: variables
            variables:
              - {name: Level, type: Double, direction: input, unit: m, range: [0, 2], initial: 1}
            signals:
              Level: {raw: {min: 0, max: 10000}}
        """);
    assertThat(plain.signal("Tx/LevelRaw").plcValue()).isEqualTo((short) 5000);

    plain.faults().schedule(
        FaultSpec.of("R1", "Tx/LevelRaw", FaultKind.STUCK_AT).withValue("2500"));
    plain.simulation().runUntil(seconds(1));
    assertThat(plain.signal("Tx/Level").plcDouble()).isCloseTo(0.5, within(1e-12));

    plain.faults().clear("R1");
    plain.faults().schedule(
        FaultSpec.of("E1", "Tx/Level", FaultKind.STUCK_AT).withValue("1.5"));
    plain.simulation().runUntil(seconds(2));
    assertThat(plain.signal("Tx/LevelRaw").plcValue()).isEqualTo((short) 7500);
    assertThat(plain.signal("Tx/Level").quality()).isEqualTo(SignalQuality.GOOD);
  }
}
