package io.twinline.sim.flow;

import static io.twinline.sim.time.SimTime.millis;
import static io.twinline.sim.time.SimTime.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.line.fault.FaultKind;
import io.twinline.line.fault.FaultSpec;
import io.twinline.sim.plant.Edges;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.plant.TestLines;
import org.junit.jupiter.api.Test;

class StationAndBufferTest {

  private static Plant stationLine(String stationKeys) {
    return TestLines.plant(
        """
        line: Test
        components:
          - name: Feeder
            type: source
            interval: 1 h
            part: {length: 0.2 m, defectRate: 100 %}
            to: Belt
          - name: Belt
            type: conveyor
            length: 1.0 m
            speed: 0.5 m/s
            to: Press
          - name: Press
            type: station
            to: Out
        """
            + stationKeys
            + """
          - name: Out
            type: sink
        """);
  }

  @Test
  void aStartedCycleTakesTheProcessTimeThenTheStationReleasesThePart() {
    Plant plant = stationLine("    processTime: 3 s\n");
    Edges present = Edges.of(plant, "Press/PartPresent");
    Edges busy = Edges.of(plant, "Press/Busy");
    Edges done = Edges.of(plant, "Press/Done");
    plant.signal("Belt/MotorOn").set(true);

    // The part enters the station when its trailing edge leaves the belt: 2.4 s.
    plant.simulation().runUntil(seconds(3));
    assertThat(present.timesOf(true)).containsExactly(millis(2400));
    plant.signal("Press/Start").set(true);
    plant.simulation().runUntil(seconds(10));

    assertThat(busy.list()).containsExactly("true@3000000000", "false@6000000000");
    // The part leaves at once; Done stays one I/O cycle (10 ms), so a PLC can see it.
    assertThat(done.list()).containsExactly("true@6000000000", "false@6010000000");
    assertThat(present.timesOf(false)).containsExactly(seconds(6));
    assertThat(plant.signal("Out/Count").intValue()).isEqualTo(1);
    assertThat(plant.signal("Press/Cycles").intValue()).isEqualTo(1);
  }

  @Test
  void aStationReleasedByThePlcHoldsThePartUntilRelease() {
    Plant plant =
        stationLine("    processTime: 1 s\n    release: plc\n    inspect: defective\n");
    plant.signal("Belt/MotorOn").set(true);
    plant.simulation().runUntil(seconds(3));
    plant.signal("Press/Start").set(true);
    plant.simulation().runUntil(seconds(5));

    assertThat(plant.signal("Press/Done").booleanValue()).isTrue();
    assertThat(plant.signal("Press/Reject").booleanValue()).isTrue();
    assertThat(plant.signal("Out/Count").intValue()).isZero();

    plant.signal("Press/Release").set(true);
    plant.simulation().runUntil(seconds(6));
    assertThat(plant.signal("Out/Count").intValue()).isEqualTo(1);
    assertThat(plant.signal("Press/Reject").booleanValue()).isFalse();
  }

  @Test
  void aStationFaultAbortsTheCycleAndKeepsThePart() {
    Plant plant = stationLine("    processTime: 3 s\n");
    plant.signal("Belt/MotorOn").set(true);
    plant.simulation().runUntil(seconds(3));
    plant.signal("Press/Start").set(true);
    plant.simulation().runUntil(seconds(4));

    plant.faults().schedule(FaultSpec.of("S1", "Press", FaultKind.STATION_FAULT));
    plant.simulation().runUntil(seconds(10));

    assertThat(plant.signal("Press/Fault").booleanValue()).isTrue();
    assertThat(plant.signal("Press/Busy").booleanValue()).isFalse();
    assertThat(plant.signal("Press/Done").booleanValue()).isFalse();
    assertThat(plant.signal("Press/PartPresent").booleanValue()).isTrue();

    plant.faults().clear("S1");
    plant.signal("Press/Start").set(false);
    plant.signal("Press/Start").set(true);
    plant.simulation().runUntil(seconds(14));
    assertThat(plant.signal("Out/Count").intValue()).isEqualTo(1);
  }

  @Test
  void aBufferFillsToCapacityAndPassesPartsOnFirstInFirstOut() {
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
                length: 0.5 m
                speed: 1 m/s
                to: Table
              - name: Table
                type: buffer
                capacity: 3
                transit: 2 s
                to: Exit
              - name: Exit
                type: conveyor
                length: 1.0 m
                speed: 1 m/s
                to: Out
              - name: Out
                type: sink
            """);
    plant.signal("Belt/MotorOn").set(true);

    plant.simulation().runUntil(seconds(10));
    assertThat(plant.signal("Table/Count").intValue()).isEqualTo(3);
    assertThat(plant.signal("Table/Full").booleanValue()).isTrue();

    plant.signal("Exit/MotorOn").set(true);
    plant.simulation().runUntil(seconds(40));

    Sink out = plant.component("Out", Sink.class);
    assertThat(out.received()).extracting(Part::id).startsWith(1L, 2L, 3L, 4L);
    assertThat(out.received()).extracting(Part::id).isSorted();
    assertThat(plant.signal("Table/Empty").booleanValue()).isFalse();
  }
}
