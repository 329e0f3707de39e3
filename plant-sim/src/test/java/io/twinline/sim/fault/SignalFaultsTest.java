package io.twinline.sim.fault;

import static io.twinline.sim.time.SimTime.millis;
import static io.twinline.sim.time.SimTime.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.twinline.line.fault.FaultKind;
import io.twinline.line.fault.FaultSpec;
import io.twinline.sim.plant.Edges;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.plant.TestLines;
import io.twinline.sim.signal.Signal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Faults between what the plant does and what the PLC sees. */
class SignalFaultsTest {

  private final Plant plant =
      TestLines.plant(
          """
          line: Test
          components:
            - name: Feeder
              type: source
              interval: 10 s
              to: Belt
            - name: Belt
              type: conveyor
              length: 2.0 m
              speed: 0.5 m/s
              to: Out
              signals:
                MotorOn: {tag: Q_Belt}
            - name: AtEnd
              type: photo-eye
              conveyor: Belt
              position: 2.0 m
              signals:
                AtEnd: {tag: I_B1}
            - name: Out
              type: sink
            - name: Level
              type: variables
              variables:
                - {name: Value, type: Double, direction: input, unit: m, range: [0, 2], initial: 1}
              signals:
                Value: {raw: {min: 0, max: 27648}}
          """);

  private final Signal eye = plant.signal("Belt/AtEnd");

  @Test
  void stuckAtShowsThePlcTheValueWhileThePlantGoesOn() {
    plant.faults().schedule(
        FaultSpec.of("F1", "Belt/AtEnd", FaultKind.STUCK_AT).withValue("true"));
    plant.signal("Belt/MotorOn").set(true);
    plant.simulation().runUntil(seconds(3));

    assertThat(eye.plcBoolean()).isTrue();
    assertThat(eye.booleanValue()).isFalse();
    assertThat(plant.signal("Simulation/ActiveFaults").text())
        .isEqualTo("F1 stuck-at Belt/AtEnd value=true");
    assertThat(plant.signal("Simulation/FaultCount").intValue()).isEqualTo(1);

    plant.faults().clear("F1");
    assertThat(eye.plcBoolean()).isFalse();
    assertThat(plant.signal("Simulation/ActiveFaults").text()).isEmpty();
  }

  @Test
  void aFaultOnAnOutputChangesWhatThePlantGetsNotWhatThePlcWrote() {
    Edges atEnd = Edges.of(plant, "Belt/AtEnd");
    // A welded contactor: the motor runs whatever the PLC writes.
    plant.faults().schedule(
        FaultSpec.of("Weld", "Q_Belt", FaultKind.STUCK_AT).withValue("true"));
    plant.simulation().runUntil(seconds(10));

    assertThat(plant.signal("Belt/MotorOn").plcBoolean()).isFalse();
    assertThat(atEnd.timesOf(true)).containsExactly(seconds(4));
  }

  @Test
  void anInvertedSignalShowsTheOpposite() {
    plant.faults().schedule(FaultSpec.of("F2", "I_B1", FaultKind.INVERTED));

    assertThat(eye.plcBoolean()).isTrue();
  }

  @Test
  void aDropOutBlinksTheSignalWithItsPeriod() {
    plant.signal("Belt/MotorOn").set(true);
    plant.simulation().runUntil(seconds(4));
    Edges edges = Edges.of(plant, "Belt/AtEnd");

    plant.faults().schedule(
        FaultSpec.of("F3", "Belt/AtEnd", FaultKind.DROP_OUT).withPeriod(Duration.ofMillis(100)));
    plant.simulation().runUntil(millis(4200));

    assertThat(edges.list())
        .containsExactly("false@4050000000", "true@4100000000", "false@4150000000",
            "true@4200000000");
  }

  @Test
  void aDelayedSignalChangesLate() {
    plant.faults().schedule(
        FaultSpec.of("F4", "Belt/AtEnd", FaultKind.DELAY).withDelay(Duration.ofMillis(250)));
    Edges edges = Edges.of(plant, "Belt/AtEnd");
    plant.signal("Belt/MotorOn").set(true);

    plant.simulation().runUntil(seconds(6));

    assertThat(edges.list()).containsExactly("true@4250000000", "false@4650000000");
  }

  @Test
  void anOpenWireReadsBelowRangeAlsoInRawCounts() {
    plant.faults().schedule(FaultSpec.of("W1", "Level/Value", FaultKind.OPEN_WIRE));

    assertThat(plant.signal("Level/Value").plcDouble()).isEqualTo(-0.5);
    assertThat(plant.signal("Level/ValueRaw").intValue()).isEqualTo(-6912);
    assertThat(plant.signal("Level/Value").doubleValue()).isEqualTo(1.0);
  }

  @Test
  void noiseIsGaussianAroundTheValueAndTheSameForTheSameSeed() {
    plant.faults().schedule(FaultSpec.of("N1", "Level/Value", FaultKind.NOISE).withAmplitude(0.01));
    double sum = 0;
    double squares = 0;
    int n = 2000;
    for (int i = 1; i <= n; i++) {
      plant.simulation().runUntil(millis(10L * i));
      double deviation = plant.signal("Level/Value").plcDouble() - 1.0;
      sum += deviation;
      squares += deviation * deviation;
    }
    double mean = sum / n;
    double sd = Math.sqrt(squares / n - mean * mean);

    assertThat(mean).isCloseTo(0.0, within(0.002));
    assertThat(sd).isCloseTo(0.01, within(0.001));

    Plant again = TestLines.plant(plant.definition().toString().isEmpty() ? "" : yamlOf());
    again.faults().schedule(FaultSpec.of("N1", "Level/Value", FaultKind.NOISE).withAmplitude(0.01));
    again.simulation().runUntil(millis(10L * n));
    assertThat(again.signal("Level/Value").plcDouble())
        .isEqualTo(plant.signal("Level/Value").plcDouble());
  }

  private String yamlOf() {
    return """
        line: Test
        components:
          - name: Level
            type: variables
            variables:
              - {name: Value, type: Double, direction: input, unit: m, range: [0, 2], initial: 1}
        """;
  }

  @Test
  void aScheduledFaultStartsAtItsTimeAndExpiresAfterItsDuration() {
    Edges edges = Edges.of(plant, "Belt/AtEnd");
    plant.faults().schedule(
        FaultSpec.of("F5", "Belt/AtEnd", FaultKind.STUCK_AT)
            .withValue("true")
            .at(Duration.ofSeconds(2))
            .lasting(Duration.ofSeconds(1)));

    plant.simulation().runUntil(seconds(10));

    assertThat(edges.list()).containsExactly("true@2000000000", "false@3000000000");
    assertThat(plant.faults().active()).isEmpty();
  }

  @Test
  void faultsThatDoNotFitTheLineAreRefusedWithTheReason() {
    assertThatThrownBy(() -> plant.faults().schedule(
            FaultSpec.of("X", "Belt/AtEnd", FaultKind.NOISE).withAmplitude(1)))
        .hasMessageContaining("noise needs an analog signal");
    assertThatThrownBy(() -> plant.faults().schedule(FaultSpec.of("X", "Out", FaultKind.JAM)))
        .hasMessageContaining("a sink cannot have a jam fault");
    assertThatThrownBy(() -> plant.faults().schedule(
            FaultSpec.of("X", "Nowhere/Signal", FaultKind.INVERTED)))
        .hasMessageContaining("there is no signal 'Nowhere/Signal'");
    plant.faults().schedule(FaultSpec.of("X", "Belt", FaultKind.JAM));
    assertThatThrownBy(() -> plant.faults().schedule(FaultSpec.of("X", "Belt", FaultKind.JAM)))
        .hasMessageContaining("fault id 'X' is in use");
  }
}
