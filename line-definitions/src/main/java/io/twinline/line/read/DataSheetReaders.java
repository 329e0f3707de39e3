package io.twinline.line.read;

import static io.twinline.line.read.FlowReaders.okIfPresent;
import static io.twinline.line.read.FlowReaders.present;

import io.twinline.line.model.ComponentDefinition;
import io.twinline.line.model.MotorDefinition;
import io.twinline.line.model.PumpDefinition;
import io.twinline.line.model.ValveDefinition;
import io.twinline.line.units.Dimension;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What process devices bring from their data sheets: a valve's rated flow (or kv, cv) and
 * characteristic, a pump's rated flow, an analog input card's profile.
 */
final class DataSheetReaders {

  private DataSheetReaders() {}

  /**
   * A valve's rated flow from its data sheet: {@code ratedFlow}, or {@code kv} (a flow) or
   * {@code cv} (a number) at {@code pressureDrop} (default 1 bar). Empty if none is given;
   * null after a problem.
   */
  static Optional<Double> valveRatedFlow(MapReader fields) {
    Optional<Double> rated = fields.positive("ratedFlow", false, Dimension.FLOW, "4 l/s");
    Optional<Double> kv = fields.positive("kv", false, Dimension.FLOW, "16 m3/h");
    Optional<Double> cv = fields.positive("cv", false, Dimension.RATIO, "18");
    Optional<Double> drop = fields.positive("pressureDrop", false, Dimension.PRESSURE, "1 bar");
    if (!okIfPresent(fields, "ratedFlow", rated) || !okIfPresent(fields, "kv", kv)
        || !okIfPresent(fields, "cv", cv) || !okIfPresent(fields, "pressureDrop", drop)) {
      return null;
    }
    int given = (rated.isPresent() ? 1 : 0) + (kv.isPresent() ? 1 : 0) + (cv.isPresent() ? 1 : 0);
    if (given > 1) {
      fields.problem(rated.isPresent() ? "ratedFlow" : "kv",
          "give the valve's flow once: 'ratedFlow', 'kv' or 'cv'",
          "'ratedFlow: 4 l/s' is the flow when open; 'kv: 16 m3/h' with 'pressureDrop: 2 bar'"
              + " is the data sheet's coefficient");
      return null;
    }
    if (drop.isPresent() && rated.isPresent()) {
      fields.problem("pressureDrop", "'pressureDrop' goes with 'kv' or 'cv', not 'ratedFlow'",
          "the rated flow is the flow already; drop 'pressureDrop' or give 'kv'");
      return null;
    }
    double dp = drop.orElse(1e5);
    if (kv.isPresent()) {
      return Optional.of(ValveDefinition.flowFromKv(kv.get(), dp));
    }
    if (cv.isPresent()) {
      double kvOfCv = cv.get() * ValveDefinition.KV_PER_CV / 3600.0;
      return Optional.of(ValveDefinition.flowFromKv(kvOfCv, dp));
    }
    return rated;
  }

  /**
   * A valve's characteristic: {@code characteristic: linear} (default) or
   * {@code equal-percentage} with {@code rangeability} (default 50). Empty for linear, the
   * rangeability for equal-percentage; null after a problem.
   */
  static Optional<Double> valveCharacteristic(MapReader fields) {
    Optional<String> characteristic =
        fields.choice("characteristic", List.of("linear", "equal-percentage"), "linear");
    Optional<Double> rangeability =
        fields.quantity("rangeability", false, Dimension.RATIO, "50");
    if (characteristic.isEmpty() || !okIfPresent(fields, "rangeability", rangeability)) {
      return null;
    }
    boolean equal = characteristic.get().equals("equal-percentage");
    if (rangeability.isPresent() && !equal) {
      fields.problem("rangeability", "'rangeability' belongs to an equal-percentage valve",
          "add 'characteristic: equal-percentage', or drop 'rangeability'");
      return null;
    }
    if (rangeability.isPresent() && rangeability.get() <= 1) {
      fields.problem("rangeability", "the rangeability must be above 1",
          "typical control valves: 20 to 100, e.g. 'rangeability: 50'");
      return null;
    }
    return equal ? Optional.of(rangeability.orElse(50.0)) : Optional.empty();
  }

  static Optional<ComponentDefinition> pump(
      MapReader fields, String name, String description, References references) {
    Optional<String> kind = fields.choice("control", List.of("direct", "vfd"), "direct");
    Optional<Duration> ramp = fields.duration("ramp", false, true, "1 s");
    Optional<Double> rated = fields.positive("ratedFlow", true, Dimension.FLOW, "6 l/s");
    if (!present(kind, rated) || !okIfPresent(fields, "ramp", ramp)) {
      return Optional.empty();
    }
    MotorDefinition motor = new MotorDefinition(name, description, fields.location(),
        MotorDefinition.Kind.valueOf(kind.get().toUpperCase(java.util.Locale.ROOT)),
        ramp.orElse(Duration.ZERO), Optional.empty(), 10.0);
    return Optional.of(new PumpDefinition(motor, rated.get()));
  }

  /**
   * Raw counts by an analog card's profile: {@code raw: {card: s7-4-20mA, tag: IW64}}. The card
   * gives the type and the counts; an input card reads the signal, so outputs have none.
   */
  static Optional<io.twinline.line.model.SignalOptions.RawScaling> card(
      MapReader r, io.twinline.line.SignalDefinition signal) {
    Optional<String> keyword = r.text("card", true, "s7-4-20mA");
    Optional<String> tag = r.text("tag", false, "IW64");
    for (String key : List.of("type", "min", "max")) {
      if (r.keys().contains(key)) {
        r.problem(key, "'" + key + "' comes from the card's profile",
            "write either 'card' or 'min'/'max'/'type', not both");
      }
    }
    r.ignore(List.of("type", "min", "max"));
    r.finish();
    if (keyword.isEmpty()) {
      return Optional.empty();
    }
    Optional<io.twinline.line.AnalogCard> card = io.twinline.line.AnalogCard.parse(keyword.get());
    if (card.isEmpty()) {
      r.problem("card", "unknown analog card '" + keyword.get() + "'",
          Suggestions.hint(keyword.get(),
              java.util.Arrays.stream(io.twinline.line.AnalogCard.values())
                  .map(io.twinline.line.AnalogCard::keyword).toList(), "cards are"));
      return Optional.empty();
    }
    if (signal.direction() != io.twinline.line.Direction.INPUT) {
      r.problem("card", signal.path() + " is an output; card profiles are for analog inputs",
          "scale an output with 'raw: {min: 0, max: 27648}'");
      return Optional.empty();
    }
    if (r.keys().contains("type") || r.keys().contains("min") || r.keys().contains("max")) {
      return Optional.empty();
    }
    return Optional.of(io.twinline.line.model.SignalOptions.RawScaling.of(card.get(), tag));
  }

  /** The rated flow of a valve or pump, m³/s. */
  public static Optional<Double> ratedFlowOf(ComponentDefinition device) {
    if (device instanceof ValveDefinition valve) {
      return valve.ratedFlow();
    } else if (device instanceof PumpDefinition pump) {
      return Optional.of(pump.ratedFlow());
    }
    return Optional.empty();
  }
}
