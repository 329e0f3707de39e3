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
 */
final class AnalogCardLink implements SignalFaultStage {

  private final Signal engineering;
  private final Signal raw;
  private final Signal wireBreak;
  private final AnalogCard card;
  private final Analog range;
  private boolean converting;

  /** {@code wireBreak} is null for a card that cannot see a broken wire. */
  AnalogCardLink(Signal engineering, Signal raw, Signal wireBreak, AnalogCard card) {
    this.engineering = engineering;
    this.raw = raw;
    this.wireBreak = wireBreak;
    this.card = card;
    this.range = engineering.definition().analog().orElseThrow();
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
        follow(card.read(engineering.plcDouble(), range), engineering.plcDouble());
      }
    });
    engineering.attachCard(this);
  }

  @Override
  public String faultId() {
    return "card:" + card.keyword();
  }

  @Override
  public long apply(long measuredBits) {
    double measured = SignalValues.toDouble(engineering.type(), measuredBits);
    AnalogCard.Reading reading = card.read(measured, range);
    double value = follow(reading, measured);
    return SignalValues.fromDouble(engineering.type(), value);
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
        status = card.statusOf(counts, wireBreak != null && wireBreak.plcBoolean());
        value = card.toEngineering(counts, range);
      } else if (status == AnalogCard.Status.GOOD || status == AnalogCard.Status.OUT_OF_RANGE) {
        value = measured;
      } else {
        value = card.toEngineering(reading.counts(), range);
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
