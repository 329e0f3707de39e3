package io.twinline.stplc.runtime;

import java.time.Duration;

/**
 * A run-time error of a program: the PLC goes to STOP. Names the POU, the source line, the
 * simulated time (once the runtime knows it) and the variables involved.
 */
public final class StStop extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String what;
  private final transient Site site;
  private final String variables;
  private long simTime = -1;

  public StStop(String what, Site site, String variables) {
    super(what);
    this.what = what;
    this.site = site;
    this.variables = variables;
  }

  /** This error, stamped with the simulated time of the scan it stopped (ns). */
  public StStop at(long simTimeNs) {
    if (simTime < 0) {
      simTime = simTimeNs;
    }
    return this;
  }

  public String what() {
    return what;
  }

  public Site site() {
    return site;
  }

  public String variables() {
    return variables;
  }

  public long simTime() {
    return simTime;
  }

  @Override
  public String getMessage() {
    StringBuilder text = new StringBuilder("PLC STOP: ").append(what);
    text.append(" in ").append(site.pou()).append(" at ").append(site.location());
    if (simTime >= 0) {
      text.append(", simulated time ").append(String.format(java.util.Locale.ROOT, "%.3f s",
          Duration.ofNanos(simTime).toNanos() / 1e9));
    }
    if (!site.text().isEmpty()) {
      text.append(": ").append(site.text());
    }
    if (!variables.isEmpty()) {
      text.append(" (").append(variables).append(")");
    }
    return text.toString();
  }
}
