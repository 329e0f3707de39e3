package io.twinline.opcua;

import static io.twinline.opcua.ServerFixture.read;
import static io.twinline.opcua.ServerFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinline.opcua.security.PasswordHash;
import io.twinline.opcua.security.Role;
import io.twinline.opcua.security.Users;
import io.twinline.sim.run.TimeMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * User names and passwords from a users file, and what each role may do: an observer reads, a PLC
 * also writes outputs, an engineer also calls the simulation's methods.
 */
class UsersAndRolesTest {

  @TempDir Path dir;
  private Path usersFile;
  private ServerFixture fixture;

  @BeforeEach
  void writeUsersFile() throws IOException {
    usersFile = dir.resolve("users.yaml");
    Files.writeString(
        usersFile,
        "users:\n"
            + "  - {name: scada, role: observer, password: \""
            + PasswordHash.hash("look".toCharArray())
            + "\"}\n"
            + "  - {name: plc1, role: plc, password: \""
            + PasswordHash.hash("s7-1500".toCharArray())
            + "\"}\n"
            + "  - {name: anna, role: engineer, password: \""
            + PasswordHash.hash("commissioning".toCharArray())
            + "\"}\n");
  }

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private void start(Role anonymous) throws Exception {
    Users users = Users.read(usersFile);
    fixture =
        ServerFixture.start(
            TimeMode.STEPPED, 1.0, dir.resolve("pki"),
            o -> o.withUsers(users).withAnonymous(anonymous));
  }

  private OpcUaClient login(String user, String password) throws UaException {
    return fixture.connect(
        SecurityPolicy.None,
        MessageSecurityMode.None,
        b -> b.setIdentityProvider(new UsernameProvider(user, password)));
  }

  @Test
  void eachRoleMayDoWhatItsNameSays() throws Exception {
    start(null);
    OpcUaClient scada = login("scada", "look");
    OpcUaClient plc = login("plc1", "s7-1500");
    OpcUaClient anna = login("anna", "commissioning");

    assertThat(read(scada, fixture.signal("Belt/MotorOn")).statusCode().isGood()).isTrue();
    assertThat(write(scada, fixture.signal("Belt/MotorOn"), true).getValue())
        .isEqualTo(StatusCodes.Bad_UserAccessDenied);
    assertThat(fixture.call(scada, "Pause").getStatusCode().getValue())
        .isEqualTo(StatusCodes.Bad_UserAccessDenied);

    assertThat(write(plc, fixture.signal("Belt/MotorOn"), true).isGood()).isTrue();
    assertThat(fixture.call(plc, "Step", 100.0).getStatusCode().getValue())
        .isEqualTo(StatusCodes.Bad_UserAccessDenied);

    assertThat(write(anna, fixture.signal("Cell/Counter"), 3).isGood()).isTrue();
    var stepped = fixture.call(anna, "Step", 100.0);
    assertThat(stepped.getStatusCode().isGood()).isTrue();
    assertThat(stepped.getOutputArguments()[0].value()).isEqualTo(0.1);
    assertThat(read(anna, fixture.signal("Belt/MotorOn")).value().value()).isEqualTo(true);
  }

  @Test
  void theUserAccessLevelTellsEachClientWhatItMayDo() throws Exception {
    start(null);
    OpcUaClient scada = login("scada", "look");
    OpcUaClient plc = login("plc1", "s7-1500");

    Object observerLevel =
        read(scada, fixture.signal("Belt/MotorOn"), AttributeId.UserAccessLevel).value().value();
    Object plcLevel =
        read(plc, fixture.signal("Belt/MotorOn"), AttributeId.UserAccessLevel).value().value();
    Object executable =
        read(plc, fixture.simulation("Pause"), AttributeId.UserExecutable).value().value();

    assertThat(observerLevel.toString()).isEqualTo("1"); // CurrentRead
    assertThat(plcLevel.toString()).isEqualTo("3"); // CurrentRead | CurrentWrite
    assertThat(executable).isEqualTo(false);
  }

  @Test
  void aWrongPasswordOrUnknownUserIsRefused() throws Exception {
    start(null);

    assertThatThrownBy(() -> login("plc1", "wrong"))
        .isInstanceOf(UaException.class)
        .satisfies(e -> assertThat(((UaException) e).getStatusCode().getValue())
            .isEqualTo(StatusCodes.Bad_UserAccessDenied));
    assertThatThrownBy(() -> login("mallory", "s7-1500")).isInstanceOf(UaException.class);
    assertThat(login("plc1", "s7-1500")).isNotNull();
  }

  @Test
  void anonymousCanBeSwitchedOffOrGivenARole() throws Exception {
    start(null);
    assertThatThrownBy(() -> fixture.connect()).isInstanceOf(UaException.class);
    fixture.close();

    start(Role.OBSERVER);
    OpcUaClient anonymous = fixture.connect();
    assertThat(write(anonymous, fixture.signal("Belt/MotorOn"), true).getValue())
        .isEqualTo(StatusCodes.Bad_UserAccessDenied);
    assertThat(write(login("plc1", "s7-1500"), fixture.signal("Belt/MotorOn"), true).isGood())
        .isTrue();
  }

  @Test
  void aUsersFileWithMistakesNamesEveryOne() throws Exception {
    Path bad = dir.resolve("bad-users.yaml");
    Files.writeString(
        bad,
        String.join(
            "\n",
            "users:",
            "  - {name: a, role: operator, password: \"" + PasswordHash.hash("x".toCharArray())
                + "\"}",
            "  - {name: b, role: plc, password: plaintext}",
            "  - {role: plc, password: \"" + PasswordHash.hash("y".toCharArray()) + "\"}",
            ""));

    assertThatThrownBy(() -> Users.read(bad))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("users[0] (a): 'role' must be observer, plc or engineer")
        .hasMessageContaining("users[1] (b): 'password' must be a hash")
        .hasMessageContaining("users[2]: needs a 'name'");
  }

  @Test
  void passwordHashesAreSaltedAndVerified() {
    String first = PasswordHash.hash("secret".toCharArray());
    String second = PasswordHash.hash("secret".toCharArray());

    assertThat(first).isNotEqualTo(second).startsWith("pbkdf2-sha256$");
    assertThat(PasswordHash.matches("secret".toCharArray(), first)).isTrue();
    assertThat(PasswordHash.matches("secret".toCharArray(), second)).isTrue();
    assertThat(PasswordHash.matches("Secret".toCharArray(), first)).isFalse();
    assertThat(PasswordHash.matches("secret".toCharArray(), "pbkdf2-sha256$1$bad$hash")).isFalse();
    assertThat(List.of(first, second)).allMatch(PasswordHash::isHash);
  }
}
