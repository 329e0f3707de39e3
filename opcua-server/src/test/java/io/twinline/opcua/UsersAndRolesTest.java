package io.twinline.opcua;

import static io.twinline.opcua.ServerFixture.read;
import static io.twinline.opcua.ServerFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinline.line.InvalidDefinitionException;
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
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("bad-users.yaml:2:21: users[0].role: 'operator' is not a role")
        .hasMessageContaining("bad-users.yaml:3:36: users[1].password: the password must be a hash")
        .hasMessageContaining("bad-users.yaml:4:5: users[2]: a user needs 'name'");
  }

  @Test
  void hashesThatCannotBeVerifiedOrWouldBurnACoreAndDuplicateNamesAreAllRefusedAtOnce()
      throws Exception {
    String good = PasswordHash.hash("x".toCharArray());
    String[] parts = good.split("\\$");
    String salt = parts[2];
    String hash = parts[3];
    Path bad = dir.resolve("attack-users.yaml");
    Files.writeString(
        bad,
        String.join(
            "\n",
            "users:",
            "  - {name: a, role: plc, password: \"pbkdf2-sha256$abc$" + salt + "$" + hash + "\"}",
            "  - {name: b, role: plc, password: \"pbkdf2-sha256$-5$" + salt + "$" + hash + "\"}",
            "  - {name: c, role: plc, password: \"pbkdf2-sha256$1$" + salt + "$" + hash + "\"}",
            "  - {name: d, role: plc, password: \"pbkdf2-sha256$2000000000$" + salt + "$" + hash
                + "\"}",
            "  - {name: e, role: plc, password: \"pbkdf2-sha256$120000$no*base64$" + hash + "\"}",
            "  - {name: f, role: plc, password: \"pbkdf2-sha256$120000$$" + hash + "\"}",
            "  - {name: g, role: plc, password: \"" + good + "\"}",
            "  - {name: g, role: engineer, password: \"" + good + "\"}",
            ""));

    List<String> problems;
    try {
      Users.read(bad);
      throw new AssertionError("expected the users file to be refused");
    } catch (InvalidDefinitionException e) {
      problems = e.problems().stream().map(p -> p.format()).toList();
    }

    assertThat(problems)
        .extracting(p -> p.substring(p.indexOf("attack-users.yaml"),
            p.indexOf(": ", p.indexOf(": ") + 2)))
        .containsExactly(
            "attack-users.yaml:2:36: users[0].password",
            "attack-users.yaml:3:36: users[1].password",
            "attack-users.yaml:4:36: users[2].password",
            "attack-users.yaml:5:36: users[3].password",
            "attack-users.yaml:6:36: users[4].password",
            "attack-users.yaml:7:36: users[5].password",
            "attack-users.yaml:9:12: users[7].name");
    assertThat(String.join("\n", problems))
        .contains("the hash's iterations 'abc' are not a whole number")
        .contains("the hash's iterations -5 are outside 10000..10000000 (too weak)")
        .contains("the hash's iterations 1 are outside 10000..10000000 (too weak)")
        .contains("the hash's iterations 2000000000 are outside 10000..10000000"
            + " (each login would take minutes)")
        .contains("the hash's salt is not valid Base64")
        .contains("the hash's salt is empty")
        .contains("user 'g' is defined twice (first at line 8)")
        .contains("hint: paste the line 'twinline hash-password' prints");
    assertThat(PasswordHash.matches("x".toCharArray(),
            "pbkdf2-sha256$2000000000$" + salt + "$" + hash))
        .as("a hash refused at start is never run either")
        .isFalse();
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
