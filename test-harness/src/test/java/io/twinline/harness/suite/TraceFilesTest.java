package io.twinline.harness.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twinline.harness.reference.MixingTankProgram;
import io.twinline.harness.run.Harness;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Traces: initial values, a choice of signals, a deadband for analog values, gzip. */
class TraceFilesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Two minutes of a batch: the tank fills, its level changes every I/O cycle. */
  private static Harness fillingTank() throws Exception {
    Harness tank = Harness.onExample("mixing-tank.yaml").controller(new MixingTankProgram())
        .start();
    tank.waitFor(Duration.ofMinutes(2));
    return tank;
  }

  private static List<JsonNode> read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (file.toString().endsWith(".gz")) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
        bytes = in.readAllBytes();
      }
    }
    List<JsonNode> lines = new ArrayList<>();
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }

  @Test
  void aTraceStartsWithEverySignalsValueAtTimeZero(@TempDir Path dir) throws Exception {
    try (Harness tank = fillingTank()) {
      Path file = dir.resolve("t.jsonl");
      TraceFiles.write(tank, file);

      List<JsonNode> lines = read(file);
      List<JsonNode> first = lines.subList(0, tank.signals().size());
      assertThat(first).allSatisfy(l -> assertThat(l.get("time_ns").asLong()).isZero());
      assertThat(first.stream().map(l -> l.get("signal").asText()))
          .contains("Mixer/Level", "Mixer/HighLevel", "ValveA/Open")
          .doesNotHaveDuplicates();
      assertThat(first).anySatisfy(l -> {
        assertThat(l.get("signal").asText()).isEqualTo("Mixer/HighLevel");
        assertThat(l.get("value").asBoolean()).isFalse(); // never changes in two minutes
      });
      assertThat(lines).hasSize(tank.signals().size() + tank.changes().size());
    }
  }

  @Test
  void onlyTheChosenSignalsAreTracedByPathTagOrPattern(@TempDir Path dir) throws Exception {
    try (Harness tank = fillingTank()) {
      Path file = dir.resolve("t.jsonl");
      TraceFiles.write(tank, file, TraceFiles.Options.DEFAULT.withCompressed(false)
          .withSignals(List.of("Valve*/Open", "IW_Level")));

      assertThat(read(file).stream().map(l -> l.get("signal").asText()).distinct())
          .containsExactlyInAnyOrder("ValveA/Open", "ValveB/Open", "Mixer/Level");
    }
  }

  @Test
  void aDeadbandDropsSmallAnalogStepsButKeepsEveryBooleanChange(@TempDir Path dir)
      throws Exception {
    try (Harness tank = fillingTank()) {
      Path all = dir.resolve("all.jsonl");
      Path banded = dir.resolve("banded.jsonl");
      TraceFiles.Options plain = TraceFiles.Options.DEFAULT.withCompressed(false);
      TraceFiles.write(tank, all, plain);
      TraceFiles.write(tank, banded, plain.withDeadband(0.01));

      List<JsonNode> every = read(all);
      List<JsonNode> fewer = read(banded);
      assertThat(count(fewer, "Mixer/Level")).isLessThan(count(every, "Mixer/Level") / 10);
      assertThat(count(fewer, "ValveA/IsOpen")).isEqualTo(count(every, "ValveA/IsOpen"))
          .isGreaterThan(1);
      Map<String, Double> last = new HashMap<>();
      for (JsonNode line : fewer) {
        if (line.get("signal").asText().equals("Mixer/Level")) {
          Double before = last.put("Mixer/Level", line.get("value").asDouble());
          if (before != null) {
            assertThat(Math.abs(line.get("value").asDouble() - before))
                .isGreaterThanOrEqualTo(0.01);
          }
        }
      }
    }
  }

  @Test
  void compressedTracesAreByteIdenticalFromRunToRun(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("a.jsonl.gz");
    Path b = dir.resolve("b.jsonl.gz");
    Path plain = dir.resolve("plain.jsonl");
    try (Harness tank = fillingTank()) {
      TraceFiles.write(tank, a, TraceFiles.Options.DEFAULT);
      TraceFiles.write(tank, plain);
    }
    try (Harness tank = fillingTank()) {
      TraceFiles.write(tank, b, TraceFiles.Options.DEFAULT);
    }

    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    assertThat(read(a)).isEqualTo(read(plain));
    assertThat(Files.size(a)).isLessThan(Files.size(plain) / 5);
  }

  private static long count(List<JsonNode> lines, String signal) {
    return lines.stream().filter(l -> l.get("signal").asText().equals(signal)).count();
  }
}
