package io.twinline.web;

import io.twinline.opcua.security.Role;
import io.twinline.opcua.security.Users;
import java.util.Objects;
import java.util.Optional;

/**
 * How the web console is served: immutable; each {@code withX} returns a new one.
 *
 * @param port TCP port; 0 picks a free one
 * @param bindAddress the address to listen on
 * @param anonymous the role of a request without credentials, or empty to answer it 401
 * @param users who may log in (HTTP Basic), with their roles: the OPC UA server's users file
 */
public record WebOptions(int port, String bindAddress, Optional<Role> anonymous, Users users) {

  public static final int DEFAULT_PORT = 8080;

  public WebOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--http-port must be 0..65535, was " + port);
    }
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(anonymous, "anonymous");
    Objects.requireNonNull(users, "users");
  }

  /** Port 8080 on every interface, anonymous requests as engineer, no users. */
  public static WebOptions defaults() {
    return new WebOptions(DEFAULT_PORT, "0.0.0.0", Optional.of(Role.ENGINEER), Users.none());
  }

  public WebOptions withPort(int newPort) {
    return new WebOptions(newPort, bindAddress, anonymous, users);
  }

  public WebOptions withBindAddress(String address) {
    return new WebOptions(port, address, anonymous, users);
  }

  /** The role of requests without credentials; null refuses them (401). */
  public WebOptions withAnonymous(Role role) {
    return new WebOptions(port, bindAddress, Optional.ofNullable(role), users);
  }

  public WebOptions withUsers(Users newUsers) {
    return new WebOptions(port, bindAddress, anonymous, newUsers);
  }
}
