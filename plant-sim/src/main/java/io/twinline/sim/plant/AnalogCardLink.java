package io.twinline.sim.plant;

import io.twinline.line.Analog;
import io.twinline.line.AnalogCard;
import io.twinline.sim.signal.Signal;
import io.twinline.sim.signal.SignalFaultStage;
import io.twinline.sim.signal.SignalQuality;
import io.twinline.sim.signal.SignalValues;

/**
 * An analog input channel of a card profile: the measured value (after the faults on it: at the
 * sensor and its wire) becomes the card's counts, its wire-break diagnostic and a quality; the
 * engineering value the PLC reads is what those counts stand for. A fault on the counts (after
 * the card) shows in the engineering value too, so the two never disagree, whichever a fault
 * targets. While a value is in the nominal or over/undershoot range and the counts are not
 * faulted, the engineering value is the measured one, unrounded.
 *
 * <p>Without a card profile ({@code raw: {min, max}} on an input) the counts are a plain linear
 * scaling, always of good quality, and a fault on them shows in the engineering value likewise.
 */
final class AnalogCardLink implements SignalFaultStage {

  private final Signal engineering;
  private final Signal raw;
  private final Signal wireBreak;
  /** Null: plain linear counts over {@link #linear}. */
  private final AnalogCard card;
  private final Analog linear;
  private final Analog range;
  private boolean converting;

  /** {@code wireBreak} is null for a card that cannot see a broken wire. */
  AnalogCardLink(Signal engineering, Signal raw, Signal wireBreak, AnalogCard card) {
    this.engineering = engineering;
    this.raw = raw;
    this.wireBreak = wireBreak;
    this.card = card;
    this.linear = raw.definition().analog().orElseThrow();
    this.range = engineering.definition().analog().orElseThrow();
  }

  /** Plain linear counts (no card profile) for an input. */
  AnalogCardLink(Signal engineering, Signal raw) {
    this(engineering, raw, null, null);
  }

  void start() {
    raw.addPlcListener(s -> {
      if (!converting) {
        engineering.refresh();
      }
    });
    if (wireBreak != null) {
      wireBreak.addPlcListener(s -> {
        if (!converting) {
          engineering.refresh();
        }
      });
    }
    engineering.addPlcListener(s -> {
      if (engineering.isForced() && !converting) {
        // A forced engineering value bypasses the card: its counts follow as scaled.
        follow(read(engineering.plcDouble()), engineering.plcDouble());
      }
    });
    engineering.attachCard(this);
  }

  @Override
  public String faultId() {
    return card == null ? "raw-counts" : "card:" + card.keyword();
  }

  @Override
  public long apply(long measuredBits) {
    double measured = SignalValues.toDouble(engineering.type(), measuredBits);
    AnalogCard.Reading reading = read(measured);
    double value = follow(reading, measured);
    return SignalValues.fromDouble(engineering.type(), value);
  }

  private AnalogCard.Reading read(double measured) {
    if (card != null) {
      return card.read(measured, range);
    }
    double counts = linear.min() + (measured - range.min()) / range.span() * linear.span();
    return new AnalogCard.Reading(
        SignalValues.fromDouble(raw.type(), counts), AnalogCard.Status.GOOD);
  }

  private double toEngineering(double counts) {
    if (card != null) {
      return card.toEngineering(counts, range);
    }
    return range.min() + (counts - linear.min()) / linear.span() * range.span();
  }

  /** Sets counts, diagnostic and quality from {@code reading}; the engineering value to read. */
  private double follow(AnalogCard.Reading reading, double measured) {
    converting = true;
    try {
      if (wireBreak != null) {
        wireBreak.set(reading.status() == AnalogCard.Status.WIRE_BREAK);
      }
      raw.setQuality(SignalQuality.of(reading.status()));
      raw.setNumber(reading.counts());
      boolean countsFaulted = raw.isFaulted() || raw.isForced()
          || (wireBreak != null && (wireBreak.isFaulted() || wireBreak.isForced()));
      AnalogCard.Status status = reading.status();
      double value;
      if (countsFaulted) {
        long counts = (long) raw.plcDouble();
        status = card == null ? AnalogCard.Status.GOOD
            : card.statusOf(counts, wireBreak != null && wireBreak.plcBoolean());
        value = toEngineering(counts);
      } else if (status == AnalogCard.Status.GOOD || status == AnalogCard.Status.OUT_OF_RANGE) {
        value = measured;
      } else {
        value = toEngineering(reading.counts());
      }
      SignalQuality quality = SignalQuality.of(status);
      engineering.setQuality(quality);
      if (raw.quality() != quality) {
        raw.setQuality(quality);
        raw.refresh();
      }
      return value;
    } finally {
      converting = false;
    }
  }
}
