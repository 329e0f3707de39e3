package io.twinline.line.units;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads duration distributions as written in line files: {@code 5 s} (fixed), {@code uniform(4
 * s, 6 s)}, {@code normal(2 s, 200 ms)}, {@code exponential(5 s)}, {@code triangular(1 s, 2 s, 4
 * s)}; and a tolerance as engineers write it, {@code 1.1 s ± 0.2 s} (or {@code 1.1 s +- 0.2 s}),
 * which is {@code uniform(0.9 s, 1.3 s)}.
 */
public final class Distributions {

  private static final Pattern CALL = Pattern.compile("([a-zA-Z]+)\\s*\\((.*)\\)");
  private static final Pattern TOLERANCE = Pattern.compile("(.+?)(?:±|\\+-|\\+/-)(.+)");
  private static final String FORMS =
      "'5 s', 'uniform(4 s, 6 s)', 'normal(2 s, 200 ms)', 'exponential(5 s)' or"
          + " 'triangular(1 s, 2 s, 4 s)'";

  private Distributions() {}

  public static DurationDistribution duration(String text) throws QuantityFormatException {
    String trimmed = text.strip();
    Matcher tolerance = TOLERANCE.matcher(trimmed);
    if (tolerance.matches()) {
      return tolerance(trimmed, tolerance.group(1), tolerance.group(2));
    }
    Matcher call = CALL.matcher(trimmed);
    if (!call.matches()) {
      Duration fixed = Quantities.duration(trimmed);
      notNegative(trimmed, trimmed, fixed);
      return new DurationDistribution.Fixed(fixed);
    }
    String name = call.group(1).toLowerCase(Locale.ROOT);
    List<Duration> args = new ArrayList<>();
    for (String arg : call.group(2).split(",")) {
      Duration value = Quantities.duration(arg);
      notNegative(trimmed, arg, value);
      args.add(value);
    }
    switch (name) {
      case "uniform":
        arguments(name, args, 2);
        ordered(trimmed, args.get(0), args.get(1));
        return new DurationDistribution.Uniform(args.get(0), args.get(1));
      case "normal":
        arguments(name, args, 2);
        return new DurationDistribution.Normal(args.get(0), args.get(1));
      case "exponential":
        arguments(name, args, 1);
        return new DurationDistribution.Exponential(args.get(0));
      case "triangular":
        arguments(name, args, 3);
        ordered(trimmed, args.get(0), args.get(1));
        ordered(trimmed, args.get(1), args.get(2));
        if (args.get(0).equals(args.get(2))) {
          throw new QuantityFormatException(
              "'" + trimmed + "' has no width", "min must be below max");
        }
        return new DurationDistribution.Triangular(args.get(0), args.get(1), args.get(2));
      default:
        throw new QuantityFormatException(
            "unknown distribution '" + name + "'", "write " + FORMS);
    }
  }

  /** {@code nominal ± deviation}: uniform from nominal - deviation to nominal + deviation. */
  private static DurationDistribution tolerance(String text, String nominalText, String plusMinus)
      throws QuantityFormatException {
    Duration nominal = Quantities.duration(nominalText);
    Duration deviation = Quantities.duration(plusMinus);
    if (deviation.isNegative()) {
      throw new QuantityFormatException("'" + text + "' has a negative tolerance",
          "write the tolerance as a positive duration, e.g. '1.1 s ± 0.2 s'");
    }
    Duration low = nominal.minus(deviation);
    if (low.isNegative()) {
      throw new QuantityFormatException(
          "'" + text + "' reaches below zero (" + text(low) + ")",
          "a duration is never negative: make the tolerance at most the nominal value, or write"
              + " 'uniform(0 s, " + text(nominal.plus(deviation)) + ")'");
    }
    return new DurationDistribution.Uniform(low, nominal.plus(deviation));
  }

  /** A duration as a line file would write it: whole seconds in s, else ms. */
  private static String text(Duration d) {
    return d.toNanos() % 1_000_000_000L == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /** A negative time would schedule into the past: the simulation would stop at its first use. */
  private static void notNegative(String text, String arg, Duration value)
      throws QuantityFormatException {
    if (value.isNegative()) {
      throw new QuantityFormatException(
          text.equals(arg.strip())
              ? "'" + text + "' is negative"
              : "'" + text + "' has a negative duration '" + arg.strip() + "'",
          "durations of intervals and process times are zero or more, e.g. 'uniform(4 s, 6 s)'");
    }
  }

  private static void arguments(String name, List<Duration> args, int expected)
      throws QuantityFormatException {
    if (args.size() != expected) {
      throw new QuantityFormatException(
          name + " takes " + expected + " duration" + (expected == 1 ? "" : "s") + ", not "
              + args.size(),
          "write " + FORMS);
    }
  }

  private static void ordered(String text, Duration low, Duration high)
      throws QuantityFormatException {
    if (low.compareTo(high) > 0) {
      throw new QuantityFormatException(
          "'" + text + "' has its bounds the wrong way round", "write the smaller one first");
    }
  }
}
