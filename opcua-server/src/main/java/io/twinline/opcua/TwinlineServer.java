package io.twinline.opcua;

import static org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS;
import static org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.twinline.opcua.namespace.DeferredCalls;
import io.twinline.opcua.namespace.LineNamespace;
import io.twinline.opcua.net.ConnectionGuard;
import io.twinline.opcua.security.LoginThrottle;
import io.twinline.opcua.security.PasswordLogin;
import io.twinline.opcua.security.Pki;
import io.twinline.opcua.security.Roles;
import io.twinline.sim.run.SimulationRunner;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfigLimits;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.IdentityValidator;
import org.eclipse.milo.opcua.sdk.server.util.HostnameUtil;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded OPC UA server of one simulated line: a Milo server with the line's namespace,
 * listening on TCP with the endpoints, identities and limits of its {@link ServerOptions}. Start
 * it with {@link #start}, stop it with {@link #close()}.
 */
public final class TwinlineServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TwinlineServer.class);

  public static final String APPLICATION_URI = "urn:twinline:server";
  public static final String PRODUCT_URI = "https://github.com/twinline/twinline";
  private static final int BIND_ATTEMPTS = 5;

  /** Security policies and modes offered besides None. */
  private static final List<Secure> SECURE_ENDPOINTS =
      List.of(
          new Secure(SecurityPolicy.Basic256Sha256, MessageSecurityMode.Sign),
          new Secure(SecurityPolicy.Basic256Sha256, MessageSecurityMode.SignAndEncrypt),
          new Secure(SecurityPolicy.Aes128_Sha256_RsaOaep, MessageSecurityMode.Sign),
          new Secure(SecurityPolicy.Aes128_Sha256_RsaOaep, MessageSecurityMode.SignAndEncrypt));

  private record Secure(SecurityPolicy policy, MessageSecurityMode mode) {}

  private final OpcUaServer server;
  private final LineNamespace namespace;
  private final Pki pki;
  private final int port;
  private final String endpointUrl;
  private final ServerOptions options;
  private final OrphanedSubscriptions orphans;
  private final ConnectionGuard guard;

  private TwinlineServer(
      OpcUaServer server,
      LineNamespace namespace,
      Pki pki,
      int port,
      String endpointUrl,
      ServerOptions options,
      ConnectionGuard guard) {
    this.server = server;
    this.guard = guard;
    this.namespace = namespace;
    this.pki = pki;
    this.port = port;
    this.endpointUrl = endpointUrl;
    this.options = options;
    this.orphans = new OrphanedSubscriptions(server);
    NoSessionDiagnostics.apply(server);
  }

  /**
   * Starts a server for the line {@code runner} simulates. The runner may already be running.
   *
   * @throws IOException if the port cannot be bound (the message names address and port) or the
   *     PKI folder cannot be set up
   */
  public static TwinlineServer start(SimulationRunner runner, ServerOptions options)
      throws IOException {
    String hostname = options.hostname().orElseGet(() -> advertised(options.bindAddress()));
    Set<String> hostnames = hostnames(options, hostname);
    Pki pki = Pki.open(options.pki(), APPLICATION_URI, hostnames, options.trustAllClients());
    IOException last = null;
    int attempts = options.port() == 0 ? BIND_ATTEMPTS : 1;
    for (int attempt = 0; attempt < attempts; attempt++) {
      int port = options.port() == 0 ? freePort(options.bindAddress()) : options.port();
      try {
        return startOn(runner, options, pki, hostname, hostnames, port);
      } catch (IOException e) {
        last = e;
        LOG.debug("binding port {} failed: {}", port, e.getMessage());
      }
    }
    pki.close();
    throw last;
  }

  /**
   * The host an endpoint URL names when no host name is given: the bind address when it is one
   * address (a client can reach the server only there: {@code --bind 127.0.0.1} advertises
   * {@code opc.tcp://127.0.0.1:...}, not a name that resolves elsewhere), this machine's name
   * when the server listens on every interface.
   */
  static String advertised(String bindAddress) {
    String address = bindAddress == null ? "" : bindAddress.strip();
    if (address.isEmpty() || address.equals("0.0.0.0") || address.equals("::")
        || address.equals("[::]")) {
      return HostnameUtil.getHostname();
    }
    return address;
  }

  private static TwinlineServer startOn(
      SimulationRunner runner,
      ServerOptions options,
      Pki pki,
      String hostname,
      Set<String> hostnames,
      int port)
      throws IOException {
    ConnectionGuard guard =
        new ConnectionGuard(options.limits().connections(), options.limits().maxSessions());
    OpcUaServerConfig config =
        OpcUaServerConfig.builder()
            .setApplicationUri(APPLICATION_URI)
            .setApplicationName(LocalizedText.english("Twinline " + runner.plant().name()))
            .setProductUri(PRODUCT_URI)
            .setBuildInfo(
                new BuildInfo(
                    PRODUCT_URI,
                    "Twinline",
                    "Twinline virtual commissioning server",
                    version(),
                    "",
                    DateTime.now()))
            .setCertificateManager(pki.certificateManager())
            .setIdentityValidator(identityValidator(options))
            .setLimits(limits(options.limits(), guard.miloMaxSessions()))
            .setEndpoints(endpoints(options, port, hostnames, pki.certificate()))
            .build();
    DeferredCalls deferredCalls = new DeferredCalls();
    ConnectionRefusals refusals = new ConnectionRefusals(servedPaths(options), System::nanoTime);
    OpcUaServer server =
        new OpcUaServer(config, profile -> guard.transport(refusals::install,
            tcp -> new OrderedWritesTransport(tcp, deferredCalls)));
    guard.watch(server);
    Roles roles = new Roles(options.anonymous(), options.users());
    LineNamespace namespace = new LineNamespace(server, runner, roles, deferredCalls);
    namespace.startup();
    // Milo keys its service handlers by path and installs its defaults for every endpoint path.
    for (String path : servedPaths(options)) {
      server.addServiceSet(path, new AccessLevelCheckedWrites(server, namespace, roles));
      server.addServiceSet(path, new RevisedSessionTimeouts(server));
    }
    try {
      server.startup().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      namespace.shutdown();
      shutdownQuietly(server);
      Throwable cause = e.getCause();
      // Milo logs the bind failure and reports only "no endpoints bound"; find out why.
      String whyNot = bindProblem(options.bindAddress(), port);
      if (whyNot != null) {
        throw new BindException(
            "cannot listen on " + options.bindAddress() + ":" + port + " (" + whyNot
                + "); is another server using the port? Try --port 0 for a free one");
      }
      throw new IOException("the OPC UA server did not start: " + cause, cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting the OPC UA server", e);
    } catch (TimeoutException e) {
      throw new IOException("the OPC UA server did not start within 30 s", e);
    }
    String url = "opc.tcp://" + hostname + ":" + port + options.path();
    return new TwinlineServer(server, namespace, pki, port, url, options, guard);
  }

  private static IdentityValidator identityValidator(ServerOptions options) {
    List<IdentityValidator> validators = new ArrayList<>();
    if (options.anonymous().isPresent()) {
      validators.add(AnonymousIdentityValidator.INSTANCE);
    }
    if (!options.users().isEmpty()) {
      validators.add(new PasswordLogin(options.users(), new LoginThrottle()));
    }
    return new CompositeValidator(validators);
  }

  private static OpcUaServerConfigLimits limits(ServerOptions.Limits limits, int maxSessions) {
    return new OpcUaServerConfigLimits() {
      @Override
      public UInteger getMaxSessions() {
        return uint(maxSessions);
      }

      @Override
      public UInteger getMaxSubscriptionsPerSession() {
        return uint(limits.maxSubscriptionsPerSession());
      }

      @Override
      public UInteger getMaxMonitoredItemsPerSession() {
        return uint(limits.maxMonitoredItemsPerSession());
      }

      @Override
      public UInteger getMaxNodesPerRead() {
        return uint(limits.maxNodesPerRead());
      }

      @Override
      public UInteger getMaxNodesPerWrite() {
        return uint(limits.maxNodesPerWrite());
      }

      @Override
      public Double getMinPublishingInterval() {
        return limits.minPublishingIntervalMillis();
      }

      @Override
      public Double getMinSupportedSampleRate() {
        return 0.0;
      }
    };
  }

  private static Set<String> hostnames(ServerOptions options, String hostname) {
    Set<String> hostnames = new LinkedHashSet<>();
    hostnames.add(hostname);
    hostnames.add("localhost");
    hostnames.add("127.0.0.1");
    hostnames.addAll(HostnameUtil.getHostnames(options.bindAddress(), true, false));
    return hostnames;
  }

  /**
   * The paths sessions can be opened at, as Milo keys them: the configured one and the bare URL
   * ({@code /}), which is how S7, CODESYS and 4diac FORTE configurations are usually written.
   */
  static List<String> servedPaths(ServerOptions options) {
    Set<String> paths = new LinkedHashSet<>();
    paths.add(EndpointUtil.getPath("opc.tcp://host:4840" + options.path()));
    paths.add("/");
    return List.copyOf(paths);
  }

  private static Set<EndpointConfig> endpoints(
      ServerOptions options, int port, Set<String> hostnames, X509Certificate certificate) {
    List<UserTokenPolicy> tokens = new ArrayList<>();
    if (options.anonymous().isPresent()) {
      tokens.add(USER_TOKEN_POLICY_ANONYMOUS);
    }
    if (!options.users().isEmpty()) {
      tokens.add(USER_TOKEN_POLICY_USERNAME);
    }
    Set<EndpointConfig> endpoints = new LinkedHashSet<>();
    for (String path : servedPaths(options)) {
      for (String host : hostnames) {
        String endpointPath = path.equals("/") ? "" : path; // the bare URL has no slash
        endpoints.addAll(endpoints(options, port, host, endpointPath, certificate, tokens));
      }
    }
    return endpoints;
  }

  /**
   * The endpoints of one host name and path. There is no separate discovery endpoint: discovery
   * answers at every path, and a client told to use a discovery URL (open62541 1.3 creates its
   * session there) must be able to open a session at it.
   */
  private static List<EndpointConfig> endpoints(
      ServerOptions options,
      int port,
      String host,
      String path,
      X509Certificate certificate,
      List<UserTokenPolicy> tokens) {
    List<EndpointConfig> endpoints = new ArrayList<>();
    EndpointConfig.Builder base =
        EndpointConfig.newBuilder()
            .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
            .setBindAddress(options.bindAddress())
            .setBindPort(port)
            .setHostname(host)
            .setPath(path)
            .setCertificate(certificate)
            .addTokenPolicies(tokens.toArray(new UserTokenPolicy[0]));
    if (options.allowNone()) {
      endpoints.add(
          base.copy()
              .setSecurityPolicy(SecurityPolicy.None)
              .setSecurityMode(MessageSecurityMode.None)
              .build());
    }
    for (Secure secure : SECURE_ENDPOINTS) {
      endpoints.add(
          base.copy()
              .setSecurityPolicy(secure.policy())
              .setSecurityMode(secure.mode())
              .build());
    }
    return endpoints;
  }

  private static int freePort(String bindAddress) throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), 0));
      return socket.getLocalPort();
    }
  }

  /** Why {@code address:port} cannot be bound right now, or null if it can. */
  private static String bindProblem(String address, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(address), port));
      return null;
    } catch (IOException e) {
      return e.getMessage();
    }
  }

  private static void shutdownQuietly(OpcUaServer server) {
    try {
      server.shutdown().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("OPC UA server shutdown: {}", e.toString());
    }
  }

  static String version() {
    String v = TwinlineServer.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** The TCP port the server listens on (the real one when 0 was asked for). */
  public int port() {
    return port;
  }

  /** The endpoint URL to give a PLC, e.g. {@code opc.tcp://host:4840/twinline}. */
  public String endpointUrl() {
    return endpointUrl;
  }

  /** The endpoint URL without a path, e.g. {@code opc.tcp://host:4840}; it serves the same. */
  public String bareEndpointUrl() {
    return endpointUrl.substring(0, endpointUrl.length() - options.path().length());
  }

  /** Every endpoint URL the server announces, those with the configured path first. */
  public List<String> endpointUrls() {
    return server.getConfig().getEndpoints().stream()
        .map(EndpointConfig::getEndpointUrl)
        .distinct()
        .toList();
  }

  public LineNamespace namespace() {
    return namespace;
  }

  public Pki pki() {
    return pki;
  }

  /**
   * One line for a banner: which security policies and identities the server takes, e.g.
   * {@code None, Basic256Sha256, Aes128_Sha256_RsaOaep; anonymous as engineer, 2 users}.
   */
  public String securitySummary() {
    List<String> policies = new ArrayList<>();
    if (options.allowNone()) {
      policies.add("None");
    }
    SECURE_ENDPOINTS.stream()
        .map(s -> s.policy().name())
        .distinct()
        .forEach(policies::add);
    List<String> identities = new ArrayList<>();
    options.anonymous().ifPresent(r -> identities.add("anonymous as " + r.keyword()));
    if (!options.users().isEmpty()) {
      identities.add(options.users().size() + " user" + (options.users().size() == 1 ? "" : "s"));
    }
    return String.join(", ", policies)
        + "; "
        + String.join(", ", identities)
        + (options.trustAllClients() ? "; trusting every client certificate" : "");
  }

  /** Sessions open now. */
  public int sessionCount() {
    return server.getSessionManager().getAllSessions().size();
  }

  /** TCP connections open now (see {@link ConnectionGuard}). */
  public int openConnections() {
    return guard.openConnections();
  }

  /** The Milo server underneath, for extensions. */
  public OpcUaServer milo() {
    return server;
  }

  /** Closes client sessions and stops listening. Does not stop the simulation. */
  @Override
  public void close() {
    orphans.close();
    // the clients' sessions and connections end first: a PLC writing to the end gets its
    // connection closed, not Bad_NodeIdUnknown from a namespace already taken down
    shutdownQuietly(server);
    namespace.shutdown();
    try {
      pki.close();
    } catch (IOException e) {
      LOG.warn("closing the PKI folder {}: {}", pki.root(), e.toString());
    }
  }
}
