package io.twinline.opcua;

import static io.twinline.opcua.ServerFixture.read;
import static io.twinline.opcua.ServerFixture.subscribe;
import static io.twinline.opcua.ServerFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.twinline.opcua.security.PasswordHash;
import io.twinline.opcua.security.Role;
import io.twinline.opcua.security.Users;
import io.twinline.sim.run.TimeMode;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, point 15: an observer could switch on Server/ServerDiagnostics/EnabledFlag (answered
 * Good), and with diagnostics on, every timed-out session stayed in the heap with its
 * subscriptions. Only engineers change anything outside the Twinline namespace, nobody switches
 * on Milo's session diagnostics, and Milo makes no per-session diagnostics objects (in Milo 1.0.5
 * a half-made one held its session for good, diagnostics on or off).
 */
class ServerSettingsTest {

  @TempDir Path pki;
  private ServerFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private void start() throws Exception {
    Users users = new Users(List.of(
        new Users.User("scada", Role.OBSERVER, PasswordHash.hash("look".toCharArray())),
        new Users.User("plc1", Role.PLC, PasswordHash.hash("s7-1500".toCharArray())),
        new Users.User("anna", Role.ENGINEER, PasswordHash.hash("commissioning".toCharArray()))));
    fixture = ServerFixture.start(TimeMode.SCALED, 1.0, pki,
        o -> o.withUsers(users).withAnonymous(null));
  }

  private OpcUaClient login(String user, String password, long sessionTimeoutMillis)
      throws UaException {
    return fixture.connect(SecurityPolicy.None, MessageSecurityMode.None,
        b -> b.setIdentityProvider(new UsernameProvider(user, password))
            .setSessionTimeout(Unsigned.uint(sessionTimeoutMillis)));
  }

  private boolean diagnosticsEnabled(OpcUaClient client) throws UaException {
    return (Boolean) read(client, NodeIds.Server_ServerDiagnostics_EnabledFlag).value().value();
  }

  @Test
  void onlyAnEngineerWritesOutsideTheTwinlineNamespace() throws Exception {
    start();
    OpcUaClient scada = login("scada", "look", 60_000);
    OpcUaClient plc = login("plc1", "s7-1500", 60_000);

    assertThat(write(scada, NodeIds.Server_ServerDiagnostics_EnabledFlag, true).getValue())
        .isEqualTo(StatusCodes.Bad_UserAccessDenied);
    assertThat(write(plc, NodeIds.Server_ServerDiagnostics_EnabledFlag, true).getValue())
        .isEqualTo(StatusCodes.Bad_UserAccessDenied);
    assertThat(write(plc, NodeIds.Server_ServerDiagnostics_EnabledFlag, false).getValue())
        .isEqualTo(StatusCodes.Bad_UserAccessDenied);
    assertThat(write(plc, fixture.signal("Belt/MotorOn"), true).isGood())
        .as("a PLC still writes its outputs").isTrue();
    assertThat(diagnosticsEnabled(scada)).isFalse();
  }

  @Test
  void noOneSwitchesOnSessionDiagnostics() throws Exception {
    start();
    OpcUaClient anna = login("anna", "commissioning", 60_000);

    assertThat(write(anna, NodeIds.Server_ServerDiagnostics_EnabledFlag, true).getValue())
        .isEqualTo(StatusCodes.Bad_NotSupported);
    assertThat(write(anna, NodeIds.Server_ServerDiagnostics_EnabledFlag, false).isGood())
        .isTrue();
    assertThat(diagnosticsEnabled(anna)).isFalse();
  }

  @Test
  void sessionsThatTimedOutLeaveNothingInTheHeap() throws Exception {
    start();
    OpcUaClient anna = login("anna", "commissioning", 60_000);
    write(anna, NodeIds.Server_ServerDiagnostics_EnabledFlag, true);

    List<WeakReference<Session>> vanished = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      vanished.add(vanishingPlc());
    }

    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> {
          System.gc();
          return vanished.stream().allMatch(s -> s.get() == null);
        });
    assertThat(read(anna, fixture.simulation("SimSeconds")).statusCode().isGood()).isTrue();
  }

  /**
   * Without its type Milo makes no per-session diagnostics object (see NoSessionDiagnostics);
   * whether Milo's half-made ones leak in a given run depends on how its shared type cache was
   * filled, so the test above catches the leak in some runs only, this one always.
   */
  @Test
  void milosSessionDiagnosticsObjectTypeIsGone() throws Exception {
    start();
    OpcUaClient anna = login("anna", "commissioning", 60_000);

    assertThat(read(anna, NodeIds.SessionDiagnosticsObjectType, AttributeId.NodeClass)
            .statusCode().getValue())
        .isEqualTo(StatusCodes.Bad_NodeIdUnknown);
    assertThat(read(anna, NodeIds.SessionDiagnosticsVariableType, AttributeId.NodeClass)
            .statusCode().isGood())
        .as("the other diagnostics types stay").isTrue();
  }

  /**
   * A PLC that logs in with a 5 s session timeout, subscribes, and loses power: its connection
   * drops without a CloseSession. A weak reference to its session on the server.
   */
  private WeakReference<Session> vanishingPlc() throws Exception {
    Set<Session> before = new HashSet<>(fixture.server.milo().getSessionManager().getAllSessions());
    OpcUaClient plc = login("plc1", "s7-1500", 5_000);
    subscribe(plc, fixture.signal("Belt/AtEnd"), 10, 0, 10, new CopyOnWriteArrayList<>());
    Session session = fixture.server.milo().getSessionManager().getAllSessions().stream()
        .filter(s -> !before.contains(s))
        .findFirst()
        .orElseThrow();
    plc.getTransport().disconnect().get(10, TimeUnit.SECONDS);
    return new WeakReference<>(session);
  }
}
