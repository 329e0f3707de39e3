package io.twinline.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.opcua.security.PasswordHash;
import io.twinline.opcua.security.Role;
import io.twinline.opcua.security.Users;
import io.twinline.sim.run.TimeMode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OPC UA server's users and roles on HTTP: observer reads, plc writes, engineer steers. */
class AccessTest {

  private static ConsoleFixture web;

  @BeforeAll
  static void serve() throws Exception {
    String hash = PasswordHash.hash("secret".toCharArray());
    Users users = new Users(List.of(
        new Users.User("olga", Role.OBSERVER, hash),
        new Users.User("plc1", Role.PLC, hash),
        new Users.User("anna", Role.ENGINEER, hash)));
    web = new ConsoleFixture(TimeMode.STEPPED,
        WebOptions.defaults().withAnonymous(null).withUsers(users));
  }

  @AfterAll
  static void stop() {
    web.close();
  }

  private HttpResponse<Buffer> as(String user, String password, HttpMethod method, String path,
      JsonObject body) throws Exception {
    var request = web.request(method, path).basicAuthentication(user, password);
    return ConsoleFixture.await(body == null ? request.send() : request.sendJsonObject(body));
  }

  @Test
  void withoutCredentialsARequestIsUnauthorizedWithAChallenge() throws Exception {
    HttpResponse<Buffer> response = web.get("/api/signals");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.getHeader("WWW-Authenticate")).startsWith("Basic");
  }

  @Test
  void aWrongPasswordIsUnauthorized() throws Exception {
    assertThat(as("anna", "guess", HttpMethod.GET, "/api/signals", null).statusCode())
        .isEqualTo(401);
  }

  @Test
  void anObserverReadsButMayNotWrite() throws Exception {
    assertThat(as("olga", "secret", HttpMethod.GET, "/api/signals", null).statusCode())
        .isEqualTo(200);

    HttpResponse<Buffer> write = as("olga", "secret", HttpMethod.PUT,
        "/api/signals/Belt/MotorOn", new JsonObject().put("value", true));

    assertThat(write.statusCode()).isEqualTo(403);
    assertThat(write.bodyAsJsonObject().getString("detail"))
        .contains("olga has the role observer; this needs plc");
  }

  @Test
  void aPlcWritesOutputsButMayNotForceOrSteerTime() throws Exception {
    assertThat(as("plc1", "secret", HttpMethod.PUT, "/api/signals/Belt/MotorOn",
        new JsonObject().put("value", true)).statusCode()).isEqualTo(200);
    assertThat(as("plc1", "secret", HttpMethod.PUT, "/api/signals/Belt/AtEnd",
        new JsonObject().put("value", true).put("force", true)).statusCode()).isEqualTo(403);
    assertThat(as("plc1", "secret", HttpMethod.POST, "/api/sim/pause", null).statusCode())
        .isEqualTo(403);
  }

  @Test
  void anEngineerSteersTimeAndInjectsFaults() throws Exception {
    assertThat(as("anna", "secret", HttpMethod.POST, "/api/sim/pause", null).statusCode())
        .isEqualTo(200);
    assertThat(as("anna", "secret", HttpMethod.POST, "/api/faults",
        new JsonObject().put("target", "Belt").put("kind", "jam")).statusCode()).isEqualTo(200);
  }

  @Test
  void healthNeedsNoLogin() throws Exception {
    assertThat(web.get("/api/health").statusCode()).isEqualTo(200);
  }
}
