package io.twinline.harness.suite;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twinline.harness.run.Harness;
import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalType;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Signal traces of sequences, one file per sequence: JSON lines, one value per line with its
 * simulated time, {@code {"time_ns":1230000000,"signal":"Infeed/MotorOn","value":true}}. The
 * file starts with every traced signal's value when the sequence started, then lists the
 * changes in the order they happened. Two runs of the same sequence with the same seed and
 * program give byte-identical files (gzip included: its header carries no time), so a trace can
 * be diffed against a golden one.
 */
public final class TraceFiles {

  /**
   * What a trace holds and how it is written; immutable, each {@code withX} returns a new one.
   *
   * @param signals which signals: paths or tags, {@code *} matching any characters
   *     ({@code Tank/*}, {@code Q_*}); empty: all
   * @param deadband an analog (Float or Double) signal's change is written only when it differs
   *     from the value written last by at least this much (0: every change); Booleans, integers
   *     and text are always written
   * @param compressed gzip the files ({@code .jsonl.gz}); otherwise plain {@code .jsonl}
   */
  public record Options(List<String> signals, double deadband, boolean compressed) {

    /** Every signal, every change, compressed. */
    public static final Options DEFAULT = new Options(List.of(), 0, true);

    public Options {
      signals = List.copyOf(signals);
      if (!(deadband >= 0) || Double.isInfinite(deadband)) {
        throw new IllegalArgumentException(
            "the deadband must be a number of 0 or more, was " + deadband);
      }
    }

    public Options withSignals(List<String> patterns) {
      return new Options(patterns, deadband, compressed);
    }

    public Options withDeadband(double band) {
      return new Options(signals, band, compressed);
    }

    public Options withCompressed(boolean gzip) {
      return new Options(signals, deadband, gzip);
    }

    /** The file name ending: {@code .jsonl.gz} or {@code .jsonl}. */
    public String extension() {
      return compressed ? ".jsonl.gz" : ".jsonl";
    }

    /**
     * The patterns that match no signal of {@code definitions} (a line's, plus the simulation's
     * own {@code Simulation/...} signals, which always match a {@code Simulation/} pattern).
     */
    public List<String> unmatched(List<SignalDefinition> definitions) {
      List<String> none = new ArrayList<>();
      for (String pattern : signals) {
        Pattern regex = glob(pattern);
        boolean any = pattern.startsWith("Simulation/")
            || definitions.stream().anyMatch(d -> matches(regex, d));
        if (!any) {
          none.add(pattern);
        }
      }
      return none;
    }

    boolean selects(SignalDefinition definition) {
      if (signals.isEmpty()) {
        return true;
      }
      for (String pattern : signals) {
        if (matches(glob(pattern), definition)) {
          return true;
        }
      }
      return false;
    }

    private static boolean matches(Pattern regex, SignalDefinition d) {
      return regex.matcher(d.path().toString()).matches()
          || d.tag().map(t -> regex.matcher(t).matches()).orElse(false);
    }

    private static Pattern glob(String pattern) {
      StringBuilder regex = new StringBuilder();
      for (String part : pattern.split("\\*", -1)) {
        if (!regex.isEmpty()) {
          regex.append(".*");
        }
        regex.append(Pattern.quote(part));
      }
      return Pattern.compile(regex.toString());
    }
  }

  private TraceFiles() {}

  /**
   * Writes each finished sequence's trace, every signal and change, compressed, to {@code
   * folder/<file>/<sequence>.jsonl.gz}.
   */
  public static BiConsumer<SuiteSpec.Sequence, Harness> writer(Path folder, SuiteSpec suite) {
    return writer(folder, suite, Options.DEFAULT);
  }

  /** Writes each finished sequence's trace to {@code folder/<file>/<sequence><extension>}. */
  public static BiConsumer<SuiteSpec.Sequence, Harness> writer(
      Path folder, SuiteSpec suite, Options options) {
    String suiteName =
        Path.of(suite.file()).getFileName().toString().replaceFirst("\\.ya?ml$", "");
    return (sequence, harness) -> {
      Path file = folder.resolve(safe(suiteName)).resolve(safe(sequence.name())
          + options.extension());
      try {
        write(harness, file, options);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the trace of " + sequence.name(), e);
      }
    };
  }

  /** Writes the trace of {@code harness} so far, every signal and change, uncompressed. */
  public static void write(Harness harness, Path file) throws IOException {
    write(harness, file, Options.DEFAULT.withCompressed(false));
  }

  /** Writes the trace of {@code harness} so far. */
  public static void write(Harness harness, Path file, Options options) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    ObjectMapper json = new ObjectMapper();
    int count = harness.signals().size();
    boolean[] traced = new boolean[count];
    Object[] written = new Object[count];
    for (int i = 0; i < count; i++) {
      traced[i] = options.selects(harness.signals().definition(i));
    }
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream body = options.compressed() ? new GZIPOutputStream(raw, 1 << 16) : raw;
        Writer out = new java.io.BufferedWriter(
            new OutputStreamWriter(body, StandardCharsets.UTF_8), 1 << 16)) {
      for (int i = 0; i < count; i++) {
        if (traced[i]) {
          written[i] = harness.initialValue(i);
          line(json, out, harness.startTime(), harness, i, written[i]);
        }
      }
      for (Harness.Change change : harness.changes()) {
        int id = change.signal();
        if (!traced[id] || withinDeadband(harness.signals().definition(id).type(), written[id],
            change.value(), options.deadband())) {
          continue;
        }
        written[id] = change.value();
        line(json, out, change.time(), harness, id, change.value());
      }
    }
  }

  private static boolean withinDeadband(SignalType type, Object last, Object value, double band) {
    if (band == 0 || (type != SignalType.FLOAT && type != SignalType.DOUBLE)
        || !(last instanceof Number before) || !(value instanceof Number now)) {
      return false;
    }
    return Math.abs(now.doubleValue() - before.doubleValue()) < band;
  }

  private static void line(ObjectMapper json, Writer out, long time, Harness harness, int id,
      Object value) throws IOException {
    String signal = harness.signals().definition(id).path().toString();
    try (JsonGenerator line = json.getFactory().createGenerator(out)) {
      line.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      line.writeStartObject();
      line.writeNumberField("time_ns", time);
      line.writeStringField("signal", signal);
      line.writeFieldName("value");
      json.writeValue(line, value);
      line.writeEndObject();
    }
    out.write('\n');
  }

  /** A file name from a sequence name: letters, digits, '-', '_' and '.' kept. */
  static String safe(String name) {
    String cleaned = name.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^_+|_+$", "");
    return cleaned.isEmpty() ? "sequence" : cleaned;
  }
}
