package io.twinline.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {

  private final Simulation simulation = new Simulation();
  private final List<String> trace = new ArrayList<>();

  private Action record(String name) {
    return Action.named(name, () -> trace.add(name + "@" + simulation.now()));
  }

  @Test
  void eventsRunInTimeOrder() {
    simulation.schedule(30, record("c"));
    simulation.schedule(10, record("a"));
    simulation.schedule(20, record("b"));

    simulation.runUntil(100);

    assertThat(trace).containsExactly("a@10", "b@20", "c@30");
  }

  @Test
  void tiesRunInSchedulingOrder() {
    for (int i = 0; i < 5; i++) {
      simulation.schedule(7, record("e" + i));
    }

    simulation.runUntil(7);

    assertThat(trace).containsExactly("e0@7", "e1@7", "e2@7", "e3@7", "e4@7");
  }

  @Test
  void lowerPriorityNumberRunsFirstAtTheSameTime() {
    simulation.schedule(5, Priority.LATE, record("late"));
    simulation.schedule(5, Priority.NORMAL, record("normal"));
    simulation.schedule(5, Priority.IO_EXCHANGE, record("io"));

    simulation.runUntil(5);

    assertThat(trace).containsExactly("io@5", "normal@5", "late@5");
  }

  @Test
  void cancelledEventsNeverRun() {
    EventHandle doomed = simulation.schedule(10, record("doomed"));
    simulation.schedule(5, Action.named("canceller", doomed::cancel));
    simulation.schedule(20, record("kept"));

    simulation.runUntil(100);

    assertThat(trace).containsExactly("kept@20");
    assertThat(doomed.isPending()).isFalse();
    assertThat(doomed.cancel()).isFalse();
  }

  @Test
  void virtualTimeJumpsStraightToTheNextEvent() {
    simulation.schedule(3_600_000_000_000L, record("in an hour"));

    assertThat(simulation.step()).isTrue();

    assertThat(simulation.now()).isEqualTo(3_600_000_000_000L);
    assertThat(simulation.eventsRun()).isEqualTo(1);
    assertThat(trace).containsExactly("in an hour@3600000000000");
  }

  @Test
  void runUntilStopsAtTheGivenTimeEvenWithoutEvents() {
    simulation.schedule(50, record("later"));

    simulation.runUntil(20);

    assertThat(simulation.now()).isEqualTo(20);
    assertThat(trace).isEmpty();
    assertThat(simulation.nextEventTime()).isEqualTo(50);
  }

  @Test
  void eventsMayScheduleMoreEventsAtTheSameInstant() {
    simulation.schedule(
        10,
        Action.named(
            "parent",
            () -> {
              trace.add("parent@" + simulation.now());
              simulation.schedule(0, record("child"));
            }));

    simulation.runUntil(10);

    assertThat(trace).containsExactly("parent@10", "child@10");
  }

  @Test
  void schedulingInThePastIsRefused() {
    simulation.runUntil(100);

    assertThatThrownBy(() -> simulation.scheduleAt(50, Priority.NORMAL, record("past")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before now");
    assertThatThrownBy(() -> simulation.schedule(-1, record("negative")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFailingEventStopsTheSimulationLoudly() {
    simulation.schedule(
        2_000_000_000L,
        Action.named(
            "Infeed: broken",
            () -> {
              throw new IllegalStateException("belt snapped");
            }));
    simulation.schedule(3_000_000_000L, record("never"));

    assertThatThrownBy(() -> simulation.runUntil(5_000_000_000L))
        .isInstanceOf(SimulationFailure.class)
        .hasMessageContaining("Infeed: broken")
        .hasMessageContaining("2.000 s")
        .hasMessageContaining("belt snapped");
    assertThatThrownBy(simulation::step).isInstanceOf(IllegalStateException.class);
    assertThat(trace).isEmpty();
  }
}
