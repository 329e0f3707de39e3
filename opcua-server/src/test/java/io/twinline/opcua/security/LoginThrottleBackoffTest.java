package io.twinline.opcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** How the login backoff grows, ends and is shared, on a clock the test turns. */
class LoginThrottleBackoffTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final LoginThrottle throttle = new LoginThrottle(now::get);
  private final InetAddress plcAddress = address("10.0.0.5");
  private final InetAddress laptop = address("10.0.0.9");

  private static InetAddress address(String ip) {
    try {
      return InetAddress.getByName(ip);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }

  @Test
  void threeFailuresOfOneNameAreFreeThenTheWaitDoublesUpToThirtySeconds() {
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.failed("plc1", plcAddress)).isZero();
      assertThat(throttle.backedOff("plc1", plcAddress)).isEmpty();
    }
    assertThat(throttle.failed("plc1", plcAddress)).isEqualTo(Duration.ofSeconds(1));
    assertThat(throttle.backedOff("plc1", laptop)).contains(Duration.ofSeconds(1));
    assertThat(throttle.backedOff("anna", laptop)).as("another name elsewhere").isEmpty();

    advance(Duration.ofSeconds(1));
    assertThat(throttle.backedOff("plc1", plcAddress)).isEmpty();
    assertThat(throttle.failed("plc1", plcAddress)).isEqualTo(Duration.ofSeconds(2));
    advance(Duration.ofSeconds(2));
    assertThat(throttle.failed("plc1", plcAddress)).isEqualTo(Duration.ofSeconds(4));
    for (int i = 0; i < 10; i++) {
      advance(Duration.ofMinutes(1));
      throttle.failed("plc1", plcAddress);
    }
    assertThat(throttle.backedOff("plc1", plcAddress)).contains(Duration.ofSeconds(30));
  }

  @Test
  void tenFailuresFromOneAddressBackOffEveryNameFromThere() {
    for (int i = 0; i < 10; i++) {
      assertThat(throttle.failed("user" + i, laptop)).isZero();
    }
    assertThat(throttle.failed("user10", laptop)).isEqualTo(Duration.ofSeconds(1));
    assertThat(throttle.backedOff("anna", laptop)).isPresent();
    assertThat(throttle.backedOff("anna", plcAddress)).isEmpty();
  }

  @Test
  void aSuccessfulLoginStartsAfresh() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("plc1", plcAddress);
    }
    advance(Duration.ofSeconds(1));
    throttle.succeeded("plc1", plcAddress);
    assertThat(throttle.failed("plc1", plcAddress)).isZero();
  }

  @Test
  void failuresAreForgottenAfterAQuietQuarterOfAnHour() {
    for (int i = 0; i < 3; i++) {
      throttle.failed("plc1", plcAddress);
    }
    advance(Duration.ofMinutes(16));
    assertThat(throttle.failed("plc1", plcAddress)).isZero();
  }

  @Test
  void aUserNameIsLoggedOnOneLine() {
    assertThat(PasswordLogin.printable("evil\nINFO fake line")).isEqualTo("evil?INFO fake line");
    assertThat(PasswordLogin.printable("x".repeat(100))).isEqualTo("x".repeat(64) + "...");
  }
}
