package io.twinline.line.read;

import io.twinline.line.Direction;
import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalPath;
import io.twinline.line.SignalType;
import io.twinline.line.model.CouplingSection;
import io.twinline.line.model.SignalOptions;
import io.twinline.line.yaml.YamlMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads a line file's {@code coupling:} section ({@link CouplingSection}). */
final class CouplingReader {

  /** The URL schemes of the PLC4X drivers Twinline ships and tests. */
  static final List<String> SCHEMES = List.of("modbus-tcp");

  private static final Pattern URL = Pattern.compile("([a-z0-9:-]+)://([^:/\\s]+)(:\\d{1,5})?/?");

  private CouplingReader() {}

  static Optional<CouplingSection> read(YamlMap map, String file, List<SignalDefinition> signals,
      Map<SignalPath, SignalOptions> options, io.twinline.line.Problems problems) {
    MapReader fields = new MapReader(map, "coupling", "the coupling section", problems);
    Optional<String> plc = fields.text("plc", true, "modbus-tcp://127.0.0.1:502");
    if (plc.isPresent()) {
      java.util.regex.Matcher url = URL.matcher(plc.get().strip());
      if (!url.matches()) {
        fields.problem("plc", "'" + plc.get() + "' is not a PLC URL",
            "write SCHEME://HOST:PORT, e.g. modbus-tcp://192.168.0.10:502");
        plc = Optional.empty();
      } else if (!SCHEMES.contains(url.group(1))) {
        fields.problem("plc", "the coupling cannot speak '" + url.group(1) + "://'",
            "Twinline ships and tests the PLC4X driver modbus-tcp:// only; see docs/coupling.md");
        plc = Optional.empty();
      }
    }
    Optional<Path> tags = fields.text("tags", true, "tags.csv").map(name -> {
      Path parent;
      try {
        parent = Path.of(file).toAbsolutePath().getParent();
      } catch (java.nio.file.InvalidPathException e) {
        parent = null;
      }
      return parent == null ? Path.of(name) : parent.resolve(name).normalize();
    });
    if (tags.isPresent() && !Files.isRegularFile(tags.get())) {
      fields.problem("tags", "there is no tag map " + tags.get(),
          "the path is relative to the line file; a CSV of 'signal,address' lines");
      tags = Optional.empty();
    }
    Optional<Duration> cycle = fields.duration("cycle", false, false, "10 ms");
    if (cycle.isPresent() && cycle.get().compareTo(Duration.ofMillis(1)) < 0) {
      fields.problem("cycle", "the coupling's cycle must be 1 ms or more", "e.g. 10 ms");
      cycle = Optional.empty();
    }
    boolean pause = fields.bool("pauseWhileDown", false);
    Optional<String> order = fields.choice("wordOrder", List.of("ABCD", "CDAB"), "ABCD");
    Optional<SignalPath> status = fields.text("status", false, "Plc/Link")
        .flatMap(text -> status(fields, text, signals, options));
    fields.finish();
    if (plc.isEmpty() || tags.isEmpty() || order.isEmpty()
        || (map.get("status").isPresent() && status.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(new CouplingSection(plc.get().strip(), tags.get(), cycle, pause, status,
        map.get("wordOrder").isPresent() ? order : Optional.empty(), map.location()));
  }

  private static Optional<SignalPath> status(MapReader fields, String text,
      List<SignalDefinition> signals, Map<SignalPath, SignalOptions> options) {
    Optional<SignalDefinition> signal = signals.stream()
        .filter(s -> s.path().toString().equals(text)).findFirst();
    if (signal.isEmpty()) {
      fields.problem("status", "the line has no signal " + text,
          Suggestions.closest(text, signals.stream().map(s -> s.path().toString()).toList())
              .map(c -> "did you mean " + c + "?")
              .orElse("a Boolean or integer output of the line, as Component/Signal"));
      return Optional.empty();
    }
    SignalDefinition s = signal.get();
    boolean writable = s.direction() == Direction.OUTPUT
        || options.getOrDefault(s.path(), SignalOptions.NONE).writableByClients();
    if (!writable || !(s.type() == SignalType.BOOLEAN || s.type().isInteger())) {
      fields.problem("status", text + " cannot show the link state",
          "use a Boolean or integer output, e.g. a variables component's"
              + " {name: Link, type: Int32, direction: output}");
      return Optional.empty();
    }
    return Optional.of(s.path());
  }
}
