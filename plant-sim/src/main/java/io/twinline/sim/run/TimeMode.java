package io.twinline.sim.run;

import java.util.Locale;

/** How simulated time relates to the wall clock. */
public enum TimeMode {
  /** One simulated second per wall second: for a real PLC. */
  REALTIME,
  /** A fixed number of simulated seconds per wall second (the speed factor). */
  SCALED,
  /** As fast as possible: for controllers that run inside the simulation. */
  AFAP,
  /** Time moves only when asked ({@link SimulationRunner#step}). */
  STEPPED;

  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads a keyword such as {@code realtime}; the message lists the valid ones. */
  public static TimeMode parse(String keyword) {
    for (TimeMode mode : values()) {
      if (mode.keyword().equalsIgnoreCase(keyword.strip())) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "unknown time mode '" + keyword + "'; use realtime, scaled, afap or stepped");
  }
}
