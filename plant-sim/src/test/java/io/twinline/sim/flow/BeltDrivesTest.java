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

/**
 * Belts driven by a motor component, gravity chutes and normally-closed photo-eyes, in exact
 * simulated time.
 */
class BeltDrivesTest {

  private static Plant motorBelt(String motorKeys) {
    return TestLines.plant(
        """
        line: Test
        components:
          - {name: Feeder, type: source, interval: 1 h, part: {length: 0.2 m}, to: Belt}
          - {name: BeltMotor, type: motor, %s}
          - {name: Belt, type: conveyor, length: 2 m, speed: 0.5 m/s, motor: BeltMotor, to: Out}
          - {name: AtEnd, type: photo-eye, conveyor: Belt, position: 2 m}
          - {name: Out, type: sink}
        """.formatted(motorKeys));
  }

  @Test
  void aBeltDrivenByAMotorFollowsItsRampExactly() {
    Plant plant = motorBelt("ramp: 1 s");
    Edges atEnd = Edges.of(plant, "Belt/AtEnd");

    plant.signal("BeltMotor/Run").set(true);
    plant.simulation().runUntil(seconds(10));

    // 0.25 m during the 1 s ramp (mean 0.25 m/s), the other 1.75 m at 0.5 m/s: 1 s + 3.5 s.
    assertThat(atEnd.timesOf(true)).containsExactly(millis(4500));
    assertThat(plant.signal("Out/Count").intValue()).isEqualTo(1);
  }

  @Test
  void theBeltHasNoContactorOfItsOwnAndStandsWhileTheMotorIsOff() {
    Plant plant = motorBelt("ramp: 0 s");

    plant.simulation().runUntil(seconds(10));

    assertThat(plant.signals().find(new io.twinline.line.SignalPath("Belt", "MotorOn")))
        .isEmpty();
    Conveyor belt = plant.component("Belt", Conveyor.class);
    assertThat(belt.partPositions()).containsExactly(0.0); // the leading edge where it was put
  }

  @Test
  void anOverloadTripRunsTheBeltDownWithItsMotor() {
    Plant plant = motorBelt("ramp: 1 s");
    Conveyor belt = plant.component("Belt", Conveyor.class);
    plant.signal("BeltMotor/Run").set(true);
    plant.simulation().runUntil(seconds(2));
    assertThat(belt.speed()).isEqualTo(0.5);

    plant.faults().schedule(FaultSpec.of("Trip", "BeltMotor", FaultKind.OVERLOAD_TRIP));
    plant.simulation().runUntil(millis(2500));
    assertThat(belt.speed()).isCloseTo(0.25, within(1e-9));
    assertThat(plant.signal("BeltMotor/Overload").booleanValue()).isTrue();
    plant.simulation().runUntil(seconds(4));

    // 0.25 m (ramp up) + 0.5 m (1 s at full speed) + 0.25 m (ramp down) = 1.0 m.
    assertThat(belt.speed()).isZero();
    assertThat(belt.partPositions().get(0)).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void aVfdMotorSetsTheBeltSpeedByItsReference() {
    Plant plant = motorBelt("control: vfd");
    Conveyor belt = plant.component("Belt", Conveyor.class);
    plant.signal("BeltMotor/SpeedRef").set(40.0);
    plant.signal("BeltMotor/Run").set(true);
    plant.simulation().runUntil(seconds(1));

    assertThat(belt.speed()).isCloseTo(0.2, within(1e-12));
  }

  @Test
  void aRecipeSpeedOnAMotorDrivenBeltKeepsTheMotorsRampTime() {
    Plant plant = TestLines.plant(
        """
        line: Test
        components:
          - {name: BeltMotor, type: motor, ramp: 1 s}
          - {name: Belt, type: conveyor, length: 2 m, speed: 0.5 m/s, motor: BeltMotor}
        recipes:
          - name: slow
            components:
              Belt: {speed: 0.25 m/s}
        """);
    Conveyor belt = plant.component("Belt", Conveyor.class);
    plant.signal("BeltMotor/Run").set(true);
    plant.simulation().runUntil(seconds(2));
    plant.loadRecipe("slow");

    // The belt ramps to its new full speed as to a new command; the motor's 1 s ramp now means
    // 0.25 m/s per second.
    plant.simulation().runUntil(millis(2500));
    assertThat(belt.speed()).isCloseTo(0.375, within(1e-9));
    plant.simulation().runUntil(seconds(3));
    assertThat(belt.speed()).isCloseTo(0.25, within(1e-9));
    plant.signal("BeltMotor/Run").set(false);
    plant.simulation().runUntil(millis(3500));
    assertThat(belt.speed()).isCloseTo(0.125, within(1e-9));
    plant.simulation().runUntil(seconds(4));
    assertThat(belt.speed()).isZero();
  }

  @Test
  void aMotorWithInertiaCannotDriveABelt() {
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> io.twinline.line.LineDefinitions.parse("belt.yaml",
                    """
                    line: Test
                    components:
                      - {name: M, type: motor, inertia: 500 ms}
                      - {name: Belt, type: conveyor, length: 2 m, speed: 0.5 m/s, motor: M}
                    """)))
        .hasMessageContaining("belt.yaml:4:")
        .hasMessageContaining("motor M has 'inertia'");
  }

  @Test
  void aGravityChuteCarriesPartsWithoutAnyDrive() {
    Plant plant = TestLines.plant(
        """
        line: Test
        components:
          - {name: Feeder, type: source, interval: 1 h, part: {length: 0.2 m}, to: Chute}
          - {name: Chute, type: conveyor, length: 1.2 m, speed: 0.8 m/s, drive: gravity, to: Out}
          - {name: AtEnd, type: photo-eye, conveyor: Chute, position: 1.2 m}
          - {name: Out, type: sink}
        """);
    Edges atEnd = Edges.of(plant, "Chute/AtEnd");

    plant.simulation().runUntil(seconds(5));

    assertThat(plant.definition().signals()).extracting(s -> s.path().toString())
        .doesNotContain("Chute/MotorOn");
    assertThat(atEnd.list()).containsExactly("true@1500000000", "false@1750000000");
    assertThat(plant.signal("Out/Count").intValue()).isEqualTo(1);
  }

  @Test
  void aNormallyClosedEyeIsTrueWhileTheBeamIsFreeAndFalseWhileAPartBreaksIt() {
    Plant plant = TestLines.plant(
        """
        line: Test
        components:
          - {name: Feeder, type: source, interval: 1 h, part: {length: 0.2 m}, to: Belt}
          - {name: Belt, type: conveyor, length: 2 m, speed: 0.5 m/s, to: Out}
          - {name: AtEnd, type: photo-eye, conveyor: Belt, position: 2 m, contact: NC}
          - {name: Out, type: sink}
        """);
    Edges atEnd = Edges.of(plant, "Belt/AtEnd");
    assertThat(plant.signal("Belt/AtEnd").booleanValue()).isTrue();
    plant.signal("Belt/MotorOn").set(true);

    plant.simulation().runUntil(seconds(10));

    assertThat(atEnd.list()).containsExactly("false@4000000000", "true@4400000000");
    assertThat(plant.component("AtEnd", PhotoEye.class).isBlocked()).isFalse();
  }
}
