package io.twinline.opcua;

import static io.twinline.opcua.ServerFixture.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.twinline.opcua.net.ConnectionLimits;
import io.twinline.opcua.security.PasswordHash;
import io.twinline.opcua.security.Role;
import io.twinline.opcua.security.Users;
import io.twinline.sim.run.TimeMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.UaResponseMessageType;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.transport.client.OpcClientTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, point 7: CreateSession requests that are never activated used to fill the session
 * limit in a tenth of a second and lock every client out for two minutes. Now they have a pool of
 * their own, evict each other, and expire after the login deadline.
 */
class SessionFloodTest {

  private static final Duration DEADLINE = Duration.ofMillis(2000);

  @TempDir Path pki;
  private ServerFixture fixture;
  private OpcClientTransport attacker;

  @AfterEach
  void stop() throws Exception {
    if (attacker != null) {
      attacker.disconnect();
    }
    if (fixture != null) {
      fixture.close();
    }
  }

  /** Users only (anonymous off) on the None endpoint, as in the report; {@code maxSessions}. */
  private void start(int maxSessions) throws Exception {
    Users users =
        new Users(List.of(new Users.User("plc1", Role.PLC,
            PasswordHash.hash("s7-1500".toCharArray()))));
    fixture =
        ServerFixture.start(TimeMode.SCALED, 1.0, pki, o -> o.withUsers(users).withAnonymous(null)
            .withLimits(withSessions(o.limits(), maxSessions)
                .withConnections(ConnectionLimits.defaults().withLoginDeadline(DEADLINE))));
  }

  private static ServerOptions.Limits withSessions(ServerOptions.Limits l, int maxSessions) {
    return new ServerOptions.Limits(maxSessions, l.maxSubscriptionsPerSession(),
        l.maxMonitoredItemsPerSession(), l.maxNodesPerRead(), l.maxNodesPerWrite(),
        l.minPublishingIntervalMillis(), l.connections());
  }

  private OpcUaClient login() throws UaException {
    return fixture.connect(SecurityPolicy.None, MessageSecurityMode.None,
        b -> b.setIdentityProvider(new UsernameProvider("plc1", "s7-1500")));
  }

  private boolean readsSimSeconds(OpcUaClient client) throws UaException {
    return read(client, fixture.simulation("SimSeconds")).statusCode().isGood();
  }

  /**
   * Sends {@code n} CreateSession requests, 20 on each channel (the attacker opens a new one
   * before the login deadline closes the last); how many were answered Good.
   */
  private int flood(int n) throws Exception {
    int good = 0;
    for (int i = 0; i < n; i++) {
      if (i % 20 == 0) {
        if (attacker != null) {
          attacker.disconnect();
        }
        attacker = Attacker.openChannel(fixture.server.endpointUrl());
      }
      UaResponseMessageType answer = Attacker.createSession(attacker, fixture.server.endpointUrl());
      if (answer.getResponseHeader().getServiceResult().isGood()) {
        good++;
      }
    }
    return good;
  }

  @Test
  void aHundredUnactivatedSessionsLockNoClientOut() throws Exception {
    start(100);
    OpcUaClient before = login();
    assertThat(readsSimSeconds(before)).isTrue();

    long start = System.nanoTime();
    int created = flood(100);
    System.out.printf("100 CreateSession requests in %.0f ms, %d answered Good%n",
        (System.nanoTime() - start) / 1e6, created);

    assertThat(fixture.server.sessionCount())
        .as("the unactivated sessions are held to their pool of %d",
            ConnectionLimits.defaults().maxUnactivatedSessions())
        .isLessThanOrEqualTo(1 + ConnectionLimits.defaults().maxUnactivatedSessions());
    long loginStart = System.nanoTime();
    OpcUaClient after = login();
    System.out.printf("a login right after the flood took %.0f ms%n",
        (System.nanoTime() - loginStart) / 1e6);
    assertThat(readsSimSeconds(after)).isTrue();
    assertThat(readsSimSeconds(before)).isTrue();

    await().atMost(Duration.ofSeconds(10))
        .until(() -> fixture.server.sessionCount() == 2);
  }

  @Test
  void unactivatedSessionsDoNotCountAgainstMaxSessions() throws Exception {
    start(2);
    flood(100);

    OpcUaClient first = login();
    OpcUaClient second = login();
    assertThat(readsSimSeconds(first)).isTrue();
    assertThat(readsSimSeconds(second)).isTrue();
    assertThatThrownBy(this::login)
        .isInstanceOf(UaException.class)
        .satisfies(e -> assertThat(((UaException) e).getStatusCode().getValue())
            .isEqualTo(StatusCodes.Bad_TooManySessions));
  }

  @Test
  void anUnactivatedSessionIsClosedAtTheLoginDeadline() throws Exception {
    start(100);
    flood(3);
    assertThat(fixture.server.sessionCount()).isEqualTo(3);

    await().atLeast(DEADLINE.dividedBy(2)).atMost(Duration.ofSeconds(10))
        .until(() -> fixture.server.sessionCount() == 0);
  }
}
