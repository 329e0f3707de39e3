package io.twinline.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The heap against a sorted list, under random scheduling and cancelling (with compactions). */
class EventCalendarTest {

  @Test
  void pollsInTimePrioritySequenceOrderUnderRandomCancels() {
    SplittableRandom random = new SplittableRandom(42);
    EventCalendar calendar = new EventCalendar();
    List<ScheduledEvent> reference = new ArrayList<>();
    Action nothing = Action.named("nothing", () -> {});
    long sequence = 0;
    List<ScheduledEvent> polled = new ArrayList<>();
    List<ScheduledEvent> expected = new ArrayList<>();
    Comparator<ScheduledEvent> order =
        Comparator.comparingLong((ScheduledEvent e) -> e.time)
            .thenComparingInt(e -> e.priority)
            .thenComparingLong(e -> e.sequence);

    for (int round = 0; round < 60_000; round++) {
      int op = random.nextInt(10);
      if (op < 6) {
        ScheduledEvent event =
            new ScheduledEvent(
                calendar, random.nextLong(1000), random.nextInt(3) - 1, sequence++, nothing);
        calendar.add(event);
        reference.add(event);
      } else if (op < 8 && !reference.isEmpty()) {
        ScheduledEvent victim = reference.remove(random.nextInt(reference.size()));
        assertThat(victim.cancel()).isTrue();
        assertThat(victim.cancel()).isFalse();
      } else if (!reference.isEmpty()) {
        reference.sort(order);
        expected.add(reference.remove(0));
        ScheduledEvent next = calendar.poll();
        next.markDone();
        polled.add(next);
      }
      assertThat(calendar.size()).isEqualTo(reference.size());
    }

    assertThat(polled).isEqualTo(expected);
  }

  @Test
  void manyCancelledEventsAreCompactedAway() {
    EventCalendar calendar = new EventCalendar();
    Action nothing = Action.named("nothing", () -> {});
    List<ScheduledEvent> events = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      ScheduledEvent event = new ScheduledEvent(calendar, 1_000_000 - i, 0, i, nothing);
      calendar.add(event);
      events.add(event);
    }
    for (int i = 0; i < 9_000; i++) {
      events.get(i).cancel();
    }

    assertThat(calendar.size()).isEqualTo(1_000);
    assertThat(calendar.poll().time).isEqualTo(1_000_000 - 9_999);
  }

  @Test
  void aCrowdAtOneInstantAmidAHoldModelComesOutInOrderWithoutLayingOutAgainAndAgain() {
    SplittableRandom random = new SplittableRandom(7);
    EventCalendar calendar = new EventCalendar();
    Action nothing = Action.named("nothing", () -> {});
    Comparator<ScheduledEvent> order =
        Comparator.comparingLong((ScheduledEvent e) -> e.time)
            .thenComparingInt(e -> e.priority)
            .thenComparingLong(e -> e.sequence);
    PriorityQueue<ScheduledEvent> reference = new PriorityQueue<>(order);
    long instant = 10_000_000;
    long sequence = 0;
    // The hold model's own population, spread over 20 ms.
    for (int i = 0; i < 2_000; i++) {
      ScheduledEvent event =
          new ScheduledEvent(calendar, random.nextLong(20_000_000), 0, sequence++, nothing);
      calendar.add(event);
      reference.add(event);
    }
    // A PLC-synchronised crowd: every input resampled on the same I/O-cycle tick.
    for (int i = 0; i < 20_000; i++) {
      ScheduledEvent event =
          new ScheduledEvent(calendar, instant, random.nextInt(3) - 1, sequence++, nothing);
      calendar.add(event);
      reference.add(event);
    }

    long now = 0;
    int ran = 0;
    while (!reference.isEmpty() && ran < 100_000) {
      ScheduledEvent expected = reference.poll();
      ScheduledEvent next = calendar.poll();
      assertThat(next).isSameAs(expected);
      next.markDone();
      now = next.time;
      ran++;
      if (ran < 60_000) {
        // Hold model: one more event ahead for each run; some join the next crowd, 10 ms on.
        long time = random.nextInt(4) == 0 ? (now / instant + 1) * instant
            : now + random.nextLong(20_000_000);
        ScheduledEvent event = new ScheduledEvent(calendar, time, random.nextInt(3) - 1,
            sequence++, nothing);
        calendar.add(event);
        reference.add(event);
      }
    }

    assertThat(ran).isEqualTo(60_000 + 22_000 - 1);
    assertThat(calendar.isEmpty()).isTrue();
    assertThat(calendar.layOuts()).isLessThanOrEqualTo(20);
  }
}
