package io.twinline.harness.suite;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twinline.harness.run.Harness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;

/**
 * Full signal traces of sequences, one file per sequence: JSON lines, one change per line with
 * its simulated time, {@code {"time_ns":1230000000,"signal":"Infeed/MotorOn","value":true}}, in
 * the order the changes happened. Two runs of the same sequence with the same seed and program
 * give identical files, so a trace can be diffed against a golden one.
 */
public final class TraceFiles {

  private TraceFiles() {}

  /** Writes each finished sequence's trace to {@code folder/<file>/<sequence>.jsonl}. */
  public static BiConsumer<SuiteSpec.Sequence, Harness> writer(Path folder, SuiteSpec suite) {
    String suiteName =
        Path.of(suite.file()).getFileName().toString().replaceFirst("\\.ya?ml$", "");
    return (sequence, harness) -> {
      try {
        write(harness, folder.resolve(safe(suiteName)).resolve(safe(sequence.name()) + ".jsonl"));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the trace of " + sequence.name(), e);
      }
    };
  }

  /** Writes the trace of {@code harness} so far. */
  public static void write(Harness harness, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    ObjectMapper json = new ObjectMapper();
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Harness.Change change : harness.changes()) {
        String signal = harness.signals().definition(change.signal()).path().toString();
        try (JsonGenerator line = json.getFactory().createGenerator(out)) {
          line.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
          line.writeStartObject();
          line.writeNumberField("time_ns", change.time());
          line.writeStringField("signal", signal);
          line.writeFieldName("value");
          json.writeValue(line, change.value());
          line.writeEndObject();
        }
        out.write('\n');
      }
    }
  }

  /** A file name from a sequence name: letters, digits, '-', '_' and '.' kept. */
  static String safe(String name) {
    String cleaned = name.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^_+|_+$", "");
    return cleaned.isEmpty() ? "sequence" : cleaned;
  }
}
