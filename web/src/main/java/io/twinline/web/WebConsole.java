package io.twinline.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.twinline.opcua.security.Role;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.twinline.sim.run.SimulationRunner;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The web console of a served line: the HTTP API, the live stream and the console page, on one
 * Vert.x event loop. Everything goes through the line's control surface and change feed, as
 * OPC UA does; nothing here touches the plant.
 *
 * <p>{@link #start} binds the port and returns once it is listening; {@link #close} stops it
 * (close it before the line).
 */
public final class WebConsole implements AutoCloseable {

  static final long BODY_LIMIT = 1024 * 1024;

  private final Vertx vertx;
  private final HttpServer server;
  private final LiveStream stream;
  private final MeterRegistry registry;

  private WebConsole(Vertx vertx, HttpServer server, LiveStream stream, MeterRegistry registry) {
    this.vertx = vertx;
    this.server = server;
    this.stream = stream;
    this.registry = registry;
  }

  /** The registry {@code /metrics} shows; other endpoints may add their meters. */
  public MeterRegistry metrics() {
    return registry;
  }

  /**
   * Serves the console of {@code runner}'s line.
   *
   * @throws IOException if the port cannot be bound (the message names it)
   */
  public static WebConsole start(SimulationRunner runner, WebOptions options) throws IOException {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions()
            .setEventLoopPoolSize(1)
            .setWorkerPoolSize(2)
            // loading the OpenAPI contract (checked against the 3.1 meta-schema) holds the loop
            // once at the start, for seconds on a loaded 2-core machine; nothing else comes close
            .setMaxEventLoopExecuteTime(10)
            .setMaxEventLoopExecuteTimeUnit(TimeUnit.SECONDS)
            .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true))
            .setFileSystemOptions(new FileSystemOptions()
                .setFileCachingEnabled(false)
                .setClassPathResolvingEnabled(true)))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
    Context context = vertx.getOrCreateContext();
    CompletableFuture<WebConsole> started = new CompletableFuture<>();
    context.runOnContext(v -> {
      try {
        EventLog events = new EventLog();
        Trends trends = new Trends();
        LiveStream stream = new LiveStream(vertx, context, runner, events, trends);
        ConsoleMetrics.bind(registry, runner, stream);
        HttpServerOptions serverOptions = new HttpServerOptions()
            .setPort(options.port())
            .setHost(options.bindAddress())
            .setCompressionSupported(true);
        options.tls().ifPresent(tls -> serverOptions.setSsl(true).setKeyCertOptions(
            new io.vertx.core.net.KeyStoreOptions().setType("PKCS12")
                .setPath(tls.keyStore().toAbsolutePath().toString())
                .setPassword(new String(tls.password()))));
        HttpServer server = vertx.createHttpServer(serverOptions);
        OpenApiBodies.load(vertx, resource("openapi.yaml")).compose(bodies -> {
          Router router = router(vertx, context, runner, options, stream, events, trends,
              bodies);
          router.get("/metrics").handler(new Access(vertx, options).require(Role.OBSERVER))
              .handler(rc -> rc.response()
                  .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                  .end(ConsoleMetrics.scrape(registry)));
          return server.requestHandler(router).listen();
        }).onComplete(result -> {
          if (result.succeeded()) {
            stream.start();
            started.complete(new WebConsole(vertx, server, stream, registry));
          } else {
            started.completeExceptionally(result.cause());
          }
        });
      } catch (RuntimeException e) {
        started.completeExceptionally(e);
      }
    });
    try {
      return started.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      vertx.close();
      Throwable cause = e.getCause();
      if (cause instanceof java.net.BindException || String.valueOf(cause.getMessage())
          .contains("Address already in use")) {
        throw new IOException("HTTP port " + options.port() + " on " + options.bindAddress()
            + " is in use; choose another with --http-port (0 picks a free one)", cause);
      }
      throw new IOException("the web console could not start: " + cause.getMessage(), cause);
    } catch (InterruptedException | TimeoutException e) {
      vertx.close();
      throw new IOException("the web console did not start in time", e);
    }
  }

  private static Router router(Vertx vertx, Context context, SimulationRunner runner,
      WebOptions options, LiveStream stream, EventLog events, Trends trends,
      OpenApiBodies schemas) {
    Access access = new Access(vertx, options);
    Replies replies = new Replies(context, runner.control(), stream, events);
    Router router = Router.router(vertx);
    // bodies for PUT, POST and DELETE only: a GET may be a WebSocket upgrade, whose request
    // must stay unread (a route limited to those methods would make every unknown GET a 405)
    BodyHandler reader = BodyHandler.create(false).setBodyLimit(BODY_LIMIT);
    router.route().handler(rc -> {
      HttpMethod method = rc.request().method();
      if (method == HttpMethod.PUT || method == HttpMethod.POST || method == HttpMethod.DELETE) {
        reader.handle(rc);
      } else {
        rc.next();
      }
    });
    router.route().handler(schemas.handler());
    SignalRoutes signals = new SignalRoutes(runner, context, access, replies);
    signals.route(router);
    new ControlRoutes(runner, context, access, replies).route(router);
    new LineRoutes(runner, access, signals, events, trends, stream).route(router);
    router.get("/api/stream").handler(access.require(Role.OBSERVER))
        .handler(rc -> stream(rc, stream));
    page(router, access, "/", "console/index.html", "text/html; charset=utf-8");
    page(router, access, "/console.js", "console/console.js",
        "text/javascript; charset=utf-8");
    page(router, access, "/console.css", "console/console.css", "text/css; charset=utf-8");
    page(router, access, "/api/openapi.yaml", "openapi.yaml", "application/yaml");
    router.errorHandler(404, rc -> HttpProblem.send(rc, 404, "there is no "
        + rc.request().method() + " " + rc.request().path() + "; GET /api/openapi.yaml lists"
        + " the API", null));
    router.errorHandler(405, rc -> HttpProblem.send(rc, 405, rc.request().method()
        + " is not allowed on " + rc.request().path(), null));
    router.errorHandler(413, rc -> HttpProblem.send(rc, 413, "the body is larger than "
        + BODY_LIMIT + " bytes", "body"));
    router.errorHandler(500, rc -> HttpProblem.send(rc, 500, "the server failed: "
        + (rc.failure() == null ? "unknown" : rc.failure().toString()), null));
    return router;
  }

  private static void stream(RoutingContext rc, LiveStream stream) {
    long since = 0;
    String given = rc.queryParams().get("since");
    if (given != null) {
      try {
        since = Long.parseLong(given);
      } catch (NumberFormatException e) {
        HttpProblem.send(rc, 400, "since is a frame number, not '" + given + "'", "since");
        return;
      }
    }
    if (!rc.request().canUpgradeToWebSocket()) {
      HttpProblem.send(rc, 400, "/api/stream is a WebSocket: connect with ws://", null);
      return;
    }
    long from = since;
    rc.request().toWebSocket().onSuccess(socket -> stream.attach(socket, from))
        .onFailure(rc::fail);
  }

  /** Serves a resource of this package, read once. */
  private static void page(Router router, Access access, String path, String resource,
      String type) {
    Buffer body = Buffer.buffer(resource(resource));
    router.get(path).handler(access.require(Role.OBSERVER)).handler(rc -> rc.response()
        .putHeader("Content-Type", type)
        .putHeader("Cache-Control", "no-cache")
        .end(body));
  }

  private static byte[] resource(String name) {
    try (InputStream in = WebConsole.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The port it listens on (the one chosen, for port 0). */
  public int port() {
    return server.actualPort();
  }

  /** Viewers of the live stream now. */
  public int viewers() {
    return stream.viewers();
  }

  @Override
  public void close() {
    CompletableFuture<Void> closed = new CompletableFuture<>();
    vertx.runOnContext(v -> {
      stream.close();
      vertx.close().onComplete(r -> closed.complete(null));
    });
    try {
      closed.get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // closing as far as it got: the JVM is usually on its way out
    }
  }
}
