package io.twinline.sim.random;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RandomStreamsTest {

  @Test
  void sameSeedAndNameGiveTheSameNumbers() {
    long a = new RandomStreams(7).stream("Feeder").nextLong();
    long b = new RandomStreams(7).stream("Feeder").nextLong();

    assertThat(a).isEqualTo(b);
  }

  @Test
  void streamsOfDifferentNamesOrSeedsDiffer() {
    RandomStreams streams = new RandomStreams(7);

    assertThat(streams.stream("Feeder").nextLong()).isNotEqualTo(streams.stream("Filler").nextLong());
    assertThat(new RandomStreams(8).stream("Feeder").nextLong())
        .isNotEqualTo(streams.stream("Feeder").nextLong());
  }
}
