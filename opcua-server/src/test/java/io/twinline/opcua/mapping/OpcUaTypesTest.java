package io.twinline.opcua.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.junit.jupiter.api.Test;

class OpcUaTypesTest {

  @Test
  void sourceTimestampsAreMilosDateTimeOfTheSameInstant() {
    Instant epoch = Instant.parse("2026-12-01T21:39:06.123456789Z");
    for (long simNanos : new long[] {0, 99, 100, 1_000_050, 10_000_000, 3_600_000_000_123L}) {
      Instant at = epoch.plusNanos(simNanos);
      assertThat(OpcUaTypes.dateTime(OpcUaTypes.epochNanos(epoch) + simNanos))
          .as("%d ns after the epoch", simNanos)
          .isEqualTo(new DateTime(at));
    }
  }
}
