package io.twinline.line.model;

import io.twinline.line.SignalType;
import java.util.Optional;

/**
 * What a line file says about one of a component's signals under {@code signals:}: its tag
 * alias, a better description, whether clients may force it, and raw scaling.
 */
public record SignalOptions(
    Optional<String> tag,
    Optional<String> description,
    boolean writableByClients,
    Optional<RawScaling> raw) {

  public static final SignalOptions NONE =
      new SignalOptions(Optional.empty(), Optional.empty(), false, Optional.empty());

  /**
   * Raw counts beside an analog value, as an analog card shows them to the PLC: the signal
   * {@code <name>Raw} of {@code type} goes from {@code min} to {@code max} over the analog range
   * (e.g. 0..27648 for 4–20 mA on a Siemens card).
   */
  public record RawScaling(SignalType type, long min, long max, Optional<String> tag,
      Optional<io.twinline.line.AnalogCard> card) {

    public static final String SUFFIX = "Raw";
    /** The suffix of a card's wire-break diagnostic beside the raw counts. */
    public static final String WIRE_BREAK_SUFFIX = "WireBreak";

    public RawScaling {
      card = card == null ? Optional.empty() : card;
    }

    /** Plain linear counts, no card profile. */
    public RawScaling(SignalType type, long min, long max, Optional<String> tag) {
      this(type, min, max, tag, Optional.empty());
    }

    /** The counts of card {@code card}'s profile. */
    public static RawScaling of(io.twinline.line.AnalogCard card, Optional<String> tag) {
      return new RawScaling(card.type(), 0, (long) card.nominal().max(), tag, Optional.of(card));
    }
  }
}
