package io.twinline.opcua;

import io.twinline.opcua.net.ConnectionLimits;
import io.twinline.opcua.security.Role;
import io.twinline.opcua.security.Users;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How the OPC UA server listens, secures itself and protects itself. Immutable; each {@code withX}
 * returns a new object.
 *
 * @param bindAddress the address to listen on; {@code 0.0.0.0} for all
 * @param port the TCP port; 0 picks a free one (see {@link TwinlineServer#port()})
 * @param path the endpoint path, e.g. {@code /twinline}
 * @param hostname the host name put into endpoint URLs; empty for this machine's name
 * @param pki the PKI folder (own certificate, trusted and rejected client certificates)
 * @param allowNone whether the endpoint without security is offered
 * @param trustAllClients accept every client certificate (for the lab only)
 * @param anonymous the role of anonymous clients; empty: anonymous login is refused
 * @param users who may log in with user name and password
 * @param limits what protects the server from greedy clients
 */
public record ServerOptions(
    String bindAddress,
    int port,
    String path,
    Optional<String> hostname,
    Path pki,
    boolean allowNone,
    boolean trustAllClients,
    Optional<Role> anonymous,
    Users users,
    Limits limits) {

  public static final int DEFAULT_PORT = 4840;

  /**
   * Limits that protect the server.
   *
   * @param maxSessions sessions across all clients
   * @param maxSubscriptionsPerSession subscriptions of one session
   * @param maxMonitoredItemsPerSession monitored items of one session
   * @param maxNodesPerRead nodes in one Read
   * @param maxNodesPerWrite nodes in one Write
   * @param minPublishingIntervalMillis the shortest publishing interval granted
   * @param connections how many connections are taken and how long one has to log in (see
   *     docs/security.md)
   */
  public record Limits(
      int maxSessions,
      int maxSubscriptionsPerSession,
      int maxMonitoredItemsPerSession,
      int maxNodesPerRead,
      int maxNodesPerWrite,
      double minPublishingIntervalMillis,
      ConnectionLimits connections) {

    public static Limits defaults() {
      return new Limits(100, 50, 250_000, 10_000, 10_000, 1.0, ConnectionLimits.defaults());
    }

    public Limits withConnections(ConnectionLimits newConnections) {
      return new Limits(maxSessions, maxSubscriptionsPerSession, maxMonitoredItemsPerSession,
          maxNodesPerRead, maxNodesPerWrite, minPublishingIntervalMillis, newConnections);
    }
  }

  public ServerOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    path = path.startsWith("/") ? path : "/" + path;
    Objects.requireNonNull(pki, "pki");
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(limits, "limits");
  }

  /**
   * Port 4840 on every interface, path {@code /twinline}, PKI in {@code ./pki}, the None endpoint
   * and the secure ones, anonymous clients as engineers, no users.
   */
  public static ServerOptions defaults() {
    return new ServerOptions("0.0.0.0", DEFAULT_PORT, "/twinline", Optional.empty(),
        Path.of("pki"), true, false, Optional.of(Role.ENGINEER), Users.none(), Limits.defaults());
  }

  public ServerOptions withPort(int newPort) {
    return new ServerOptions(bindAddress, newPort, path, hostname, pki, allowNone,
        trustAllClients, anonymous, users, limits);
  }

  public ServerOptions withBindAddress(String address) {
    return new ServerOptions(address, port, path, hostname, pki, allowNone, trustAllClients,
        anonymous, users, limits);
  }

  public ServerOptions withHostname(String name) {
    return new ServerOptions(bindAddress, port, path, Optional.ofNullable(name), pki, allowNone,
        trustAllClients, anonymous, users, limits);
  }

  public ServerOptions withPki(Path folder) {
    return new ServerOptions(bindAddress, port, path, hostname, folder, allowNone,
        trustAllClients, anonymous, users, limits);
  }

  public ServerOptions withAllowNone(boolean allow) {
    return new ServerOptions(bindAddress, port, path, hostname, pki, allow, trustAllClients,
        anonymous, users, limits);
  }

  public ServerOptions withTrustAllClients(boolean trustAll) {
    return new ServerOptions(bindAddress, port, path, hostname, pki, allowNone, trustAll,
        anonymous, users, limits);
  }

  /** The role of anonymous clients; null refuses anonymous login. */
  public ServerOptions withAnonymous(Role role) {
    return new ServerOptions(bindAddress, port, path, hostname, pki, allowNone,
        trustAllClients, Optional.ofNullable(role), users, limits);
  }

  public ServerOptions withUsers(Users newUsers) {
    return new ServerOptions(bindAddress, port, path, hostname, pki, allowNone,
        trustAllClients, anonymous, newUsers, limits);
  }

  public ServerOptions withLimits(Limits newLimits) {
    return new ServerOptions(bindAddress, port, path, hostname, pki, allowNone,
        trustAllClients, anonymous, users, newLimits);
  }
}
