package io.twinline.sim.plant;

import io.twinline.line.Analog;
import io.twinline.line.Direction;
import io.twinline.sim.signal.Signal;

/**
 * Keeps an analog value and its raw counts in step, as an analog card does: an input's counts
 * follow what the PLC would read of the engineering value (faults included); for an output the
 * PLC may write either, and the other follows.
 */
final class RawLink {

  private final Signal engineering;
  private final Signal raw;
  private final Analog range;
  private final Analog counts;
  private boolean propagating;

  RawLink(Signal engineering, Signal raw) {
    this.engineering = engineering;
    this.raw = raw;
    this.range = engineering.definition().analog().orElseThrow();
    this.counts = raw.definition().analog().orElseThrow();
  }

  void start() {
    engineering.addPlcListener(s -> follow(engineering, raw, true));
    if (engineering.direction() == Direction.OUTPUT) {
      raw.addPlcListener(s -> follow(raw, engineering, false));
    }
    follow(engineering, raw, true);
  }

  private void follow(Signal from, Signal to, boolean toCounts) {
    if (propagating) {
      return;
    }
    propagating = true;
    try {
      double value = from.plcDouble();
      to.setNumber(toCounts ? scale(value, range, counts) : scale(value, counts, range));
    } finally {
      propagating = false;
    }
  }

  private static double scale(double value, Analog from, Analog to) {
    return to.min() + (value - from.min()) / from.span() * to.span();
  }
}
