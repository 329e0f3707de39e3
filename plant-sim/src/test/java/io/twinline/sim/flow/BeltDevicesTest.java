package io.twinline.sim.flow;

import static io.twinline.sim.time.SimTime.millis;
import static io.twinline.sim.time.SimTime.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.twinline.line.fault.FaultKind;
import io.twinline.line.fault.FaultSpec;
import io.twinline.sim.plant.Edges;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.plant.TestLines;
import org.junit.jupiter.api.Test;

/** Conveyor drives, stop gates, diverters, pushers, photo-eye delays and dirt, jams. */
class BeltDevicesTest {

  private static Plant belt(String extra) {
    return TestLines.plant(
        """
        line: Test
        components:
          - name: Feeder
            type: source
            interval: 1 h
            part: {length: 0.2 m}
            to: Belt
          - name: Belt
            type: conveyor
            length: 2.0 m
            speed: 0.5 m/s
        """
            + extra);
  }

  @Test
  void aRampedBeltBringsThePartLaterByHalfTheRampTime() {
    Plant plant =
        TestLines.plant(
            """
            line: Test
            components:
              - name: Feeder
                type: source
                interval: 1 h
                to: Belt
              - name: Belt
                type: conveyor
                length: 2.0 m
                speed: 0.5 m/s
                ramp: 1 s
              - name: AtEnd
                type: photo-eye
                conveyor: Belt
                position: 2.0 m
            """);
    Edges atEnd = Edges.of(plant, "Belt/AtEnd");
    plant.signal("Belt/MotorOn").set(true);

    plant.simulation().runUntil(seconds(10));

    // 0.25 m during the 1 s ramp, then 1.75 m at 0.5 m/s: 1 + 3.5 = 4.5 s.
    assertThat(atEnd.timesOf(true)).containsExactly(4_500_000_000L);
  }

  @Test
  void aSpeedReferenceOfHalfRunsTheBeltAtHalfSpeedAndReportsIt() {
    Plant plant =
        TestLines.plant(
            """
            line: Test
            components:
              - name: Feeder
                type: source
                interval: 1 h
                to: Belt
              - name: Belt
                type: conveyor
                length: 2.0 m
                speed: 0.5 m/s
                drive: speed-reference
              - name: AtEnd
                type: photo-eye
                conveyor: Belt
                position: 2.0 m
            """);
    Edges atEnd = Edges.of(plant, "Belt/AtEnd");
    plant.signal("Belt/SpeedRef").set(50.0);

    plant.simulation().runUntil(seconds(10));

    assertThat(atEnd.timesOf(true)).containsExactly(seconds(8));
    assertThat(plant.signal("Belt/Speed").doubleValue()).isEqualTo(0.25);
  }

  @Test
  void aRaisedStopGateHoldsThePartAtTheBladeUntilLowered() {
    Plant plant =
        belt(
            """
              - name: Gate
                type: stop-gate
                conveyor: Belt
                position: 1.0 m
                stroke: 100 ms
            """);
    Edges raised = Edges.of(plant, "Gate/Raised");
    plant.signal("Gate/Raise").set(true);
    plant.signal("Belt/MotorOn").set(true);

    plant.simulation().runUntil(seconds(10));
    Conveyor conveyor = plant.component("Belt", Conveyor.class);
    assertThat(conveyor.partPositions()).containsExactly(1.0);
    assertThat(raised.timesOf(true)).containsExactly(millis(100));

    plant.signal("Gate/Raise").set(false);
    plant.simulation().runUntil(seconds(11));

    // Half-way down (50 ms) the blade lets go: 1 s later the part has moved 0.475 m.
    assertThat(conveyor.partPositions().get(0)).isCloseTo(1.475, within(1e-9));
  }

  @Test
  void aNonAccumulatingBeltStopsAllPartsWhenTheFrontOneIsHeld() {
    Plant plant =
        TestLines.plant(
            """
            line: Test
            components:
              - name: Feeder
                type: source
                interval: 1 s
                part: {length: 0.1 m}
                to: Belt
              - name: Belt
                type: conveyor
                length: 3.0 m
                speed: 0.5 m/s
                accumulating: false
              - name: Gate
                type: stop-gate
                conveyor: Belt
                position: 2.0 m
                stroke: 0 s
            """);
    plant.signal("Gate/Raise").set(true);
    plant.signal("Belt/MotorOn").set(true);

    plant.simulation().runUntil(seconds(30));

    // The front part reached the blade at 4 s; the others stopped 0.5 m apart behind it.
    assertThat(plant.component("Belt", Conveyor.class).partPositions())
        .containsExactly(2.0, 1.5, 1.0, 0.5, 0.0);
  }

  @Test
  void aJamStopsThePartsWithTheMotorOnUntilCleared() {
    Plant plant =
        belt(
            """
              - name: AtEnd
                type: photo-eye
                conveyor: Belt
                position: 2.0 m
            """);
    Edges atEnd = Edges.of(plant, "Belt/AtEnd");
    plant.signal("Belt/MotorOn").set(true);
    plant.simulation().runUntil(seconds(1));

    plant.faults().schedule(FaultSpec.of("J1", "Belt", FaultKind.JAM));
    plant.simulation().runUntil(seconds(5));
    assertThat(atEnd.list()).isEmpty();
    plant.faults().clear("J1");
    plant.simulation().runUntil(seconds(10));

    assertThat(atEnd.timesOf(true)).containsExactly(seconds(8));
    assertThat(plant.component("Belt", Conveyor.class).isJammed()).isFalse();
  }

  @Test
  void aDiverterAcrossTheBeltSendsPartsToTheOtherConveyor() {
    Plant plant =
        belt(
            """
              - name: Gate
                type: diverter
                conveyor: Belt
                position: 1.0 m
                to: Lane
                stroke: 200 ms
              - name: Lane
                type: conveyor
                length: 1.0 m
                speed: 0.5 m/s
            """);
    plant.signal("Gate/Divert").set(true);
    plant.signal("Belt/MotorOn").set(true);

    plant.simulation().runUntil(seconds(5));

    assertThat(plant.component("Belt", Conveyor.class).parts()).isEmpty();
    assertThat(plant.component("Lane", Conveyor.class).partPositions()).containsExactly(0.2);
    assertThat(plant.signal("Gate/Diverted").intValue()).isEqualTo(1);
    assertThat(plant.signal("Gate/Diverting").booleanValue()).isTrue();
  }

  @Test
  void aDiverterThatIsNotAcrossLetsPartsPass() {
    Plant plant =
        belt(
            """
              - name: Gate
                type: diverter
                conveyor: Belt
                position: 1.0 m
                to: Lane
              - name: Lane
                type: conveyor
                length: 1.0 m
                speed: 0.5 m/s
            """);
    plant.signal("Belt/MotorOn").set(true);

    plant.simulation().runUntil(seconds(5));

    assertThat(plant.component("Belt", Conveyor.class).partPositions()).containsExactly(2.0);
    assertThat(plant.signal("Gate/Diverted").intValue()).isZero();
  }

  @Test
  void aPusherFiredWhileThePartIsInFrontPushesIt() {
    Plant plant = pusherLine();
    plant.signal("Belt/MotorOn").set(true);
    // The part covers 1.0 m from 2.0 s (leading edge) to 2.4 s (trailing edge).
    plant.simulation().runUntil(millis(2100));
    plant.signal("Kicker/Extend").set(true);

    plant.simulation().runUntil(seconds(5));

    assertThat(plant.signal("Kicker/Pushed").intValue()).isEqualTo(1);
    assertThat(plant.component("Lane", Conveyor.class).parts()).hasSize(1);
    assertThat(plant.signal("Kicker/Extended").booleanValue()).isTrue();
  }

  @Test
  void aPusherFiredTooLateMissesThePart() {
    Plant plant = pusherLine();
    plant.signal("Belt/MotorOn").set(true);
    // Mid-stroke 100 ms after 2.35 s is 2.45 s: the trailing edge left 1.0 m at 2.4 s.
    plant.simulation().runUntil(millis(2350));
    plant.signal("Kicker/Extend").set(true);

    plant.simulation().runUntil(seconds(5));

    assertThat(plant.signal("Kicker/Pushed").intValue()).isZero();
    assertThat(plant.component("Belt", Conveyor.class).partPositions()).containsExactly(2.0);
  }

  private static Plant pusherLine() {
    return belt(
        """
          - name: Kicker
            type: pusher
            conveyor: Belt
            position: 1.0 m
            to: Lane
            stroke: 200 ms
          - name: Lane
            type: conveyor
            length: 1.0 m
            speed: 0.5 m/s
        """);
  }

  @Test
  void photoEyeDelaysShiftItsEdges() {
    Plant plant =
        belt(
            """
              - name: Eye
                type: photo-eye
                conveyor: Belt
                position: 1.0 m
                onDelay: 50 ms
                offDelay: 20 ms
            """);
    Edges eye = Edges.of(plant, "Belt/Eye");
    plant.signal("Belt/MotorOn").set(true);

    plant.simulation().runUntil(seconds(5));

    assertThat(eye.list()).containsExactly("true@2050000000", "false@2420000000");
  }

  @Test
  void aDirtyPhotoEyeMissesPartsWithItsProbability() {
    Plant plant =
        TestLines.plant(
            """
            line: Test
            seed: 7
            components:
              - name: Feeder
                type: source
                interval: 1 s
                part: {length: 0.1 m}
                to: Belt
              - name: Belt
                type: conveyor
                length: 1.0 m
                speed: 1.0 m/s
                to: Out
              - name: Eye
                type: photo-eye
                conveyor: Belt
                position: 0.5 m
              - name: Out
                type: sink
            faults:
              - {id: D1, target: Eye, kind: dirty-sensor, probability: 30 %}
            """);
    Edges eye = Edges.of(plant, "Belt/Eye");
    plant.signal("Belt/MotorOn").set(true);

    plant.simulation().runUntil(millis(1_000_500));

    int seen = eye.timesOf(true).size();
    assertThat(plant.signal("Out/Count").intValue()).isEqualTo(1000);
    // 700 expected; a binomial standard deviation is about 14.5.
    assertThat(seen).isBetween(650, 750);
  }
}
