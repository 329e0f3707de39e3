package io.twinline.opcua.security;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.identity.AbstractUsernameIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.DefaultUsernameIdentity;
import org.eclipse.milo.opcua.sdk.server.identity.Identity;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.SignatureData;
import org.eclipse.milo.opcua.stack.core.types.structured.UserNameIdentityToken;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * User name and password logins against the {@link Users} file, throttled by a {@link
 * LoginThrottle}: while a name or an address is backed off its logins are refused at once with
 * {@code Bad_UserAccessDenied}, the password unchecked. Every failed login is logged with the
 * user name, the client's address and the endpoint; so is every refusal that starts a backoff.
 */
public final class PasswordLogin extends AbstractUsernameIdentityValidator {

  private static final Logger LOG = LoggerFactory.getLogger(PasswordLogin.class);

  private final Users users;
  private final LoginThrottle throttle;

  public PasswordLogin(Users users, LoginThrottle throttle) {
    this.users = users;
    this.throttle = throttle;
  }

  @Override
  protected Identity.UsernameIdentity validateUsernameToken(
      Session session, UserNameIdentityToken token, UserTokenPolicy policy, SignatureData signature)
      throws UaException {
    String user = token.getUserName() == null ? "" : token.getUserName();
    InetAddress address = session.getClientAddress();
    Optional<Duration> backedOff = throttle.backedOff(user, address);
    if (backedOff.isPresent()) {
      LOG.debug("login of user '{}' from {} refused unchecked: backed off for {} ms more",
          printable(user), host(address), backedOff.get().toMillis());
      throw new UaException(StatusCodes.Bad_UserAccessDenied);
    }
    try {
      Identity.UsernameIdentity identity =
          super.validateUsernameToken(session, token, policy, signature);
      throttle.succeeded(user, address);
      return identity;
    } catch (UaException e) {
      Duration refused = throttle.failed(user, address);
      LOG.warn("failed login: user '{}' from {} on {} ({}){}", printable(user), host(address),
          endpoint(session.getEndpoint()), e.getStatusCode(),
          refused.isZero()
              ? ""
              : "; logins of this user or from this address are refused for "
                  + refused.toMillis() + " ms");
      throw e;
    }
  }

  @Override
  protected Identity.@Nullable UsernameIdentity authenticateUsernamePassword(
      Session session, String username, String password) {
    return users.authenticate(username, password).isPresent()
        ? new DefaultUsernameIdentity(username)
        : null;
  }

  private static String host(InetAddress address) {
    return address == null ? "an unknown address" : address.getHostAddress();
  }

  private static String endpoint(EndpointDescription endpoint) {
    if (endpoint == null) {
      return "an unknown endpoint";
    }
    String policy;
    try {
      policy = SecurityPolicy.fromUri(endpoint.getSecurityPolicyUri()).name();
    } catch (UaException e) {
      policy = endpoint.getSecurityPolicyUri();
    }
    return endpoint.getEndpointUrl() + " [" + policy + ", " + endpoint.getSecurityMode() + "]";
  }

  /** A user name fit for one log line: control characters shown as '?', at most 64 of them. */
  static String printable(String name) {
    StringBuilder out = new StringBuilder();
    name.codePoints().limit(64).forEach(c -> out.appendCodePoint(Character.isISOControl(c)
        ? '?' : c));
    return name.codePointCount(0, name.length()) > 64 ? out + "..." : out.toString();
  }
}
