package io.twinline.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every endpoint of the HTTP API, good requests and bad, against a real server and client. */
class HttpApiTest {

  private ConsoleFixture web;

  @BeforeEach
  void serve() throws Exception {
    web = ConsoleFixture.stepped();
  }

  @AfterEach
  void stop() {
    web.close();
  }

  private static JsonObject json(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject();
  }

  private static void assertProblem(HttpResponse<Buffer> response, int status, String detail,
      String field) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
    JsonObject body = json(response);
    assertThat(body.getInteger("status")).isEqualTo(status);
    assertThat(body.getString("detail")).contains(detail);
    assertThat(body.getString("field")).isEqualTo(field);
  }

  @Test
  void theLineComesWithItsLayoutAndEverySignal() throws Exception {
    JsonObject line = json(web.get("/api/line"));

    assertThat(line.getString("name")).isEqualTo("R");
    JsonObject belt = line.getJsonArray("components").stream().map(JsonObject.class::cast)
        .filter(c -> c.getString("name").equals("Belt")).findFirst().orElseThrow();
    assertThat(belt.getString("to")).isEqualTo("Out");
    assertThat(belt.getDouble("length")).isEqualTo(2.0);
    JsonObject eye = line.getJsonArray("components").stream().map(JsonObject.class::cast)
        .filter(c -> c.getString("name").equals("AtEnd")).findFirst().orElseThrow();
    assertThat(eye.getString("conveyor")).isEqualTo("Belt");
    assertThat(eye.getDouble("x")).isGreaterThan(belt.getDouble("x"));
    assertThat(line.getJsonArray("signals").stream().map(JsonObject.class::cast)
        .map(s -> s.getString("path"))).contains("Belt/MotorOn", "Belt/AtEnd", "Var/Level");
  }

  @Test
  void signalsListEveryValueAndFilterByComponentDirectionAndName() throws Exception {
    JsonObject all = json(web.get("/api/signals"));
    JsonObject outputs = json(web.get("/api/signals?direction=output"));
    JsonObject belt = json(web.get("/api/signals?component=Belt"));
    JsonObject named = json(web.get("/api/signals?name=q_belt"));

    assertThat(all.getInteger("count")).isEqualTo(all.getJsonArray("signals").size())
        .isGreaterThanOrEqualTo(7);
    assertThat(outputs.getJsonArray("signals").stream().map(JsonObject.class::cast)
        .allMatch(s -> s.getString("direction").equals("output"))).isTrue();
    assertThat(belt.getJsonArray("signals").stream().map(JsonObject.class::cast)
        .map(s -> s.getString("path"))).containsExactly("Belt/MotorOn", "Belt/AtEnd");
    JsonObject motor = named.getJsonArray("signals").getJsonObject(0);
    assertThat(motor.getString("path")).isEqualTo("Belt/MotorOn");
    assertThat(motor.getString("tag")).isEqualTo("Q_Belt");
    assertThat(motor.getString("type")).isEqualTo("Boolean");
    assertThat(motor.getBoolean("value")).isFalse();
    assertThat(motor.getBoolean("forced")).isFalse();
    assertThat(motor.getBoolean("faulted")).isFalse();
  }

  @Test
  void aBadFilterIsABadRequestNamingIt() throws Exception {
    assertProblem(web.get("/api/signals?direction=sideways"), 400, "input or output",
        "direction");
  }

  @Test
  void oneSignalByPathOrTagWithItsRange() throws Exception {
    JsonObject level = json(web.get("/api/signals/Var/Level"));
    JsonObject motor = json(web.get("/api/signals/Q_Belt"));

    assertThat(level.getString("unit")).isEqualTo("%");
    assertThat(level.getDouble("max")).isEqualTo(100.0);
    assertThat(motor.getString("path")).isEqualTo("Belt/MotorOn");
  }

  @Test
  void anUnknownSignalIsNotFound() throws Exception {
    assertProblem(web.get("/api/signals/Belt/Nothing"), 404, "no signal 'Belt/Nothing'", "path");
    assertProblem(web.put("/api/signals/Nothing", new JsonObject().put("value", 1)), 404,
        "no signal", "path");
    assertProblem(web.delete("/api/signals/Belt/Nothing/force"), 404, "no signal", "path");
  }

  @Test
  void writingAnOutputSetsItAndAReadShowsIt() throws Exception {
    HttpResponse<Buffer> put = web.put("/api/signals/Belt/MotorOn",
        new JsonObject().put("value", true));

    assertThat(put.statusCode()).as(put.bodyAsString()).isEqualTo(200);
    assertThat(json(put).getBoolean("done")).isTrue();
    assertThat(json(web.get("/api/signals/Belt/MotorOn")).getBoolean("value")).isTrue();
  }

  @Test
  void aValueOfTheWrongTypeOrOutOfRangeIsABadRequestNamingTheField() throws Exception {
    assertProblem(web.put("/api/signals/Belt/MotorOn", new JsonObject().put("value", 3)), 400,
        "takes a Boolean", "value");
    assertProblem(web.put("/api/signals/Var/Level", new JsonObject().put("value", 150)), 400,
        "0.0..100.0", "value");
    assertProblem(web.put("/api/signals/Belt/MotorOn", new JsonObject()), 400,
        "value", "value");
    assertProblem(web.put("/api/signals/Belt/MotorOn", new JsonObject().put("value", true)
        .put("colour", "red")), 400, "colour", "colour");
    assertProblem(web.send(HttpMethod.PUT, "/api/signals/Belt/MotorOn", null), 400,
        "JSON object body", "body");
  }

  @Test
  void aBodyThatIsNotJsonIsABadRequest() throws Exception {
    HttpResponse<Buffer> response = ConsoleFixture.await(
        web.request(HttpMethod.PUT, "/api/signals/Belt/MotorOn").sendBuffer(
            Buffer.buffer("{value: tru")));

    assertProblem(response, 400, "not a JSON object", "body");
  }

  @Test
  void writingAnInputThePlantDrivesIsAConflictWithTheReason() throws Exception {
    HttpResponse<Buffer> response = web.put("/api/signals/Belt/AtEnd",
        new JsonObject().put("value", true));

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(json(response).getString("detail")).contains("an input that the plant drives");
    assertThat(json(response).getString("refusal")).isEqualTo("not_allowed");
  }

  @Test
  void forcingAnInputHoldsItUntilReleased() throws Exception {
    HttpResponse<Buffer> forced = web.put("/api/signals/Belt/AtEnd",
        new JsonObject().put("value", true).put("force", true));

    assertThat(forced.statusCode()).as(forced.bodyAsString()).isEqualTo(200);
    JsonObject eye = json(web.get("/api/signals/Belt/AtEnd"));
    assertThat(eye.getBoolean("value")).isTrue();
    assertThat(eye.getBoolean("forced")).isTrue();

    assertThat(web.delete("/api/signals/Belt/AtEnd/force").statusCode()).isEqualTo(200);
    eye = json(web.get("/api/signals/Belt/AtEnd"));
    assertThat(eye.getBoolean("value")).isFalse();
    assertThat(eye.getBoolean("forced")).isFalse();
  }

  @Test
  void releasingASignalThatIsNotForcedIsAConflict() throws Exception {
    HttpResponse<Buffer> response = web.delete("/api/signals/Belt/AtEnd/force");

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(409);
  }

  @Test
  void aBatchAnswersEveryItemAndOneBadPathDoesNotFailTheRest() throws Exception {
    JsonObject body = new JsonObject().put("signals", new JsonArray()
        .add(new JsonObject().put("path", "Belt/MotorOn").put("value", true))
        .add(new JsonObject().put("path", "Belt/Nothing").put("value", true))
        .add(new JsonObject().put("path", "Var/Level").put("value", "x"))
        .add(new JsonObject().put("path", "Var/Level").put("value", 42.5)));

    HttpResponse<Buffer> response = web.put("/api/signals", body);

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    JsonArray results = json(response).getJsonArray("results");
    assertThat(results.getJsonObject(0).getInteger("status")).isEqualTo(200);
    assertThat(results.getJsonObject(1).getInteger("status")).isEqualTo(404);
    assertThat(results.getJsonObject(1).getString("field")).isEqualTo("signals[1].path");
    assertThat(results.getJsonObject(2).getInteger("status")).isEqualTo(400);
    assertThat(results.getJsonObject(2).getString("field")).isEqualTo("signals[2].value");
    assertThat(results.getJsonObject(3).getInteger("status")).isEqualTo(200);
    assertThat(json(response).getInteger("failed")).isEqualTo(2);
    assertThat(json(web.get("/api/signals/Belt/MotorOn")).getBoolean("value")).isTrue();
    assertThat(json(web.get("/api/signals/Var/Level")).getDouble("value")).isEqualTo(42.5);
  }

  @Test
  void aBatchThatIsNotAListIsABadRequest() throws Exception {
    assertProblem(web.put("/api/signals", new JsonObject().put("signals", 3)), 400,
        "signals", "signals");
  }

  @Test
  void aFaultIsInjectedListedAndCleared() throws Exception {
    HttpResponse<Buffer> injected = web.post("/api/faults", new JsonObject()
        .put("target", "Belt").put("kind", "jam").put("id", "J1"));

    assertThat(injected.statusCode()).as(injected.bodyAsString()).isEqualTo(200);
    JsonArray active = json(web.get("/api/faults")).getJsonArray("active");
    assertThat(active.getJsonObject(0).getString("id")).isEqualTo("J1");
    assertThat(active.getJsonObject(0).getString("kind")).isEqualTo("jam");

    assertThat(web.delete("/api/faults/J1").statusCode()).isEqualTo(200);
    assertThat(json(web.get("/api/faults")).getJsonArray("active")).isEmpty();
  }

  @Test
  void aFaultIdInUseIsAConflictAndAnUnknownOneNotFound() throws Exception {
    web.post("/api/faults", new JsonObject().put("target", "Belt").put("kind", "jam")
        .put("id", "J1"));

    HttpResponse<Buffer> again = web.post("/api/faults", new JsonObject().put("target", "Belt")
        .put("kind", "jam").put("id", "J1"));

    assertThat(again.statusCode()).as(again.bodyAsString()).isEqualTo(409);
    assertThat(web.delete("/api/faults/Nope").statusCode()).isEqualTo(404);
  }

  @Test
  void aFaultOfAnUnknownKindOrWithBadParametersIsABadRequest() throws Exception {
    assertProblem(web.post("/api/faults", new JsonObject().put("target", "Belt")
        .put("kind", "meltdown")), 400, "unknown fault kind", "kind");
    assertProblem(web.post("/api/faults", new JsonObject().put("kind", "jam")), 400,
        "target", "target");
    assertProblem(web.post("/api/faults", new JsonObject().put("target", "Belt")
        .put("kind", "jam").put("parameters", new JsonObject().put("duration", "ten"))), 400,
        "duration", "parameters");
  }

  @Test
  void deletingAllFaultsClearsEveryOne() throws Exception {
    web.post("/api/faults", new JsonObject().put("target", "Belt").put("kind", "jam"));
    web.post("/api/faults", new JsonObject().put("target", "Belt/AtEnd").put("kind", "stuck-at")
        .put("parameters", new JsonObject().put("value", "true")));

    JsonObject cleared = json(web.delete("/api/faults"));

    assertThat(cleared.getJsonArray("cleared")).hasSize(2);
    assertThat(json(web.get("/api/faults")).getJsonArray("active")).isEmpty();
  }

  @Test
  void stepRunsSimulatedTimeWhilePausedAndResumePauseResetSteerIt() throws Exception {
    JsonObject stepped = json(web.post("/api/sim/step",
        new JsonObject().put("milliseconds", 250)));

    assertThat(stepped.getLong("simTime")).isEqualTo(250_000_000L);
    assertThat(json(web.get("/api/sim")).getString("state")).isEqualTo("paused");
    assertThat(web.post("/api/sim/resume", null).statusCode()).isEqualTo(200);
    assertThat(json(web.get("/api/sim")).getString("state")).isEqualTo("running");
    assertThat(web.post("/api/sim/pause", null).statusCode()).isEqualTo(200);
    assertThat(web.post("/api/sim/reset", null).statusCode()).isEqualTo(200);
    assertThat(json(web.get("/api/sim")).getLong("simTime")).isEqualTo(0L);
  }

  @Test
  void aStepWhileRunningIsAConflictAndABadDurationABadRequest() throws Exception {
    web.post("/api/sim/resume", null);

    HttpResponse<Buffer> running = web.post("/api/sim/step",
        new JsonObject().put("milliseconds", 10));

    assertThat(running.statusCode()).isEqualTo(409);
    assertThat(json(running).getString("detail")).contains("pause it first");
    assertProblem(web.post("/api/sim/step", new JsonObject().put("milliseconds", -1)), 400,
        "milliseconds", "milliseconds");
    assertProblem(web.post("/api/sim/fly", null), 404, "no simulation action", "action");
  }

  @Test
  void theSpeedOfASteppedLineCannotChangeAndABadFactorIsABadRequest() throws Exception {
    HttpResponse<Buffer> refused = web.put("/api/sim/speed", new JsonObject().put("factor", 2));

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(json(refused).getString("detail")).contains("stepped mode");
    assertProblem(web.put("/api/sim/speed", new JsonObject().put("factor", "fast")), 400,
        "factor", "factor");
    assertProblem(web.put("/api/sim/speed", new JsonObject().put("factor", -1)), 400,
        "factor", "factor");
  }

  @Test
  void recipesAreListedAndLoaded() throws Exception {
    JsonObject recipes = json(web.get("/api/recipes"));
    assertThat(recipes.getJsonArray("recipes").stream().map(JsonObject.class::cast)
        .map(r -> r.getString("name"))).containsExactly("small", "large");

    assertThat(web.post("/api/recipes/large/load", null).statusCode()).isEqualTo(200);

    assertThat(json(web.get("/api/recipes")).getString("active")).isEqualTo("large");
    assertThat(json(web.get("/api/signals/Var/X")).getInteger("value")).isEqualTo(2);
    assertThat(web.post("/api/recipes/huge/load", null).statusCode()).isEqualTo(404);
  }

  @Test
  void anOperatorDeviceIsOperated() throws Exception {
    HttpResponse<Buffer> pressed = web.post("/api/operate",
        new JsonObject().put("device", "Start").put("action", "press"));

    assertThat(pressed.statusCode()).as(pressed.bodyAsString()).isEqualTo(200);
    assertThat(json(web.get("/api/signals/Start/Contact")).getBoolean("value")).isTrue();
    assertThat(web.post("/api/operate", new JsonObject().put("device", "Nobody")
        .put("action", "press")).statusCode()).isEqualTo(404);
    assertProblem(web.post("/api/operate", new JsonObject().put("device", "Start")), 400,
        "action", "action");
  }

  @Test
  void healthSaysUpWithTheSimulationsState() throws Exception {
    HttpResponse<Buffer> health = web.get("/api/health");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(json(health).getString("status")).isEqualTo("up");
    assertThat(json(health).getString("mode")).isEqualTo("stepped");
  }

  @Test
  void anUnknownPathIsNotFoundWithAProblemBody() throws Exception {
    assertProblem(web.get("/api/nothing"), 404, "there is no GET /api/nothing", null);
  }

  @Test
  void theEventLogListsWhatWasDoneAndByWhom() throws Exception {
    web.put("/api/signals/Belt/AtEnd", new JsonObject().put("value", true).put("force", true));
    web.post("/api/faults", new JsonObject().put("target", "Belt").put("kind", "jam")
        .put("id", "J1"));

    JsonArray events = json(web.get("/api/events")).getJsonArray("events");

    assertThat(events.stream().map(JsonObject.class::cast).map(e -> e.getString("kind")))
        .containsSubsequence("force", "fault");
    assertThat(events.getJsonObject(0).getString("by")).isEqualTo("anonymous");
    assertThat(events.getJsonObject(0).getString("text")).contains("Belt/AtEnd");
  }

  @Test
  void metricsArePrometheusTextWithTheSimulationAndTheStream() throws Exception {
    web.get("/api/health");

    HttpResponse<Buffer> metrics = web.get("/metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.getHeader("Content-Type")).startsWith("text/plain");
    assertThat(metrics.bodyAsString()).contains("twinline_sim_lag_seconds",
        "twinline_sim_events_total", "twinline_io_cycle_overruns_total",
        "twinline_change_feed_backlog", "twinline_stream_viewers", "vertx_http_server_requests");
  }

  @Test
  void theOpenApiDocumentIsServed() throws Exception {
    HttpResponse<Buffer> document = web.get("/api/openapi.yaml");

    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(document.bodyAsString()).startsWith("openapi: 3.1.0").contains("/api/signals:");
  }

  @Test
  void aForceInABatchIsLoggedWithWhoSentIt() throws Exception {
    web.put("/api/signals", new JsonObject().put("signals", new JsonArray()
        .add(new JsonObject().put("path", "Belt/AtEnd").put("value", true).put("force", true))));

    JsonArray events = json(web.get("/api/events")).getJsonArray("events");

    assertThat(events.stream().map(JsonObject.class::cast)
        .filter(e -> e.getString("kind").equals("force")))
        .singleElement().satisfies(e -> assertThat(e.getString("by")).isEqualTo("anonymous"));
  }
}
