package io.twinline.cli;

import io.twinline.line.InvalidDefinitionException;
import io.twinline.line.Problem;
import io.twinline.line.model.LineDefinition;
import io.twinline.opcua.ServedLine;
import io.twinline.opcua.ServerOptions;
import io.twinline.opcua.TwinlineServer;
import io.twinline.opcua.security.Role;
import io.twinline.opcua.security.Users;
import io.twinline.sim.run.SimulationRunner;
import io.twinline.sim.run.TimeMode;
import io.twinline.sim.time.SimTime;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code twinline serve}: simulates a line and serves it over OPC UA until Ctrl-C. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Simulate a line and serve its signals over OPC UA until Ctrl-C.",
      "Without --line it runs the demo conveyor (line-definitions/demo-conveyor.yaml)."
    })
final class ServeCommand implements Callable<Integer> {

  /** Exit code meaning "the JVM shuts down by itself": Ctrl-C ended the run. */
  static final int KEEP_RUNNING_UNTIL_SHUTDOWN = -1;

  static final int EXIT_BAD_INPUT = 2;
  static final int EXIT_SIMULATION_FAILED = 3;

  @Option(
      names = {"-l", "--line"},
      paramLabel = "FILE",
      description = "Line file, or the name of an example line (default: ${DEFAULT-VALUE}).")
  String line = LineFiles.defaultLine();

  @Option(
      names = "--faults",
      paramLabel = "FILE",
      description = "A fault file ('faults:' and a list, as in line files) to schedule.")
  String faults;

  @Option(
      names = {"-p", "--port"},
      paramLabel = "PORT",
      description = "OPC UA TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port = ServerOptions.DEFAULT_PORT;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, all interfaces).")
  String bind = "0.0.0.0";

  @Option(
      names = "--hostname",
      paramLabel = "NAME",
      description = "Host name to put in endpoint URLs (default: the --bind address if it is"
          + " one address, else this machine's name).")
  String hostname;

  @Option(
      names = "--time-mode",
      paramLabel = "MODE",
      description = "realtime, scaled, afap or stepped (default: ${DEFAULT-VALUE}).")
  String timeMode = "realtime";

  @Option(
      names = "--speed",
      paramLabel = "FACTOR",
      description = "Simulated seconds per wall second with --time-mode scaled (default: "
          + "${DEFAULT-VALUE}).")
  double speed = 1.0;

  @Option(
      names = "--pki",
      paramLabel = "DIR",
      description = "PKI folder: own/ (the server's certificate, made on first start), trusted/,"
          + " rejected/ (default: ${DEFAULT-VALUE}).")
  String pki = ServerOptions.defaults().pki().toString();

  @Option(
      names = "--no-security-none",
      description = "Offer no unsecured endpoint: clients must sign or sign and encrypt.")
  boolean noSecurityNone;

  @Option(
      names = "--trust-all-clients",
      description = "Accept every client certificate without checking (lab use only).")
  boolean trustAllClients;

  @Option(
      names = "--anonymous",
      paramLabel = "ROLE",
      description = "Role of anonymous sessions: observer, plc, engineer, or off to refuse them"
          + " (default: ${DEFAULT-VALUE}).")
  String anonymous = "engineer";

  @Option(
      names = "--users",
      paramLabel = "FILE",
      description = "Users file: 'users:' and a list of {name, role, password} with password"
          + " hashes from 'twinline hash-password'.")
  String users;

  @Spec CommandSpec spec;

  @Option(
      names = "--controller",
      paramLabel = "SPEC",
      description = "Run a control program in process on the served line, in simulated time"
          + " (restarted with every reset): reference, class:NAME (default: none, the PLC is"
          + " outside).")
  String controller = "none";

  @Option(
      names = "--lock-step",
      description = "Lock-step with the PLC over Simulation/StepRequest and StepAck: time moves"
          + " one I/O cycle per scan the PLC acknowledges (implies --time-mode stepped).")
  boolean lockStep;

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      description = "Port of the web console and HTTP API; 0 picks a free one (default: 8080;"
          + " if 8080 is taken, the line is served without the console).")
  Integer httpPort;

  @Option(names = "--https", description = "Serve the web console and HTTP API over TLS, with"
      + " the OPC UA server's certificate (the PKI folder's own/).")
  boolean https;

  @Option(names = "--no-http", description = "Serve no web console and no HTTP API.")
  boolean noHttp;

  /** Endpoints for PLCs that are not OPC UA clients (Modbus TCP). */
  @picocli.CommandLine.Mixin CouplingOptions coupling = new CouplingOptions();

  /**
   * A line being simulated and served, with the endpoints attached to it (closed first, last
   * attached first).
   */
  record Serving(ServedLine line, java.util.List<AutoCloseable> attachments)
      implements AutoCloseable {
    Serving(ServedLine line) {
      this(line, java.util.Collections.synchronizedList(new java.util.ArrayList<>()));
    }

    /** Attaches {@code endpoint}: closed before the line, after those attached later. */
    void attach(AutoCloseable endpoint) {
      attachments.add(endpoint);
    }

    /** Closes the attached endpoints, last attached first, and leaves the line open. */
    void closeAttachments() {
      synchronized (attachments) {
        try {
          for (int i = attachments.size() - 1; i >= 0; i--) {
            attachments.get(i).close();
          }
          attachments.clear();
        } catch (Exception e) {
          throw new IllegalStateException("closing an endpoint: " + e, e);
        }
      }
    }

    SimulationRunner runner() {
      return line.runner();
    }

    TwinlineServer server() {
      return line.opcUa();
    }

    @Override
    public void close() {
      try {
        closeAttachments();
      } finally {
        line.close();
      }
    }
  }

  /** The command's arguments were wrong; the message is printed, the exit code returned. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused() {
      super("refused", null, false, false);
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Serving serving;
    try {
      serving = open(out, err);
    } catch (Refused e) {
      return EXIT_BAD_INPUT;
    }
    // The hook first: a service manager may stop the server while the console still starts.
    AtomicBoolean interrupted = new AtomicBoolean();
    Thread hook =
        new Thread(
            () -> {
              interrupted.set(true);
              serving.close(); // the console first (the last attachment): it reads the line
              out.println(
                  "Stopped at simulated time " + SimTime.format(serving.runner().simTime()) + ".");
              out.flush();
            },
            "twinline-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      io.twinline.web.WebConsole web = startWeb(serving, out, err);
      if (web != null) {
        serving.attach(web);
      }
    } catch (Refused e) {
      Runtime.getRuntime().removeShutdownHook(hook);
      serving.close();
      return EXIT_BAD_INPUT;
    }

    try {
      serving.runner().termination().join();
    } catch (CompletionException e) {
      serving.closeAttachments();
      serving.server().close();
      err.println(
          "twinline serve: the simulation failed and was stopped: " + e.getCause().getMessage());
      err.flush();
      Runtime.getRuntime().removeShutdownHook(hook);
      return EXIT_SIMULATION_FAILED;
    }
    return interrupted.get() ? KEEP_RUNNING_UNTIL_SHUTDOWN : 0;
  }

  /**
   * Loads the line, starts the simulation and the server, and prints where to connect.
   *
   * @throws Refused after printing why, if the line or an option is wrong or the port is taken
   */
  Serving open(PrintWriter out, PrintWriter err) throws Refused {
    return open(out, err, runner -> { });
  }

  /**
   * As {@link #open(PrintWriter, PrintWriter)}, with {@code beforeStart} told the runner before
   * its simulation starts (to subscribe a recorder that must see the first snapshot, say).
   */
  Serving open(PrintWriter out, PrintWriter err,
      java.util.function.Consumer<SimulationRunner> beforeStart) throws Refused {
    LineDefinition definition;
    TimeMode mode;
    java.util.List<io.twinline.line.fault.FaultSpec> faultSpecs = java.util.List.of();
    try {
      definition = LineFiles.load(line);
      if (faults != null) {
        faultSpecs = io.twinline.line.LineDefinitions.readFaults(java.nio.file.Path.of(faults),
            definition);
      }
      mode = TimeMode.parse(timeMode);
      serverOptions();
      coupling.check(definition);
      if (mode == TimeMode.SCALED && !(speed > 0)) {
        throw new IllegalArgumentException("--speed must be positive, was " + speed);
      }
    } catch (InvalidDefinitionException e) {
      e.problems().stream().map(Problem::format).forEach(err::println);
      err.printf(
          "refused, %d problem%s%n", e.problems().size(), e.problems().size() == 1 ? "" : "s");
      err.flush();
      throw new Refused();
    } catch (IllegalArgumentException e) {
      err.println("twinline serve: " + e.getMessage());
      err.flush();
      throw new Refused();
    }

    ServedLine.Options options = ServedLine.Options.of(definition)
        .withTime(mode, speed)
        .withFaults(faultSpecs)
        .withServer(serverOptions());
    if (lockStep) {
      options = options.withLockStep(java.time.Duration.ofSeconds(10));
    }
    java.util.Optional<java.util.function.Supplier<io.twinline.sim.controller.ControlProgram>>
        program;
    try {
      program = io.twinline.sim.controller.Controllers.resolve(controller, definition);
    } catch (IllegalArgumentException e) {
      err.println("twinline serve: --controller: " + e.getMessage());
      err.flush();
      throw new Refused();
    }
    java.util.function.Consumer<SimulationRunner> prepare = runner -> {
      program.ifPresent(p -> io.twinline.sim.controller.SoftPlc.serve(runner, p,
          definition.ioCycle()));
      beforeStart.accept(runner);
    };
    ServedLine served;
    try {
      served = ServedLine.start(options, prepare);
    } catch (IOException | RuntimeException e) {
      err.println("twinline serve: " + e.getMessage());
      err.flush();
      throw new Refused();
    }
    printBanner(out, definition, served.runner(), served.opcUa());
    if (program.isPresent()) {
      out.println("Controller: " + io.twinline.sim.controller.Controllers.describe(controller,
          definition) + ", in process, scanning every I/O cycle");
    }
    if (lockStep) {
      out.println("Lock-step: the simulation runs one I/O cycle each time the PLC writes"
          + " Simulation/StepRequest to Simulation/StepAck.");
      out.flush();
    }
    Serving serving = new Serving(served);
    try {
      coupling.attach(serving, out);
    } catch (IOException | RuntimeException e) {
      serving.close();
      err.println("twinline serve: " + e.getMessage());
      err.flush();
      throw new Refused();
    }
    return serving;
  }

  /**
   * Starts the web console on the served line, with the OPC UA server's users and anonymous
   * role, and prints its address; null with --no-http, or (after a note) when the default port
   * is taken.
   *
   * @throws Refused after printing why, if a port given with --http-port cannot be bound
   */
  io.twinline.web.WebConsole startWeb(Serving serving, PrintWriter out, PrintWriter err)
      throws Refused {
    if (noHttp) {
      return null;
    }
    ServerOptions server = serverOptions();
    io.twinline.web.WebOptions options = io.twinline.web.WebOptions.defaults()
        .withPort(httpPort == null ? io.twinline.web.WebOptions.DEFAULT_PORT : httpPort)
        .withBindAddress(bind)
        .withAnonymous(server.anonymous().orElse(null))
        .withUsers(server.users());
    try {
      if (https) {
        io.twinline.opcua.security.Pki pki = serving.server().pki();
        options = options.withTls(pki.keyStore(), pki.keyStorePassword());
      }
      io.twinline.web.WebConsole web = io.twinline.web.WebConsole.start(serving.runner(), options);
      TwinlineServer opcUa = serving.server();
      io.micrometer.core.instrument.Gauge.builder("twinline_opcua_sessions", opcUa,
          TwinlineServer::sessionCount).description("OPC UA sessions").register(web.metrics());
      io.micrometer.core.instrument.Gauge.builder("twinline_opcua_monitored_items", opcUa,
          s -> s.namespace().pushedItemCount()).description("OPC UA monitored items fed by pushes")
          .register(web.metrics());
      String host = hostname != null ? hostname
          : bind.equals("0.0.0.0") ? "localhost" : bind;
      out.printf("Web console: %s://%s:%d/ (HTTP API under /api, see /api/openapi.yaml)%n",
          https ? "https" : "http", host, web.port());
      out.flush();
      return web;
    } catch (IOException | IllegalArgumentException e) {
      if (httpPort == null) {
        out.println("Web console: not served, " + e.getMessage());
        out.flush();
        return null;
      }
      err.println("twinline serve: " + e.getMessage());
      err.flush();
      throw new Refused();
    }
  }

  /**
   * The server options from the command line.
   *
   * @throws IllegalArgumentException naming the option that is wrong
   */
  ServerOptions serverOptions() {
    ServerOptions options =
        ServerOptions.defaults()
            .withPort(port)
            .withBindAddress(bind)
            .withPki(java.nio.file.Path.of(pki))
            .withAllowNone(!noSecurityNone)
            .withTrustAllClients(trustAllClients);
    if (hostname != null) {
      options = options.withHostname(hostname);
    }
    if (anonymous.equalsIgnoreCase("off")) {
      options = options.withAnonymous(null);
    } else {
      options =
          options.withAnonymous(
              Role.parse(anonymous)
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "--anonymous must be observer, plc, engineer or off, was '"
                                  + anonymous
                                  + "'")));
    }
    if (users != null) {
      try {
        options = options.withUsers(Users.read(java.nio.file.Path.of(users)));
      } catch (InvalidDefinitionException e) {
        throw new IllegalArgumentException("--users: " + e.getMessage(), e);
      }
    }
    if (options.anonymous().isEmpty() && options.users().isEmpty()) {
      throw new IllegalArgumentException(
          "--anonymous off needs --users, or nobody could log in");
    }
    return options;
  }

  private static String formatCycle(java.time.Duration cycle) {
    return cycle.toNanos() % 1_000_000 == 0
        ? cycle.toMillis() + " ms"
        : cycle.toNanos() / 1000.0 + " µs";
  }

  private static void printBanner(
      PrintWriter out, LineDefinition definition, SimulationRunner runner, TwinlineServer server) {
    out.printf("Twinline %s%n", Version.current());
    out.printf(
        "Line %s from %s: %d components, %d signals%n",
        definition.name(), definition.file(), definition.components().size(),
        definition.signals().size());
    out.printf(
        "Simulation: %s, I/O cycle %s%n",
        runner.mode().keyword(), formatCycle(runner.ioCycle()));
    out.printf(
        "OPC UA endpoint: %s (or %s)%n", server.endpointUrl(), server.bareEndpointUrl());
    out.printf("Security: %s; PKI in %s%n", server.securitySummary(), server.pki().root());
    out.printf("Browse: Objects/Twinline/%s/<component>/<signal>%n", definition.name());
    out.println("Press Ctrl-C to stop.");
    out.flush();
  }
}
