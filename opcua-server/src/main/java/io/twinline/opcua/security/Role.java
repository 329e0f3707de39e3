package io.twinline.opcua.security;

import java.util.Locale;
import java.util.Optional;

/** What a client may do, each role including the ones before it. */
public enum Role {
  /** Read, browse, subscribe. */
  OBSERVER,
  /** Also write the PLC's outputs (and forcible inputs). */
  PLC,
  /** Also call the Simulation methods: faults, time, recipes. */
  ENGINEER;

  public boolean canWrite() {
    return this != OBSERVER;
  }

  public boolean canCallMethods() {
    return this == ENGINEER;
  }

  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> parse(String keyword) {
    for (Role role : values()) {
      if (role.keyword().equalsIgnoreCase(keyword.strip())) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
