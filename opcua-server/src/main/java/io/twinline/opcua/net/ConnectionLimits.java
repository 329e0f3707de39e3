package io.twinline.opcua.net;

import java.time.Duration;
import java.util.Objects;

/**
 * How many connections the OPC UA server takes and how long a client has to log in. Immutable;
 * each {@code withX} returns a new object.
 *
 * @param maxConnections open TCP connections across all clients; one more is closed at once
 * @param maxConnectionsPerAddress open TCP connections from one IP address
 * @param loginDeadline how long a connection may stay open without an activated session, and how
 *     long a created session may stay unactivated
 * @param maxUnactivatedSessions sessions created but not yet activated, across all clients; they
 *     do not count against {@code maxSessions}. When they are all taken, a new CreateSession
 *     closes the oldest one of the address that holds the most.
 */
public record ConnectionLimits(
    int maxConnections,
    int maxConnectionsPerAddress,
    Duration loginDeadline,
    int maxUnactivatedSessions) {

  public ConnectionLimits {
    if (maxConnections < 1 || maxConnectionsPerAddress < 1 || maxUnactivatedSessions < 1) {
      throw new IllegalArgumentException("connection limits must be at least 1");
    }
    Objects.requireNonNull(loginDeadline, "loginDeadline");
    if (loginDeadline.isNegative() || loginDeadline.isZero()) {
      throw new IllegalArgumentException("the login deadline must be positive");
    }
  }

  /** 256 connections, 64 from one address, 10 s to log in, 50 sessions logging in at once. */
  public static ConnectionLimits defaults() {
    return new ConnectionLimits(256, 64, Duration.ofSeconds(10), 50);
  }

  public ConnectionLimits withMaxConnections(int total, int perAddress) {
    return new ConnectionLimits(total, perAddress, loginDeadline, maxUnactivatedSessions);
  }

  public ConnectionLimits withLoginDeadline(Duration deadline) {
    return new ConnectionLimits(
        maxConnections, maxConnectionsPerAddress, deadline, maxUnactivatedSessions);
  }

  public ConnectionLimits withMaxUnactivatedSessions(int max) {
    return new ConnectionLimits(maxConnections, maxConnectionsPerAddress, loginDeadline, max);
  }
}
