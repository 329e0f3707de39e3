package io.twinline.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PeerLogLimitTest {

  private final AtomicLong nanos = new AtomicLong(1_000);
  private final PeerLogLimit limit = new PeerLogLimit(Duration.ofSeconds(10), nanos::get);

  private static InetAddress peer(int last) throws Exception {
    return InetAddress.getByAddress(new byte[] {10, 0, 0, (byte) last});
  }

  private void advance(Duration by) {
    nanos.addAndGet(by.toNanos());
  }

  @Test
  void thePeersFirstLineIsLoggedAndTheNextOnesInTheWindowAreCounted() throws Exception {
    assertThat(limit.admit(peer(1))).hasValue(0);
    advance(Duration.ofSeconds(1));
    assertThat(limit.admit(peer(1))).isEmpty();
    advance(Duration.ofMillis(8_999));
    assertThat(limit.admit(peer(1))).isEmpty();
  }

  @Test
  void theFirstLineAfterTheWindowSaysHowManyWereLeftOut() throws Exception {
    limit.admit(peer(1));
    limit.admit(peer(1));
    limit.admit(peer(1));
    advance(Duration.ofSeconds(10));

    assertThat(limit.admit(peer(1))).hasValue(2);
    assertThat(limit.admit(peer(1))).isEmpty();
  }

  @Test
  void eachPeerHasItsOwnWindow() throws Exception {
    limit.admit(peer(1));

    assertThat(limit.admit(peer(2))).hasValue(0);
    assertThat(limit.admit(peer(1))).isEmpty();
  }
}
