package io.twinline.line.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuantitiesTest {

  @Test
  void durationsAreExactToTheNanosecond() throws Exception {
    assertThat(Quantities.duration("10 ms")).isEqualTo(Duration.ofMillis(10));
    assertThat(Quantities.duration("0.1 s")).isEqualTo(Duration.ofMillis(100));
    assertThat(Quantities.duration("1.5min")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Quantities.duration("250 us")).isEqualTo(Duration.ofNanos(250_000));
    assertThat(Quantities.duration("2 h")).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void lengthsAndSpeedsAreInSiUnits() throws Exception {
    assertThat(Quantities.length("2.0 m")).isEqualTo(2.0);
    assertThat(Quantities.length("250 mm")).isEqualTo(0.25);
    assertThat(Quantities.speed("0.5 m/s")).isEqualTo(0.5);
    assertThat(Quantities.speed("30 m/min")).isEqualTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void aBareNumberIsRefusedWithAHint() {
    assertThatThrownBy(() -> Quantities.duration("10"))
        .isInstanceOf(QuantityFormatException.class)
        .hasMessage("'10' has no unit")
        .extracting(e -> ((QuantityFormatException) e).hint())
        .asString()
        .contains("500 ms");
  }

  @Test
  void aUnitOfTheWrongDimensionIsRefused() {
    assertThatThrownBy(() -> Quantities.length("2 s"))
        .hasMessage("unknown unit 's' for a length");
    assertThatThrownBy(() -> Quantities.duration("1 ps"))
        .hasMessage("unknown unit 'ps' for a duration");
  }

  @Test
  void subNanosecondDurationsAreRefused() {
    assertThatThrownBy(() -> Quantities.duration("0.5 ns")).hasMessageContaining("finer than");
  }
}
