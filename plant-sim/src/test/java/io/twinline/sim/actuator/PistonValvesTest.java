package io.twinline.sim.actuator;

import static io.twinline.sim.time.SimTime.millis;
import static io.twinline.sim.time.SimTime.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.twinline.sim.flow.Conveyor;
import io.twinline.sim.plant.Edges;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.plant.TestLines;
import org.junit.jupiter.api.Test;

/**
 * Pistons as their valves drive them: spring return, the three centre positions of a 5/3 valve,
 * a double-acting pusher and a stop gate its spring raises; in exact simulated time.
 */
class PistonValvesTest {

  private static Plant cylinder(String keys) {
    return TestLines.plant(
        """
        line: Test
        components:
          - {name: Cyl, type: cylinder, stroke: 400 ms, %s}
        """.formatted(keys));
  }

  @Test
  void aSpringReturnCylinderComesBackWhenItsValveIsOff() {
    Plant plant = cylinder("return: spring");
    Edges retracted = Edges.of(plant, "Cyl/Retracted");
    plant.signal("Cyl/Extend").set(true);
    plant.simulation().runUntil(millis(200));
    plant.signal("Cyl/Extend").set(false);

    plant.simulation().runUntil(seconds(1));

    // Out for 200 ms (half way), back in 200 ms.
    assertThat(retracted.list()).containsExactly("false@0", "true@400000000");
    assertThat(plant.signals().find(new io.twinline.line.SignalPath("Cyl", "Retract"))).isEmpty();
  }

  @Test
  void aClosedCentreHoldsThePistonWhereItIsWhenBothValvesAreOff() {
    Plant plant = cylinder("return: valve, centre: closed");
    Cylinder cyl = plant.component("Cyl", Cylinder.class);
    plant.signal("Cyl/Extend").set(true);
    plant.simulation().runUntil(millis(100));
    plant.signal("Cyl/Extend").set(false);

    plant.simulation().runUntil(seconds(2));

    assertThat(cyl.position()).isCloseTo(0.25, within(1e-9));
    assertThat(plant.signal("Cyl/Extended").booleanValue()).isFalse();
    assertThat(plant.signal("Cyl/Retracted").booleanValue()).isFalse();
  }

  @Test
  void bothValvesOnHoldThePistonWhereItIs() {
    Plant plant = cylinder("return: valve, centre: pressure");
    Cylinder cyl = plant.component("Cyl", Cylinder.class);
    plant.signal("Cyl/Extend").set(true);
    plant.simulation().runUntil(millis(100));
    plant.signal("Cyl/Retract").set(true);

    plant.simulation().runUntil(seconds(2));

    assertThat(cyl.position()).isCloseTo(0.25, within(1e-9));
  }

  @Test
  void aPressureCentreExtendsThePistonAtHalfSpeed() {
    Plant plant = cylinder("return: valve, centre: pressure");
    Edges extended = Edges.of(plant, "Cyl/Extended");

    plant.simulation().runUntil(seconds(2));

    // Both chambers pressurised from the start: 400 ms stroke at half speed.
    assertThat(extended.timesOf(true)).containsExactly(millis(800));
  }

  @Test
  void anExhaustCentreLetsAVerticalCylinderSinkUnderItsLoad() {
    Plant plant = cylinder("return: valve, centre: exhaust, load: retracts");
    Edges retracted = Edges.of(plant, "Cyl/Retracted");
    plant.signal("Cyl/Extend").set(true);
    plant.simulation().runUntil(seconds(1));
    assertThat(plant.signal("Cyl/Extended").booleanValue()).isTrue();

    plant.signal("Cyl/Extend").set(false);
    plant.simulation().runUntil(seconds(3));

    assertThat(retracted.timesOf(true)).containsExactly(millis(1400));
  }

  @Test
  void anExhaustCentreWithoutALoadLeavesThePistonFreeWhereItIs() {
    Plant plant = cylinder("return: valve, centre: exhaust");
    plant.signal("Cyl/Extend").set(true);
    plant.simulation().runUntil(millis(200));
    plant.signal("Cyl/Extend").set(false);

    plant.simulation().runUntil(seconds(2));

    assertThat(plant.component("Cyl", Cylinder.class).position()).isCloseTo(0.5, within(1e-9));
  }

  private static final String PUSHER_LINE =
      """
      line: Test
      components:
        - {name: Feeder, type: source, interval: 1 h, part: {length: 0.2 m}, to: Main}
        - {name: Main, type: conveyor, length: 2 m, speed: 0.5 m/s, to: End}
        - {name: Transfer, type: pusher, conveyor: Main, position: 1 m, to: Side,
           stroke: 200 ms, return: valve}
        - {name: Side, type: conveyor, length: 1 m, speed: 0.5 m/s}
        - {name: End, type: sink}
      """;

  @Test
  void aDoubleActingPusherStaysOutUntilItsRetractValveIsOn() {
    Plant plant = TestLines.plant(PUSHER_LINE);
    Edges retracted = Edges.of(plant, "Transfer/Retracted");
    plant.signal("Main/MotorOn").set(true);
    // The part's leading edge reaches 1 m at 2 s; at 2.2 s it covers 1.0 m (0.9-1.1 m).
    plant.simulation().runUntil(millis(2100));
    plant.signal("Transfer/Extend").set(true);
    plant.simulation().runUntil(millis(2400));
    plant.signal("Transfer/Extend").set(false);
    plant.simulation().runUntil(seconds(3));

    assertThat(plant.signal("Transfer/Pushed").intValue()).isEqualTo(1);
    assertThat(plant.component("Side", Conveyor.class).parts()).hasSize(1);
    assertThat(plant.signal("Transfer/Extended").booleanValue()).isTrue();

    plant.signal("Transfer/Retract").set(true);
    plant.simulation().runUntil(seconds(4));
    assertThat(retracted.timesOf(true)).containsExactly(millis(3200));
  }

  private static final String GATE_LINE =
      """
      line: Test
      components:
        - {name: Feeder, type: source, interval: 1 h, part: {length: 0.2 m}, to: Belt}
        - {name: Belt, type: conveyor, length: 2 m, speed: 0.5 m/s, to: Out}
        - {name: Stop, type: stop-gate, conveyor: Belt, position: 1 m, rest: raised}
        - {name: AtEnd, type: photo-eye, conveyor: Belt, position: 2 m}
        - {name: Out, type: sink}
      """;

  @Test
  void aStopGateItsSpringRaisesHoldsPartsUntilItsValveLowersIt() {
    Plant plant = TestLines.plant(GATE_LINE);
    Edges atEnd = Edges.of(plant, "Belt/AtEnd");
    assertThat(plant.signal("Stop/Raised").booleanValue()).isTrue();
    plant.signal("Belt/MotorOn").set(true);
    plant.simulation().runUntil(seconds(5));
    assertThat(plant.component("Belt", Conveyor.class).partPositions()).containsExactly(1.0);

    plant.signal("Stop/Lower").set(true);
    plant.simulation().runUntil(seconds(10));

    // Half the 150 ms stroke down, the part goes: 1 m more at 0.5 m/s.
    assertThat(atEnd.timesOf(true)).containsExactly(millis(5075) + seconds(2));
    assertThat(plant.signal("Stop/Lowered").booleanValue()).isTrue();
  }

  @Test
  void aStopGateItsSpringRaisesStopsPartsWhenItsValveLosesPower() {
    Plant plant = TestLines.plant(GATE_LINE.replace("Feeder, type: source, interval: 1 h",
        "Feeder, type: source, interval: 3 s"));
    plant.signal("Stop/Lower").set(true);
    plant.signal("Belt/MotorOn").set(true);
    plant.simulation().runUntil(millis(2500));
    plant.signal("Stop/Lower").set(false); // power lost: the spring raises the blade

    plant.simulation().runUntil(seconds(20));

    // The first part had passed; every later one waits at the blade.
    assertThat(plant.signal("Out/Count").intValue()).isEqualTo(1);
    assertThat(plant.component("Belt", Conveyor.class).partPositions().get(0)).isEqualTo(1.0);
  }

  @Test
  void aPartPushedOffTheEndOfABeltFreesTheNextBeltForTheParts() {
    Plant plant = TestLines.plant(
        """
        line: Test
        components:
          - {name: Feeder, type: source, interval: 2 s, part: {length: 0.2 m}, to: Main}
          - {name: Main, type: conveyor, length: 1 m, speed: 0.5 m/s, to: Next}
          - {name: Kick, type: pusher, conveyor: Main, position: 1 m, to: Side, stroke: 200 ms}
          - {name: Side, type: conveyor, length: 1 m, speed: 0.5 m/s}
          - {name: Next, type: conveyor, length: 1 m, speed: 0.5 m/s, to: Out}
          - {name: Out, type: sink}
        """);
    plant.signal("Main/MotorOn").set(true);
    plant.signal("Next/MotorOn").set(true);
    // The first part's leading edge reaches the end (1 m) at 2 s and starts to leave; 100 ms
    // later, half way across, the paddle takes it off the end.
    plant.simulation().runUntil(millis(2100));
    plant.signal("Kick/Extend").set(true);
    plant.simulation().runUntil(millis(2500));
    plant.signal("Kick/Extend").set(false);

    plant.simulation().runUntil(seconds(20));

    assertThat(plant.signal("Kick/Pushed").intValue()).isEqualTo(1);
    // Next was told the part was coming; it must take the following ones all the same.
    assertThat(plant.signal("Out/Count").intValue()).isGreaterThanOrEqualTo(7);
  }
}
