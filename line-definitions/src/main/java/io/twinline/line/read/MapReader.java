package io.twinline.line.read;

import io.twinline.line.Problems;
import io.twinline.line.SignalPath;
import io.twinline.line.SourceLocation;
import io.twinline.line.units.Dimension;
import io.twinline.line.units.Quantities;
import io.twinline.line.units.QuantityFormatException;
import io.twinline.line.yaml.YamlList;
import io.twinline.line.yaml.YamlMap;
import io.twinline.line.yaml.YamlNode;
import io.twinline.line.yaml.YamlScalar;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the keys of one YAML mapping (of a line file, a fault, a sequence file) into typed values, adding a problem (with the value's line
 * and column) for every key that is missing, mistyped or out of range, and, in {@link #finish()},
 * for every key nobody asked for. Getters return empty when the value is absent or wrong, so a
 * reader can go on and find the next problem.
 */
public final class MapReader {

  private final YamlMap map;
  private final String path;
  private final Problems problems;
  private String what;
  private final Set<String> known = new LinkedHashSet<>();

  /**
   * @param what the thing being read, for messages ("a conveyor")
   */
  public MapReader(YamlMap map, String path, String what, Problems problems) {
    this.map = map;
    this.path = path;
    this.what = what;
    this.problems = problems;
  }

  public SourceLocation location() {
    return map.location();
  }

  /** Names the thing being read once its type is known ("a conveyor"). */
  public void describeAs(String what) {
    this.what = what;
  }

  /** Marks {@code keys} as handled without reading them (their owner reports its own problems). */
  public void ignore(Iterable<String> keys) {
    keys.forEach(known::add);
  }

  public Set<String> keys() {
    return map.keys();
  }

  public String path() {
    return path;
  }

  public Problems problems() {
    return problems;
  }

  /** Where the value of {@code key} is written, or where the mapping starts if it is absent. */
  public SourceLocation location(String key) {
    return map.get(key).map(YamlNode::location).orElse(map.location());
  }

  public String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  public void problem(String key, String message, String hint) {
    problems.add(location(key), pathOf(key), message, hint);
  }

  public Optional<YamlNode> node(String key) {
    known.add(key);
    return map.get(key);
  }

  private Optional<YamlNode> required(String key, String example) {
    Optional<YamlNode> node = node(key);
    if (node.isEmpty()) {
      problems.add(
          map.location(),
          path,
          what + " needs '" + key + "'",
          "add '" + key + ": " + example + "'");
    }
    return node;
  }

  private Optional<YamlScalar> scalar(String key, YamlNode node, String expected) {
    if (node instanceof YamlScalar scalar && scalar.type() != YamlScalar.Type.NULL) {
      return Optional.of(scalar);
    }
    problem(key, "'" + key + "' must be " + expected + ", not " + node.kind(), "");
    return Optional.empty();
  }

  public Optional<String> text(String key, boolean required, String example) {
    Optional<YamlNode> node = required ? required(key, example) : node(key);
    return node.flatMap(n -> scalar(key, n, "text")).map(YamlScalar::text);
  }

  /** A name of a line, component or signal. */
  public Optional<String> name(String key, boolean required, String example) {
    Optional<String> text = text(key, required, example);
    if (text.isPresent() && !SignalPath.NAME.matcher(text.get()).matches()) {
      problem(
          key,
          "'" + text.get() + "' is not a valid name",
          "names start with a letter and contain only letters, digits and '_' (at most 64)");
      return Optional.empty();
    }
    return text;
  }

  public Optional<Long> integer(String key, boolean required, String example) {
    Optional<YamlNode> node = required ? required(key, example) : node(key);
    return node.flatMap(n -> scalar(key, n, "a whole number"))
        .flatMap(
            s -> {
              try {
                return Optional.of(Long.parseLong(s.text().strip()));
              } catch (NumberFormatException e) {
                problem(key, "'" + s.text() + "' is not a whole number", "e.g. '" + example + "'");
                return Optional.empty();
              }
            });
  }

  /** A quantity of {@code dimension} in its base unit (no sign check). */
  public Optional<Double> quantity(
      String key, boolean required, Dimension dimension, String example) {
    return decimal(key, required, dimension, example).map(BigDecimal::doubleValue);
  }

  /** A quantity that must be positive. */
  public Optional<Double> positive(
      String key, boolean required, Dimension dimension, String example) {
    return decimal(key, required, dimension, example)
        .filter(v -> sign(key, v, false, dimension.description().replaceFirst("^an? ", "")))
        .map(BigDecimal::doubleValue);
  }

  /** A ratio from 0 to 1, written {@code 0.05} or {@code 5 %}. */
  public Optional<Double> ratio(String key, boolean required, String example) {
    Optional<Double> value = quantity(key, required, Dimension.RATIO, example);
    if (value.isPresent() && (value.get() < 0 || value.get() > 1)) {
      problem(key, "'" + key + "' must be between 0 and 1 (0 % and 100 %)", "e.g. " + example);
      return Optional.empty();
    }
    return value;
  }

  /**
   * A duration distribution: {@code 5 s}, {@code normal(2 s, 200 ms)}, ... Its durations are
   * never negative; unless {@code zeroAllowed}, its mean must be above zero (a source releasing
   * parts every 0 s would never let time move on).
   */
  public Optional<io.twinline.line.units.DurationDistribution> distribution(
      String key, boolean required, boolean zeroAllowed, String example) {
    Optional<YamlNode> node = required ? required(key, example) : node(key);
    return node.flatMap(n -> scalar(key, n, "a duration or a distribution"))
        .flatMap(
            s -> {
              try {
                return Optional.of(io.twinline.line.units.Distributions.duration(s.text()));
              } catch (QuantityFormatException e) {
                problem(key, e.getMessage(), e.hint());
                return Optional.empty();
              }
            })
        .filter(
            d -> {
              if (zeroAllowed || d.mean().compareTo(Duration.ZERO) > 0) {
                return true;
              }
              problem(key, "'" + key + "' must be above zero on average, not "
                      + ((YamlScalar) map.get(key).orElseThrow()).text().strip(),
                  "e.g. '" + example + "'");
              return false;
            });
  }

  /** true/false, or {@code fallback} when absent. */
  public boolean bool(String key, boolean fallback) {
    Optional<YamlNode> node = node(key);
    if (node.isEmpty()) {
      return fallback;
    }
    if (node.get() instanceof YamlScalar scalar && scalar.type() == YamlScalar.Type.BOOLEAN) {
      return Boolean.parseBoolean(scalar.text());
    }
    problem(key, "'" + key + "' must be true or false, not " + node.get().kind(), "");
    return fallback;
  }

  /** One of {@code choices} (keywords), or {@code fallback} when absent. */
  public Optional<String> choice(String key, java.util.List<String> choices, String fallback) {
    Optional<String> text = text(key, false, fallback);
    if (text.isEmpty()) {
      return map.keys().contains(key) ? Optional.empty() : Optional.of(fallback);
    }
    if (!choices.contains(text.get())) {
      problem(
          key,
          "'" + text.get() + "' is not a valid " + key,
          Suggestions.hint(text.get(), choices, "choose from"));
      return Optional.empty();
    }
    return text;
  }

  /** A list of names (signal or position names). */
  public Optional<java.util.List<String>> names(String key, boolean required, String example) {
    Optional<YamlList> list = list(key, required, example);
    if (list.isEmpty()) {
      return Optional.empty();
    }
    java.util.List<String> names = new java.util.ArrayList<>();
    boolean ok = true;
    for (YamlNode item : list.get().items()) {
      if (item instanceof YamlScalar scalar
          && SignalPath.NAME.matcher(scalar.text()).matches()) {
        if (names.contains(scalar.text())) {
          problems.add(item.location(), pathOf(key), "'" + scalar.text() + "' is listed twice", "");
          ok = false;
        }
        names.add(scalar.text());
      } else {
        problems.add(
            item.location(),
            pathOf(key),
            "'" + (item instanceof YamlScalar s ? s.text() : item.kind()) + "' is not a valid name",
            "names start with a letter and contain only letters, digits and '_'");
        ok = false;
      }
    }
    if (names.isEmpty()) {
      problem(key, "'" + key + "' is empty", "list at least one, e.g. " + example);
      ok = false;
    }
    return ok ? Optional.of(names) : Optional.empty();
  }

  private Optional<BigDecimal> decimal(
      String key, boolean required, Dimension dimension, String example) {
    Optional<YamlNode> node = required ? required(key, example) : node(key);
    return node.flatMap(n -> scalar(key, n, dimension.description() + " with a unit"))
        .flatMap(
            s -> {
              try {
                return Optional.of(Quantities.parse(s.text(), dimension));
              } catch (QuantityFormatException e) {
                problem(key, e.getMessage(), e.hint());
                return Optional.empty();
              }
            });
  }

  /** A length in metres that must be {@code > 0} (or {@code >= 0} if {@code zeroAllowed}). */
  public Optional<Double> length(
      String key, boolean required, boolean zeroAllowed, String example) {
    return decimal(key, required, Dimension.LENGTH, example)
        .filter(v -> sign(key, v, zeroAllowed, "length"))
        .map(BigDecimal::doubleValue);
  }

  /** A speed in metres per second, {@code > 0}. */
  public Optional<Double> speed(String key, boolean required, String example) {
    return decimal(key, required, Dimension.SPEED, example)
        .filter(v -> sign(key, v, false, "speed"))
        .map(BigDecimal::doubleValue);
  }

  /** A duration, {@code > 0} (or {@code >= 0} if {@code zeroAllowed}). */
  public Optional<Duration> duration(
      String key, boolean required, boolean zeroAllowed, String example) {
    Optional<YamlNode> node = required ? required(key, example) : node(key);
    return node.flatMap(n -> scalar(key, n, "a duration with a unit"))
        .flatMap(
            s -> {
              try {
                return Optional.of(Quantities.duration(s.text()));
              } catch (QuantityFormatException e) {
                problem(key, e.getMessage(), e.hint());
                return Optional.empty();
              }
            })
        .filter(d -> sign(key, BigDecimal.valueOf(d.toNanos()), zeroAllowed, "duration"));
  }

  private boolean sign(String key, BigDecimal value, boolean zeroAllowed, String noun) {
    int signum = value.signum();
    if (signum < 0 || (signum == 0 && !zeroAllowed)) {
      problem(
          key,
          "'" + key + "' must be " + (zeroAllowed ? "zero or positive" : "positive")
              + ", not " + map.get(key).map(n -> ((YamlScalar) n).text().strip()).orElse("?"),
          "a " + noun + " below " + (zeroAllowed ? "zero" : "or at zero") + " has no physical meaning");
      return false;
    }
    return true;
  }

  public Optional<YamlMap> map(String key, boolean required, String example) {
    Optional<YamlNode> node = required ? required(key, example) : node(key);
    if (node.isPresent() && !(node.get() instanceof YamlMap)) {
      problem(key, "'" + key + "' must be a mapping, not " + node.get().kind(), "e.g. " + example);
      return Optional.empty();
    }
    return node.map(YamlMap.class::cast);
  }

  public Optional<YamlList> list(String key, boolean required, String example) {
    Optional<YamlNode> node = required ? required(key, example) : node(key);
    if (node.isPresent() && !(node.get() instanceof YamlList)) {
      problem(
          key,
          "'" + key + "' must be a list, not " + node.get().kind(),
          "write one '- ' item per line below '" + key + ":'");
      return Optional.empty();
    }
    return node.map(YamlList.class::cast);
  }

  /** Reports every key that no getter asked for. */
  public void finish() {
    for (YamlMap.Entry entry : map.entries()) {
      if (!known.contains(entry.key())) {
        problems.add(
            entry.keyLocation(),
            pathOf(entry.key()),
            "unknown key '" + entry.key() + "' for " + what,
            Suggestions.hint(entry.key(), known, "keys"));
      }
    }
  }
}
