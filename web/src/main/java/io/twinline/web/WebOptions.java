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
 * @param tls the key store to serve HTTPS (and WSS) with, or empty for plain HTTP
 */
public record WebOptions(int port, String bindAddress, Optional<Role> anonymous, Users users,
    Optional<Tls> tls) {

  /**
   * HTTPS with a PKCS#12 key store: the OPC UA server's own ({@code Pki.keyStore()}), so the
   * browser is shown the certificate the PLCs trust.
   */
  public record Tls(java.nio.file.Path keyStore, char[] password) {}

  public static final int DEFAULT_PORT = 8080;

  public WebOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--http-port must be 0..65535, was " + port);
    }
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(anonymous, "anonymous");
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(tls, "tls");
  }

  public WebOptions(int port, String bindAddress, Optional<Role> anonymous, Users users) {
    this(port, bindAddress, anonymous, users, Optional.empty());
  }

  /** Serves HTTPS with the key store {@code keyStore} (PKCS#12), whose password is given. */
  public WebOptions withTls(java.nio.file.Path keyStore, char[] password) {
    return new WebOptions(port, bindAddress, anonymous, users,
        Optional.of(new Tls(keyStore, password.clone())));
  }

  /** Port 8080 on every interface, anonymous requests as engineer, no users. */
  public static WebOptions defaults() {
    return new WebOptions(DEFAULT_PORT, "0.0.0.0", Optional.of(Role.ENGINEER), Users.none());
  }

  public WebOptions withPort(int newPort) {
    return new WebOptions(newPort, bindAddress, anonymous, users, tls);
  }

  public WebOptions withBindAddress(String address) {
    return new WebOptions(port, address, anonymous, users, tls);
  }

  /** The role of requests without credentials; null refuses them (401). */
  public WebOptions withAnonymous(Role role) {
    return new WebOptions(port, bindAddress, Optional.ofNullable(role), users, tls);
  }

  public WebOptions withUsers(Users newUsers) {
    return new WebOptions(port, bindAddress, anonymous, newUsers, tls);
  }
}
