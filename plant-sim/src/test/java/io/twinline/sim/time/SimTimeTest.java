package io.twinline.sim.time;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimTimeTest {

  @Test
  void formatsForPeople() {
    assertThat(SimTime.format(4_000_000_000L)).isEqualTo("4.000 s");
    assertThat(SimTime.format(62_500_000_000L)).isEqualTo("1 min 2.500 s");
    assertThat(SimTime.format(7_201_000_000_000L)).isEqualTo("2 h 0 min 1.000 s");
    assertThat(SimTime.format(1_500)).isEqualTo("0.000001500 s");
  }

  @Test
  void secondsRoundToTheNearestNanosecond() {
    assertThat(SimTime.fromSeconds(2.0 / 0.5)).isEqualTo(4_000_000_000L);
    assertThat(SimTime.fromSeconds(0.1 + 0.2)).isEqualTo(300_000_000L);
  }
}
