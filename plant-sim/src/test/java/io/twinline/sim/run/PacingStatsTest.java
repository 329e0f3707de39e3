package io.twinline.sim.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacingStatsTest {

  private static final long MS = 1_000_000;

  @Test
  void quantilesAreTheUpperEdgesOfTenMicrosecondBuckets() {
    PacingStats stats = new PacingStats(10 * MS);
    for (int i = 1; i <= 100; i++) {
      stats.record(i * 5_000L); // 5 µs .. 500 µs
    }

    assertThat(stats.count()).isEqualTo(100);
    assertThat(stats.quantile(0.5)).isEqualTo(260_000); // the 50th is 250 µs, in [250, 260)
    assertThat(stats.quantile(0.99)).isEqualTo(500_000); // the 99th is 495 µs
    assertThat(stats.max()).isEqualTo(500_000);
    assertThat(stats.overruns()).isZero();
  }

  @Test
  void aStartAWholeCycleLateIsAnOverrunAndVeryLateOnesKeepTheirMaximum() {
    PacingStats stats = new PacingStats(10 * MS);
    stats.record(-3_000); // early counts as on time
    stats.record(10 * MS);
    stats.record(2_500 * MS);

    assertThat(stats.overruns()).isEqualTo(2);
    assertThat(stats.quantile(1.0)).isEqualTo(2_500 * MS);
    assertThat(stats.quantile(0.3)).isEqualTo(10_000);

    stats.reset();
    assertThat(stats.count()).isZero();
    assertThat(stats.quantile(0.99)).isZero();
  }
}
