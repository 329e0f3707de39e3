package io.twinline.web;

import io.twinline.line.LineDefinitions;
import io.twinline.line.model.LineDefinition;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.run.SimulationRunner;
import io.twinline.sim.run.TimeMode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.TimeUnit;

/** A line simulated and served by a web console on a free port, and a Vert.x web client. */
final class ConsoleFixture implements AutoCloseable {

  static final String LINE = """
      line: R
      ioCycle: 10 ms
      components:
        - {name: Start, type: push-button}
        - {name: Feeder, type: source, interval: 5 s, part: {type: box, length: 0.2 m},
           to: Belt}
        - {name: Belt, type: conveyor, length: 2.0 m, speed: 0.5 m/s, to: Out,
           signals: {MotorOn: {tag: Q_Belt}}}
        - {name: AtEnd, type: photo-eye, conveyor: Belt, position: 2.0 m}
        - {name: Out, type: sink}
        - {name: Var, type: variables, variables: [
             {name: X, type: Int16, direction: input},
             {name: Level, type: Double, direction: output, unit: "%", range: [0, 100]}]}
      recipes:
        - {name: small, signals: {Var/X: 1}}
        - {name: large, signals: {Var/X: 2}}
      """;

  final SimulationRunner runner;
  final WebConsole console;
  final Vertx vertx = Vertx.vertx();
  final WebClient client = WebClient.create(vertx);

  ConsoleFixture(TimeMode mode, WebOptions options) throws Exception {
    this(LineDefinitions.parse("r.yaml", LINE), mode, options);
  }

  ConsoleFixture(LineDefinition line, TimeMode mode, WebOptions options) throws Exception {
    runner = new SimulationRunner(Plant.build(line), mode, 1.0);
    runner.start();
    console = WebConsole.start(runner, options.withPort(0).withBindAddress("127.0.0.1"));
  }

  static ConsoleFixture stepped() throws Exception {
    return new ConsoleFixture(TimeMode.STEPPED, WebOptions.defaults());
  }

  int port() {
    return console.port();
  }

  HttpRequest<Buffer> request(HttpMethod method, String path) {
    return client.request(method, port(), "127.0.0.1", path);
  }

  static HttpResponse<Buffer> await(Future<HttpResponse<Buffer>> response) throws Exception {
    return response.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  HttpResponse<Buffer> get(String path) throws Exception {
    return await(request(HttpMethod.GET, path).send());
  }

  HttpResponse<Buffer> send(HttpMethod method, String path, JsonObject body) throws Exception {
    return await(body == null ? request(method, path).send()
        : request(method, path).sendJsonObject(body));
  }

  HttpResponse<Buffer> put(String path, JsonObject body) throws Exception {
    return send(HttpMethod.PUT, path, body);
  }

  HttpResponse<Buffer> post(String path, JsonObject body) throws Exception {
    return send(HttpMethod.POST, path, body);
  }

  HttpResponse<Buffer> delete(String path) throws Exception {
    return send(HttpMethod.DELETE, path, null);
  }

  @Override
  public void close() {
    client.close();
    vertx.close();
    console.close();
    runner.close();
  }
}
