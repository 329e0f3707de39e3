package io.twinline.sim.actuator;

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

class ActuatorTest {

  private final Plant plant =
      TestLines.plant(
          """
          line: Test
          components:
            - name: Clamp
              type: cylinder
              acting: double
              stroke: 400 ms
              retractTime: 300 ms
            - name: Stamp
              type: cylinder
              acting: single
              stroke: 200 ms
            - name: Pump
              type: motor
              ramp: 2 s
              runningAbove: 10 %
            - name: Drive
              type: motor
              control: reversing
            - name: Fan
              type: motor
              inertia: 1 s
              runningAbove: 10 %
            - name: Inlet
              type: valve
              travel: 2 s
          """);

  @Test
  void aDoubleActingCylinderMakesItsEndSwitchesAtTheStrokeTimes() {
    Edges extended = Edges.of(plant, "Clamp/Extended");
    Edges retracted = Edges.of(plant, "Clamp/Retracted");

    plant.signal("Clamp/Extend").set(true);
    plant.simulation().runUntil(seconds(1));
    plant.signal("Clamp/Extend").set(false);
    plant.signal("Clamp/Retract").set(true);
    plant.simulation().runUntil(seconds(2));

    assertThat(retracted.list()).containsExactly("false@0", "true@1300000000");
    assertThat(extended.list()).containsExactly("true@400000000", "false@1000000000");
  }

  @Test
  void withBothValvesOnADoubleActingCylinderStaysWhereItIs() {
    plant.signal("Clamp/Extend").set(true);
    plant.simulation().runUntil(millis(100));
    plant.signal("Clamp/Retract").set(true);
    plant.simulation().runUntil(seconds(5));

    Cylinder clamp = plant.component("Clamp", Cylinder.class);
    assertThat(clamp.position()).isCloseTo(0.25, within(1e-9));
    assertThat(plant.signal("Clamp/Extended").booleanValue()).isFalse();
    assertThat(plant.signal("Clamp/Retracted").booleanValue()).isFalse();
  }

  @Test
  void aSingleActingCylinderReturnsOnItsSpring() {
    Edges retracted = Edges.of(plant, "Stamp/Retracted");
    plant.signal("Stamp/Extend").set(true);
    plant.simulation().runUntil(seconds(1));
    plant.signal("Stamp/Extend").set(false);
    plant.simulation().runUntil(seconds(2));

    assertThat(retracted.list()).containsExactly("false@0", "true@1200000000");
  }

  @Test
  void aStickingCylinderNeverReachesItsEndSwitch() {
    plant.faults().schedule(
        FaultSpec.of("C1", "Clamp", FaultKind.STICKING).withFraction(0.6));
    plant.signal("Clamp/Extend").set(true);
    plant.simulation().runUntil(seconds(2));

    assertThat(plant.signal("Clamp/Extended").booleanValue()).isFalse();
    assertThat(plant.component("Clamp", Cylinder.class).position()).isCloseTo(0.6, within(1e-9));

    plant.faults().clear("C1");
    plant.simulation().runUntil(seconds(3));
    assertThat(plant.signal("Clamp/Extended").booleanValue()).isTrue();
  }

  @Test
  void aRampedMotorShowsRunningWhenItsSpeedCrossesTheThreshold() {
    Edges running = Edges.of(plant, "Pump/Running");
    plant.signal("Pump/Run").set(true);
    plant.simulation().runUntil(seconds(3));

    // 10 % of a 0-100 % ramp of 2 s: 200 ms.
    assertThat(running.timesOf(true)).containsExactly(millis(200));
    assertThat(plant.signal("Pump/Speed").doubleValue()).isEqualTo(100.0);

    plant.signal("Pump/Run").set(false);
    plant.simulation().runUntil(seconds(6));
    assertThat(running.timesOf(false)).containsExactly(millis(4800));
  }

  @Test
  void aReversingMotorWithBothDirectionsCommandedDoesNotRun() {
    plant.signal("Drive/Forward").set(true);
    plant.signal("Drive/Reverse").set(true);
    plant.simulation().runUntil(seconds(1));

    assertThat(plant.signal("Drive/Running").booleanValue()).isFalse();

    plant.signal("Drive/Forward").set(false);
    plant.simulation().runUntil(seconds(2));
    assertThat(plant.signal("Drive/Speed").doubleValue()).isEqualTo(-100.0);
    assertThat(plant.signal("Drive/Running").booleanValue()).isTrue();
  }

  @Test
  void anOverloadTripStopsTheMotorUntilCleared() {
    plant.signal("Drive/Forward").set(true);
    plant.simulation().runUntil(seconds(1));

    plant.faults().schedule(FaultSpec.of("OL", "Drive", FaultKind.OVERLOAD_TRIP));
    plant.simulation().runUntil(seconds(2));
    assertThat(plant.signal("Drive/Overload").booleanValue()).isTrue();
    assertThat(plant.signal("Drive/Running").booleanValue()).isFalse();

    plant.faults().clear("OL");
    plant.simulation().runUntil(seconds(3));
    assertThat(plant.signal("Drive/Overload").booleanValue()).isFalse();
    assertThat(plant.signal("Drive/Running").booleanValue()).isTrue();
  }

  @Test
  void aMotorWithInertiaCrossesItsRunningThresholdAtTheTimeTheLagGives() {
    Edges running = Edges.of(plant, "Fan/Running");
    plant.signal("Fan/Run").set(true);
    plant.simulation().runUntil(seconds(5));

    // s(t) = 100 (1 - e^(-t/1 s)) reaches 10 % at t = -ln(0.9) s, found by Hipparchus.
    double expected = -Math.log(0.9) * 1e9;
    assertThat(running.timesOf(true)).hasSize(1);
    assertThat((double) running.timesOf(true).get(0)).isCloseTo(expected, within(1_000.0));
    assertThat(plant.component("Fan", Motor.class).speed())
        .isCloseTo(100 * (1 - Math.exp(-5)), within(1e-9));
    // The signal is the state integrated by RK4 and sampled on the I/O cycle's grid.
    assertThat(plant.signal("Fan/Speed").doubleValue())
        .isCloseTo(100 * (1 - Math.exp(-5)), within(1e-6));
  }

  @Test
  void aValveMakesItsLimitSwitchesAfterItsTravelTime() {
    Edges open = Edges.of(plant, "Inlet/IsOpen");
    Edges closed = Edges.of(plant, "Inlet/IsClosed");
    plant.signal("Inlet/Open").set(true);
    plant.simulation().runUntil(seconds(5));
    plant.signal("Inlet/Open").set(false);
    plant.simulation().runUntil(seconds(10));

    assertThat(open.list()).containsExactly("true@2000000000", "false@5000000000");
    assertThat(closed.list()).containsExactly("false@0", "true@7000000000");
    assertThat(plant.component("Inlet", Valve.class).opening()).isZero();
  }
}
