package io.twinline.opcua;

import static io.twinline.opcua.ServerFixture.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.twinline.opcua.net.ConnectionLimits;
import io.twinline.sim.run.TimeMode;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Issue 12, point 8: a socket that sent a HELLO and then nothing used to stay open for ever, and
 * there was no limit on connections (one peer held 19,960 file descriptors). Now a connection
 * without an activated session is closed at the login deadline, and connections are capped in
 * total and per address, the cap logged once.
 */
class ConnectionLimitsTest {

  @TempDir Path pki;
  private ServerFixture fixture;
  private final List<Socket> sockets = new ArrayList<>();
  private ListAppender<ILoggingEvent> log;

  @AfterEach
  void stop() throws Exception {
    for (Socket socket : sockets) {
      socket.close();
    }
    if (log != null) {
      ((Logger) LoggerFactory.getLogger("io.twinline.opcua.net.ConnectionLimiter"))
          .detachAppender(log);
    }
    if (fixture != null) {
      fixture.close();
    }
  }

  private void start(ConnectionLimits limits) throws Exception {
    fixture = ServerFixture.start(TimeMode.SCALED, 1.0, pki,
        o -> o.withLimits(o.limits().withConnections(limits)));
  }

  private Socket hello(String from) throws Exception {
    Socket socket =
        Attacker.helloAndSilence(from, fixture.server.port(), fixture.server.endpointUrl());
    sockets.add(socket);
    return socket;
  }

  private boolean readsSimSeconds(OpcUaClient client) throws UaException {
    return read(client, fixture.simulation("SimSeconds")).statusCode().isGood();
  }

  @Test
  void aConnectionThatSaysHelloAndNothingMoreIsClosedAtTheLoginDeadline() throws Exception {
    start(ConnectionLimits.defaults().withLoginDeadline(Duration.ofMillis(500)));
    OpcUaClient honest = fixture.connect();
    assertThat(readsSimSeconds(honest)).isTrue();

    List<Socket> silent = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      silent.add(hello("127.0.0.1"));
    }
    for (Socket socket : silent) {
      assertThat(Attacker.firstAnswer(socket, 5000)).isEqualTo("ACK");
    }

    await().atMost(Duration.ofSeconds(10))
        .until(() -> silent.stream().allMatch(Attacker::closedByServer));
    assertThat(readsSimSeconds(honest)).as("a logged-in client is not cut off").isTrue();
    assertThat(readsSimSeconds(fixture.connect())).isTrue();
  }

  @Test
  void connectionsBeyondTheCapsAreRefusedAndTheRefusalIsLoggedOnce() throws Exception {
    log = new ListAppender<>();
    log.start();
    ((Logger) LoggerFactory.getLogger("io.twinline.opcua.net.ConnectionLimiter")).addAppender(log);
    start(ConnectionLimits.defaults().withMaxConnections(12, 4));
    OpcUaClient honest = fixture.connect();
    assertThat(readsSimSeconds(honest)).isTrue();

    // 127.0.0.2 and 127.0.0.3 are loopback too: other peers on the same machine
    for (int i = 0; i < 4; i++) {
      assertThat(Attacker.firstAnswer(hello("127.0.0.2"), 5000)).isEqualTo("ACK");
    }
    for (int i = 0; i < 20; i++) {
      assertThat(Attacker.firstAnswer(hello("127.0.0.2"), 5000))
          .as("connection %d over the cap of one address", i + 1)
          .isEmpty();
    }
    for (int i = 0; i < 4; i++) {
      assertThat(Attacker.firstAnswer(hello("127.0.0.3"), 5000))
          .as("another address is still served")
          .isEqualTo("ACK");
    }
    await().until(() -> fixture.server.openConnections() == 9); // the honest one and 2 x 4
    for (int i = 0; i < 3; i++) {
      assertThat(Attacker.firstAnswer(hello("127.0.0.4"), 5000)).isEqualTo("ACK");
    }
    assertThat(Attacker.firstAnswer(hello("127.0.0.5"), 5000))
        .as("over the total cap of 12")
        .isEmpty();

    assertThat(readsSimSeconds(honest)).isTrue();
    List<ILoggingEvent> warnings =
        log.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).getFormattedMessage())
        .contains("refusing OPC UA connections", "4 from 127.0.0.2 (limit 4)");
  }
}
