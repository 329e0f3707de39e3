package io.twinline.sim.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RealTimeClockTest {

  @Test
  void scaledClockMapsSimulatedTimeToWallTime() {
    AtomicLong wall = new AtomicLong(1_000);
    RealTimeClock clock = new RealTimeClock(4.0, wall::get);

    clock.anchor(0);

    assertThat(clock.wallTimeOf(4_000_000_000L)).isEqualTo(1_000 + 1_000_000_000L);
  }

  @Test
  void doesNotWaitForTimeThatHasPassed() throws InterruptedException {
    AtomicLong wall = new AtomicLong(0);
    RealTimeClock clock = new RealTimeClock(1.0, wall::get);
    clock.anchor(0);
    wall.set(5_000_000);

    assertThat(clock.awaitSimTime(2_000_000)).isTrue();
    assertThat(clock.lagNanos()).isEqualTo(3_000_000);
  }

  @Test
  void aWakeUpCutsTheWaitShort() throws InterruptedException {
    RealTimeClock clock = new RealTimeClock(1.0);
    clock.anchor(0);
    clock.wakeUp();

    assertThat(clock.awaitSimTime(3_600_000_000_000L)).isFalse();
  }

  @Test
  void aSpeedChangeCountsFromTheSimulatedTimeItIsMadeAt() {
    AtomicLong wall = new AtomicLong(0);
    RealTimeClock clock = new RealTimeClock(1.0, wall::get);
    clock.anchor(0);
    wall.set(2_000_000_000L);

    clock.changeSpeed(4.0, 2_000_000_000L);

    assertThat(clock.speedFactor()).isEqualTo(4.0);
    assertThat(clock.wallTimeOf(6_000_000_000L)).isEqualTo(3_000_000_000L);
  }

  @Test
  void aSpeedFactorThatIsNotPositiveIsRefused() {
    RealTimeClock clock = new RealTimeClock(1.0, () -> 0);

    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> clock.changeSpeed(0, 0)).withMessageContaining("positive");
  }
}
