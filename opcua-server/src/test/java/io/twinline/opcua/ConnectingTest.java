package io.twinline.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.twinline.line.LineDefinitions;
import io.twinline.opcua.namespace.TwinlineNodeIds;
import io.twinline.sim.run.TimeMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.ApplicationType;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.ApplicationDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.CreateSessionRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CreateSessionResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.OpenSecureChannelResponse;
import org.eclipse.milo.opcua.stack.core.util.NonceUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * Every client stack gets a session: at the bare URL as at the path, at the URLs discovery hands
 * out, on the first secure channel after a start; and a client that cannot be served is told so
 * in one log line and a plain reason, while everyone else is still served.
 */
class ConnectingTest {

  @TempDir Path dir;
  private ServerFixture fixture;
  private ListAppender<ILoggingEvent> log;

  @AfterEach
  void stop() {
    if (log != null) {
      root().detachAppender(log);
    }
    if (fixture != null) {
      fixture.close();
    }
  }

  private void start() throws Exception {
    fixture = ServerFixture.start(TimeMode.SCALED, 1.0, dir.resolve("pki"), o -> o);
    log = new ListAppender<>();
    log.start();
    root().addAppender(log);
  }

  private static ch.qos.logback.classic.Logger root() {
    return ((LoggerContext) LoggerFactory.getILoggerFactory())
        .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private String bareUrl() {
    return "opc.tcp://127.0.0.1:" + fixture.server.port();
  }

  /** A Milo client with security None whose session is created at exactly {@code url}. */
  private OpcUaClient connectAt(String url) throws Exception {
    OpcUaClient client =
        OpcUaClient.create(
            url,
            endpoints ->
                endpoints.stream()
                    .filter(e -> e.getSecurityPolicyUri().equals(SecurityPolicy.None.getUri()))
                    .findFirst()
                    .map(e -> at(e, url)),
            transport -> {},
            builder -> builder.setApplicationUri("urn:twinline:test-client"));
    client.connect();
    return client;
  }

  private static EndpointDescription at(EndpointDescription e, String url) {
    return new EndpointDescription(
        url,
        e.getServer(),
        e.getServerCertificate(),
        e.getSecurityMode(),
        e.getSecurityPolicyUri(),
        e.getUserIdentityTokens(),
        e.getTransportProfileUri(),
        e.getSecurityLevel());
  }

  private DataValue readSimSeconds(OpcUaClient client) throws Exception {
    return ServerFixture.read(client, fixture.simulation("SimSeconds"));
  }

  @Test
  void aSessionOpensAtTheBareUrl() throws Exception {
    start();

    OpcUaClient client = connectAt(bareUrl());
    try {
      assertThat(fixture.server.bareEndpointUrl()).isEqualTo(bareUrl());
      assertThat(readSimSeconds(client).statusCode().isGood()).isTrue();
      assertThat(fixture.server.milo().getSessionManager().getAllSessions())
          .extracting(s -> s.getEndpoint().getEndpointUrl())
          .containsExactly(bareUrl());
    } finally {
      client.disconnect();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/", "/twinline", "/twinline/"})
  void aHelloIsAcknowledgedAtTheBareUrlAndAtThePath(String path) throws Exception {
    start();

    try (RawUascClient raw = new RawUascClient(fixture.server.port())) {
      assertThat(raw.hello(bareUrl() + path).type()).isEqualTo("ACK");
    }
  }

  @Test
  void aHelloForAUrlThatIsNotServedIsRefusedInOneLineNamingTheUrlsToUse() throws Exception {
    start();

    RawUascClient.Message answer;
    try (RawUascClient raw = new RawUascClient(fixture.server.port())) {
      answer = raw.hello(bareUrl() + "/OPCUA/SimulationServer");
      assertThat(raw.closedByServer()).isTrue();
    }
    try (RawUascClient again = new RawUascClient(fixture.server.port())) {
      assertThat(again.hello(bareUrl() + "/other").type()).isEqualTo("ERR");
    }

    assertThat(answer.type()).isEqualTo("ERR");
    assertThat(answer.error().getError().value()).isEqualTo(StatusCodes.Bad_TcpEndpointUrlInvalid);
    String use = "use " + bareUrl() + "/twinline or " + bareUrl();
    assertThat(answer.error().getReason()).contains(use);
    assertThat(log.list).singleElement().satisfies(line -> {
      assertThat(line.getLevel()).isEqualTo(Level.WARN);
      assertThat(line.getThrowableProxy()).isNull();
      assertThat(line.getFormattedMessage())
          .contains("/OPCUA/SimulationServer", use)
          .doesNotContain("\n");
    });
  }

  /**
   * Garbage of four kinds: no OPC UA message type, a huge length, an OPN whose policy URI is
   * longer than any limit, one whose policy URI is longer than the message (Milo's reason was
   * the text of an IndexOutOfBoundsException).
   */
  @ParameterizedTest
  @ValueSource(strings = {"XYZF\u0010\u0000\u0000\u0000garbage!", "OPNF\u00ff\u00ff\u00ff\u0000",
      "OPNF\u0010\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u00ff\u00ff\u00ff\u007f",
      "OPNF\u0014\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0009\u0000\u0000\u0000abcd"})
  void garbageAfterHelloIsOneLogLineAndAPlainReasonAndEveryoneElseIsServed(String garbage)
      throws Exception {
    start();
    byte[] bytes = garbage.getBytes(StandardCharsets.ISO_8859_1);

    RawUascClient.Message answer;
    try (RawUascClient raw = new RawUascClient(fixture.server.port())) {
      assertThat(raw.hello(fixture.server.endpointUrl()).type()).isEqualTo("ACK");
      raw.send(bytes);
      answer = raw.read();
    }
    for (int i = 0; i < 20; i++) {
      try (RawUascClient raw = new RawUascClient(fixture.server.port())) {
        raw.hello(fixture.server.endpointUrl());
        raw.send(bytes);
        assertThat(raw.read().type()).isEqualTo("ERR");
      }
    }

    assertThat(answer.type()).isEqualTo("ERR");
    assertThat(answer.error().getReason())
        .isNotBlank()
        .doesNotContainIgnoringCase("exception")
        .doesNotContain("java.", "io.netty", "org.eclipse", "status=");
    assertThat(log.list).singleElement().satisfies(line -> {
      assertThat(line.getLevel()).isEqualTo(Level.WARN);
      assertThat(line.getThrowableProxy()).isNull();
      assertThat(line.getFormattedMessage()).contains("127.0.0.1").doesNotContain("\n");
    });
    OpcUaClient next = fixture.connect();
    assertThat(readSimSeconds(next).statusCode().isGood()).isTrue();
  }

  @Test
  void anOpenSecureChannelRequestThatCannotBeDecodedIsOneLogLine() throws Exception {
    start();
    byte[] notARequest = "not an OpenSecureChannelRequest".getBytes(StandardCharsets.US_ASCII);

    for (int i = 0; i < 3; i++) {
      try (RawUascClient raw = new RawUascClient(fixture.server.port())) {
        assertThat(raw.hello(fixture.server.endpointUrl()).type()).isEqualTo("ACK");
        raw.sendOpenSecureChannel(notARequest);
        assertThat(raw.closedByServer()).isTrue();
      }
    }

    assertThat(log.list).singleElement().satisfies(line -> {
      assertThat(line.getLevel()).isEqualTo(Level.WARN);
      assertThat(line.getThrowableProxy()).isNull();
      assertThat(line.getFormattedMessage()).contains("127.0.0.1", "no secure channel");
    });
  }

  @Test
  void theFirstSecureChannelAfterAStartHasTokenIdOneAndANonZeroChannelId() throws Exception {
    start();

    OpenSecureChannelResponse first;
    OpenSecureChannelResponse second;
    try (RawUascClient raw = new RawUascClient(fixture.server.port())) {
      raw.hello(fixture.server.endpointUrl());
      first = raw.openSecureChannel();
    }
    try (RawUascClient raw = new RawUascClient(fixture.server.port())) {
      raw.hello(fixture.server.endpointUrl());
      second = raw.openSecureChannel();
    }

    assertThat(first.getSecurityToken().getTokenId().longValue()).isEqualTo(1);
    assertThat(first.getSecurityToken().getChannelId().longValue()).isNotZero();
    assertThat(second.getSecurityToken().getTokenId().longValue()).isEqualTo(2);
  }

  @Test
  void findServersHandsOutOnlyUrlsWhereASessionOpens() throws Exception {
    start();

    List<ApplicationDescription> servers =
        DiscoveryClient.findServers(fixture.server.endpointUrl()).get(10, TimeUnit.SECONDS);

    List<String> discoveryUrls = List.of(servers.get(0).getDiscoveryUrls());
    assertThat(discoveryUrls).first().isEqualTo(fixture.server.endpointUrl());
    for (String url : discoveryUrls) {
      OpcUaClient client = connectAt(url);
      try {
        assertThat(readSimSeconds(client).statusCode().isGood()).as(url).isTrue();
      } finally {
        client.disconnect();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, -1.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void aCreateSessionWithAnOddTimeoutIsAnsweredWithARevisedOne(double requested)
      throws Exception {
    start();
    OpcUaClient client = fixture.connect();

    var request =
        new CreateSessionRequest(
            client.newRequestHeader(),
            new ApplicationDescription("urn:twinline:test-client", null,
                LocalizedText.english("odd timeout"), ApplicationType.Client, null, null, null),
            null,
            fixture.server.endpointUrl(),
            "odd timeout",
            NonceUtil.generateNonce(32),
            ByteString.NULL_VALUE,
            requested,
            uint(0));
    var response =
        (CreateSessionResponse) client.sendRequestAsync(request).get(10, TimeUnit.SECONDS);

    assertThat(response.getRevisedSessionTimeout()).isBetween(5_000.0, 120_000.0);
  }

  @Test
  void theTwinlineNamespaceHasIndexTwoAfterMilosTwo() throws Exception {
    for (var line : List.of(ServerFixture.testCell(),
        LineDefinitions.example(LineDefinitions.DEFAULT_LINE))) {
      try (ServerFixture served =
          ServerFixture.start(line, TimeMode.STEPPED, 1.0, dir.resolve("pki-ns"), o -> o)) {
        OpcUaClient client = served.connect();
        String[] namespaces =
            (String[]) ServerFixture.read(client, NodeIds.Server_NamespaceArray).value().value();

        assertThat(namespaces).containsExactly(
            "http://opcfoundation.org/UA/", TwinlineServer.APPLICATION_URI,
            TwinlineNodeIds.NAMESPACE_URI);
        assertThat(served.ids().namespaceIndex().intValue()).isEqualTo(2);
      }
    }
  }
}
