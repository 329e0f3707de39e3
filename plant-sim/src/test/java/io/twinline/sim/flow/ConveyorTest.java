package io.twinline.sim.flow;

import static io.twinline.sim.time.SimTime.millis;
import static io.twinline.sim.time.SimTime.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.twinline.sim.plant.Plant;
import io.twinline.sim.plant.TestLines;
import io.twinline.sim.signal.Signal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Conveyor physics in virtual time: exact arrival times, stops, queues and hand-over. */
class ConveyorTest {

  private static final String ONE_BELT =
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
          to: Out
        - name: AtEnd
          type: photo-eye
          conveyor: Belt
          position: 2.0 m
        - name: Out
          type: sink
      """;

  private final Plant plant = TestLines.plant(ONE_BELT);
  private final Signal motor = plant.signal("Belt/MotorOn");
  private final Signal atEnd = plant.signal("Belt/AtEnd");
  private final List<String> edges = new ArrayList<>();

  ConveyorTest() {
    atEnd.addListener(s -> edges.add(s.booleanValue() + "@" + plant.simulation().now()));
  }

  @Test
  void aPartReleasedAtZeroReachesTheEndEyeAtExactlyFourSeconds() {
    motor.set(true);

    plant.simulation().runUntil(seconds(10));

    assertThat(edges).first().isEqualTo("true@4000000000");
  }

  @Test
  void theEyeClearsWhenTheTrailingEdgeLeavesAndTheSinkCountsThePart() {
    motor.set(true);

    plant.simulation().runUntil(seconds(10));

    // 0.2 m of part at 0.5 m/s takes 0.4 s to pass the eye.
    assertThat(edges).containsExactly("true@4000000000", "false@4400000000");
    assertThat(plant.signal("Out/Count").intValue()).isEqualTo(1);
  }

  @Test
  void stoppingTheMotorForThreeSecondsDelaysArrivalToExactlySevenSeconds() {
    motor.set(true);
    plant.simulation().runUntil(seconds(1));
    motor.set(false);
    plant.simulation().runUntil(seconds(4));
    motor.set(true);

    plant.simulation().runUntil(seconds(10));

    assertThat(edges).first().isEqualTo("true@7000000000");
  }

  @Test
  void partsStandStillWhileTheMotorIsOff() {
    Conveyor belt = plant.component("Belt", Conveyor.class);
    motor.set(true);
    plant.simulation().runUntil(millis(1500));
    motor.set(false);

    plant.simulation().runUntil(seconds(60));

    assertThat(belt.partPositions()).containsExactly(0.75);
    assertThat(edges).isEmpty();
  }

  @Test
  void partsQueueAtTheEndWhenNothingTakesThem() {
    Plant queue =
        TestLines.plant(
            """
            line: Queue
            components:
              - name: Feeder
                type: source
                interval: 1 s
                part: {length: 0.2 m}
                to: Belt
              - name: Belt
                type: conveyor
                length: 1.0 m
                speed: 0.5 m/s
                minGap: 0.05 m
            """);
    queue.signal("Belt/MotorOn").set(true);

    queue.simulation().runUntil(seconds(30));

    Conveyor belt = queue.component("Belt", Conveyor.class);
    // 1.0 m holds four parts of 0.2 m with 0.05 m gaps: leading edges at 1.0, 0.75, 0.5, 0.25.
    // The fifth one's leading edge sits at 0.0: pushed on, but not yet clear of the feeder.
    assertThat(belt.partPositions())
        .hasSize(5)
        .satisfies(p -> assertThat(p.get(0)).isCloseTo(1.0, within(1e-9)))
        .satisfies(p -> assertThat(p.get(3)).isCloseTo(0.25, within(1e-9)))
        .satisfies(p -> assertThat(p.get(4)).isCloseTo(0.0, within(1e-9)));
    assertThat(queue.signal("Feeder/Blocked").booleanValue()).isTrue();
    assertThat(queue.signal("Feeder/Released").intValue()).isEqualTo(5);
  }

  @Test
  void aBlockedSourceReleasesAsSoonAsThereIsRoom() {
    // Motor off: the first part stays at the start, the second cannot be released at t=1 h.
    plant.simulation().runUntil(seconds(3600));
    assertThat(plant.signal("Feeder/Blocked").booleanValue()).isTrue();
    List<String> releases = new ArrayList<>();
    plant
        .signal("Feeder/Released")
        .addListener(s -> releases.add(s.intValue() + "@" + plant.simulation().now()));

    motor.set(true);
    plant.simulation().runUntil(seconds(3601));

    // The first part's trailing edge clears the start 0.4 s after the belt starts.
    assertThat(releases).containsExactly("2@3600400000000");
    assertThat(plant.signal("Feeder/Blocked").booleanValue()).isFalse();
  }

  @Test
  void aPartIsHandedFromConveyorToConveyor() {
    Plant two =
        TestLines.plant(
            """
            line: Two
            components:
              - name: Feeder
                type: source
                interval: 1 h
                part: {length: 0.2 m}
                to: First
              - name: First
                type: conveyor
                length: 1.0 m
                speed: 0.5 m/s
                to: Second
              - name: Second
                type: conveyor
                length: 1.0 m
                speed: 1.0 m/s
                to: Out
              - name: SecondEnd
                type: photo-eye
                conveyor: Second
                position: 1.0 m
              - name: Out
                type: sink
            """);
    two.signal("First/MotorOn").set(true);
    two.signal("Second/MotorOn").set(true);
    List<Long> arrivals = new ArrayList<>();
    two.signal("Second/SecondEnd")
        .addListener(s -> {
          if (s.booleanValue()) {
            arrivals.add(two.simulation().now());
          }
        });

    two.simulation().runUntil(seconds(10));

    // First belt: lead reaches 1.0 m at 2.0 s; the part is fully off at 2.4 s and lies on the
    // second belt from 0 to 0.2 m, which it crosses at 1 m/s: lead at 1.0 m at 3.2 s.
    assertThat(arrivals).containsExactly(3_200_000_000L);
    assertThat(two.signal("Out/Count").intValue()).isEqualTo(1);
  }

  @Test
  void aStoppedDownstreamConveyorHoldsThePartAtTheEnd() {
    Plant two =
        TestLines.plant(
            """
            line: Two
            components:
              - name: Feeder
                type: source
                interval: 1 s
                part: {length: 0.2 m}
                to: First
              - name: First
                type: conveyor
                length: 1.0 m
                speed: 0.5 m/s
                to: Second
              - name: Second
                type: conveyor
                length: 0.3 m
                speed: 0.5 m/s
            """);
    two.signal("First/MotorOn").set(true);
    two.signal("Second/MotorOn").set(false);

    two.simulation().runUntil(seconds(30));

    Conveyor first = two.component("First", Conveyor.class);
    Conveyor second = two.component("Second", Conveyor.class);
    // The second belt took one part (it lies at 0..0.2 m); the next one waits at the end of the
    // first belt because the second belt has no room for it.
    assertThat(second.partPositions()).containsExactly(0.2);
    assertThat(first.partPositions().get(0)).isEqualTo(1.0);
  }
}
