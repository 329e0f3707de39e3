package io.twinline.opcua.security;

import java.util.Optional;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.identity.Identity;

/** The role of a session: from its identity, by the server's configuration. */
public final class Roles {

  private final Optional<Role> anonymous;
  private final Users users;

  public Roles(Optional<Role> anonymous, Users users) {
    this.anonymous = anonymous;
    this.users = users;
  }

  /** The session's role; observer if it cannot be told (a safe default). */
  public Role of(Session session) {
    Identity identity = session.getIdentity();
    if (identity instanceof Identity.UsernameIdentity user) {
      return users.roleOf(user.getUsername()).orElse(Role.OBSERVER);
    }
    if (identity instanceof Identity.AnonymousIdentity) {
      return anonymous.orElse(Role.OBSERVER);
    }
    return Role.OBSERVER;
  }
}
