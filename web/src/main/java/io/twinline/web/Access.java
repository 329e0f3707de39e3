package io.twinline.web;

import io.twinline.opcua.security.LoginThrottle;
import io.twinline.opcua.security.Role;
import io.twinline.opcua.security.Users;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who is asking, and whether their role allows it: the OPC UA server's users and roles, over
 * HTTP Basic. Observers read; plc writes outputs; engineer also forces, injects faults, steers
 * time, loads recipes and operates devices (what OPC UA's Simulation methods need).
 *
 * <p>Without credentials a request has the anonymous role, or is answered 401 when anonymous
 * access is off; wrong credentials are 401, a role too low 403. Checking a password hash takes
 * a worker thread ~0.1 s, so a login is checked once and remembered (by its header) for ten
 * minutes; repeated failures back off as on OPC UA ({@link LoginThrottle}).
 */
final class Access {

  static final String ROLE = "twinline.role";
  static final String USER = "twinline.user";

  private static final long REMEMBER_NANOS = 600_000_000_000L;

  private record Login(String user, Role role, long at) {}

  private final Vertx vertx;
  private final Optional<Role> anonymous;
  private final Users users;
  private final LoginThrottle throttle = new LoginThrottle();
  private final Map<String, Login> remembered =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Login> eldest) {
          return size() > 256;
        }
      };

  Access(Vertx vertx, WebOptions options) {
    this.vertx = vertx;
    this.anonymous = options.anonymous();
    this.users = options.users();
  }

  /** Lets the request on if its caller has {@code needed} or more, else answers 401/403. */
  Handler<RoutingContext> require(Role needed) {
    return rc -> {
      String header = rc.request().getHeader("Authorization");
      if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
        if (anonymous.isEmpty()) {
          challenge(rc, "log in: this server knows no anonymous users");
          return;
        }
        admit(rc, "anonymous", anonymous.get(), needed);
        return;
      }
      Login known = remembered.get(header);
      if (known != null && System.nanoTime() - known.at() < REMEMBER_NANOS) {
        admit(rc, known.user(), known.role(), needed);
        return;
      }
      String[] credentials = decode(header.substring(6).strip());
      if (credentials == null) {
        challenge(rc, "the Authorization header is not Basic base64(user:password)");
        return;
      }
      InetAddress address = address(rc);
      Optional<java.time.Duration> wait = throttle.backedOff(credentials[0], address);
      if (wait.isPresent()) {
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        rc.response().putHeader("Retry-After", Long.toString(seconds));
        HttpProblem.send(rc, 429, "too many failed logins for " + credentials[0] + "; try again in "
            + seconds + " s", null);
        return;
      }
      rc.request().pause();
      vertx.<Optional<Users.User>>executeBlocking(
              () -> users.authenticate(credentials[0], credentials[1]))
          .onComplete(result -> {
            rc.request().resume();
            Optional<Users.User> user = result.succeeded() ? result.result() : Optional.empty();
            if (user.isEmpty()) {
              throttle.failed(credentials[0], address);
              challenge(rc, "wrong user name or password");
              return;
            }
            throttle.succeeded(credentials[0], address);
            remembered.put(header, new Login(user.get().name(), user.get().role(),
                System.nanoTime()));
            admit(rc, user.get().name(), user.get().role(), needed);
          });
    };
  }

  private static void admit(RoutingContext rc, String user, Role role, Role needed) {
    rc.put(USER, user);
    rc.put(ROLE, role);
    if (role.ordinal() < needed.ordinal()) {
      HttpProblem.send(rc, 403, user + " has the role " + role.keyword() + "; this needs "
          + needed.keyword() + " or more", null);
      return;
    }
    rc.next();
  }

  private static void challenge(RoutingContext rc, String why) {
    rc.response().putHeader("WWW-Authenticate", "Basic realm=\"Twinline\", charset=\"UTF-8\"");
    HttpProblem.send(rc, 401, why, null);
  }

  private static String[] decode(String base64) {
    try {
      String text = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
      int colon = text.indexOf(':');
      return colon < 0 ? null : new String[] {text.substring(0, colon), text.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static InetAddress address(RoutingContext rc) {
    try {
      return InetAddress.getByName(rc.request().remoteAddress().hostAddress());
    } catch (UnknownHostException | RuntimeException e) {
      return InetAddress.getLoopbackAddress();
    }
  }

  /** Whether the request's caller has {@code needed} or more (after {@link #require}). */
  static boolean allows(RoutingContext rc, Role needed) {
    Role role = rc.get(ROLE);
    return role != null && role.ordinal() >= needed.ordinal();
  }

  /** Answers 403: the caller's role is below {@code needed}. */
  static void forbid(RoutingContext rc, Role needed) {
    Role role = rc.get(ROLE);
    HttpProblem.send(rc, 403, who(rc) + " has the role " + (role == null ? "none"
        : role.keyword()) + "; this needs " + needed.keyword() + " or more", null);
  }

  /** Who made the request (for the event log). */
  static String who(RoutingContext rc) {
    Object user = rc.get(USER);
    return user == null ? "anonymous" : user.toString();
  }
}
