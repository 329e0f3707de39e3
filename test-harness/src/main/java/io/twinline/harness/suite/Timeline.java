package io.twinline.harness.suite;

import io.twinline.line.SignalType;
import java.util.List;

/**
 * The signals around a failure, for the report's chart: each signal's value at {@code from} and
 * its changes up to {@code to}.
 *
 * @param from start of the window, simulated ns
 * @param to end of the window, simulated ns
 * @param marker the failure's time, simulated ns
 * @param scan the controller's scan period, ns, for marking the scans; 0: not marked
 */
public record Timeline(long from, long to, long marker, List<Series> series, long scan) {

  public Timeline(long from, long to, long marker, List<Series> series) {
    this(from, to, marker, series, 0);
  }

  /** One signal in the window. */
  public record Series(String path, SignalType type, Object initial, List<Point> changes) {}

  /** A change of value at a simulated time, ns. */
  public record Point(long time, Object value) {}
}
