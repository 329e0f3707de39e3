package io.twinline.line.fault;

import java.util.Locale;
import java.util.Optional;

/** What can go wrong, on a signal or on a component. */
public enum FaultKind {
  /** The signal shows {@code value} whatever happens. */
  STUCK_AT("stuck-at", Scope.SIGNAL),
  /** A Boolean signal shows the opposite. */
  INVERTED("inverted", Scope.SIGNAL),
  /** A Boolean signal drops out: it reads false for half of every {@code period}. */
  DROP_OUT("drop-out", Scope.SIGNAL),
  /** Changes arrive {@code delay} late. */
  DELAY("delay", Scope.SIGNAL),
  /** An analog value shows Gaussian noise of standard deviation {@code amplitude}. */
  NOISE("noise", Scope.SIGNAL),
  /** An analog input reads below its range, as a broken 4–20 mA loop does. */
  OPEN_WIRE("open-wire", Scope.SIGNAL),
  /** A motor's protection trips: it stops and shows Overload. */
  OVERLOAD_TRIP("overload-trip", Scope.COMPONENT),
  /** A conveyor's parts stop even with the motor on. */
  JAM("jam", Scope.COMPONENT),
  /** A cylinder (or valve, stop gate, pusher) stops at {@code fraction} of its travel. */
  STICKING("sticking", Scope.COMPONENT),
  /** A station faults: its cycle aborts and it shows Fault. */
  STATION_FAULT("station-fault", Scope.COMPONENT),
  /** A photo-eye misses each part with {@code probability}. */
  DIRTY_SENSOR("dirty-sensor", Scope.COMPONENT);

  /** What a fault is aimed at. */
  public enum Scope {
    SIGNAL,
    COMPONENT
  }

  private final String keyword;
  private final Scope scope;

  FaultKind(String keyword, Scope scope) {
    this.keyword = keyword;
    this.scope = scope;
  }

  public String keyword() {
    return keyword;
  }

  public Scope scope() {
    return scope;
  }

  public static Optional<FaultKind> parse(String keyword) {
    String lower = keyword.strip().toLowerCase(Locale.ROOT);
    for (FaultKind kind : values()) {
      if (kind.keyword.equals(lower)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  public static String keywords() {
    StringBuilder text = new StringBuilder();
    for (FaultKind kind : values()) {
      if (text.length() > 0) {
        text.append(", ");
      }
      text.append(kind.keyword);
    }
    return text.toString();
  }
}
