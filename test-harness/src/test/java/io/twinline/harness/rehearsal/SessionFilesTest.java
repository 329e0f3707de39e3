package io.twinline.harness.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinline.line.LineDefinitions;
import io.twinline.line.fault.FaultSpec;
import io.twinline.line.model.LineDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Session files: written, read back, and read as far as they go when damaged. */
class SessionFilesTest {

  @Test
  void aSessionReadsBackAsItWasWritten(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("s.jsonl.gz");
    SessionFiles.write(file, KpisTest.session());

    Recording read = SessionFiles.read(file);

    assertThat(read.problems()).isEmpty();
    assertThat(read.header()).isEqualTo(KpisTest.session().header());
    assertThat(read.events()).isEqualTo(KpisTest.session().events());
  }

  @Test
  void aTruncatedFileIsReadUpToWhereItEndsAndSaysWhere(@TempDir Path dir) throws Exception {
    Path whole = dir.resolve("whole.jsonl.gz");
    // written as a recording goes: flushed after every batch
    try (SessionFiles.Writer writer = SessionFiles.create(whole, KpisTest.session().header())) {
      for (SessionEvent event : KpisTest.session().events()) {
        writer.write(event);
        writer.flush();
      }
    }
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = dir.resolve("cut.jsonl.gz");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length - 30));

    Recording read = SessionFiles.read(cut);

    assertThat(read.problems()).singleElement().asString()
        .startsWith(cut + ":").contains("the file ends early");
    assertThat(read.events()).isNotEmpty()
        .isEqualTo(KpisTest.session().events().subList(0, read.events().size()));
  }

  @Test
  void aCorruptedLineIsSkippedWithItsNumberAndTheRestIsKept(@TempDir Path dir)
      throws Exception {
    Path plain = dir.resolve("s.jsonl");
    SessionFiles.write(plain, KpisTest.session());
    java.util.List<String> lines =
        new java.util.ArrayList<>(Files.readAllLines(plain, StandardCharsets.UTF_8));
    lines.set(3, "{\"t\":12,\"signal\":\"Out/Count_a\",\"val");
    lines.set(5, "{\"t\":5,\"what\":1}");
    Files.write(plain, lines, StandardCharsets.UTF_8);

    Recording read = SessionFiles.read(plain);

    assertThat(read.problems()).hasSize(2);
    assertThat(read.problems().get(0)).startsWith(plain + ":4: not an event (not JSON");
    assertThat(read.problems().get(1)).isEqualTo(plain + ":6: an event has one of \"signal\", "
        + "\"operate\", \"recipe\", \"fault\", \"clear\", \"end\"; skipped");
    assertThat(read.events()).hasSize(KpisTest.session().events().size() - 2);
  }

  @Test
  void aFileWithoutItsEndLineSaysItWasCutOff(@TempDir Path dir) throws Exception {
    Path plain = dir.resolve("s.jsonl");
    SessionFiles.write(plain, KpisTest.session());
    java.util.List<String> lines = Files.readAllLines(plain, StandardCharsets.UTF_8);
    Files.write(plain, lines.subList(0, lines.size() - 1), StandardCharsets.UTF_8);

    Recording read = SessionFiles.read(plain);

    assertThat(read.problems()).containsExactly(plain + ":" + (lines.size() - 1)
        + ": the session has no end line after this one (cut off, or still being recorded); "
        + "the " + (lines.size() - 1) + " lines are used");
    assertThat(read.events()).hasSize(KpisTest.session().events().size() - 1);
  }

  @Test
  void aScheduledFaultKeepsItsStartAndDuration(@TempDir Path dir) throws Exception {
    LineDefinition line = LineDefinitions.parse("k.yaml", KpisTest.LINE);
    FaultSpec fault = LineDefinitions.parseFault(
        "{id: J1, target: Belt, kind: jam, at: 30 s, duration: 10 s}", line);
    Recording recording = new Recording(KpisTest.session().header(), List.of(
        new SessionEvent.FaultInjected(0, fault), new SessionEvent.Ended(60_000_000_000L)),
        List.of());
    Path file = dir.resolve("f.jsonl");
    SessionFiles.write(file, recording);

    assertThat(SessionFiles.read(file).events()).isEqualTo(recording.events());
  }

  @Test
  void aFileThatIsNoSessionIsRefusedAtItsFirstLine(@TempDir Path dir) throws Exception {
    Path other = dir.resolve("other.jsonl");
    Files.writeString(other, "{\"time_ns\":0,\"signal\":\"A/B\",\"value\":true}\n");

    assertThatThrownBy(() -> SessionFiles.read(other)).isInstanceOf(IOException.class)
        .hasMessage(other + ":1: not a Twinline session (no \"format\": \"twinline-session\" "
            + "on the first line)");
  }

  /** The session's lines with line {@code number} (1-based) replaced by {@code text}. */
  private static Path withLine(Path dir, String name, int number, String text) throws Exception {
    Path plain = dir.resolve(name);
    SessionFiles.write(plain, KpisTest.session());
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(plain));
    lines.set(number - 1, text);
    Files.write(plain, lines, StandardCharsets.UTF_8);
    return plain;
  }

  @Test
  void timesBelowZeroBackwardsOrNearTheEndOfTimeAreRefusedWithTheirLine(@TempDir Path dir)
      throws Exception {
    int last = Files.readAllLines(write(dir)).size();
    Path negative = withLine(dir, "negative.jsonl", 3, "{\"t\":-5,\"operate\":\"X\",\"action\":\"press\"}");
    Path backwards = withLine(dir, "backwards.jsonl", last - 1,
        "{\"t\":1,\"operate\":\"X\",\"action\":\"press\"}");
    Path forever = withLine(dir, "forever.jsonl", last,
        "{\"t\":" + (Long.MAX_VALUE - 1) + ",\"end\":true}");

    assertThatThrownBy(() -> SessionFiles.read(negative)).isInstanceOf(IOException.class)
        .hasMessageStartingWith(negative + ":3: time -5 ns is below zero");
    assertThatThrownBy(() -> SessionFiles.read(backwards))
        .hasMessageStartingWith(backwards + ":" + (last - 1) + ": time 1 ns is before the previous"
            + " event's");
    assertThatThrownBy(() -> SessionFiles.read(forever))
        .hasMessageStartingWith(forever + ":" + last + ": time " + (Long.MAX_VALUE - 1)
            + " ns is beyond 1000 h");
  }

  @Test
  void anEventAfterTheEndLineIsRefused(@TempDir Path dir) throws Exception {
    Path plain = write(dir);
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(plain));
    String end = lines.remove(lines.size() - 1);
    lines.add(3, end.replaceFirst("\"t\":\\d+", "\"t\":0"));
    Files.write(plain, lines, StandardCharsets.UTF_8);

    assertThatThrownBy(() -> SessionFiles.read(plain))
        .hasMessageStartingWith(plain + ":5: an event after the end of the session (the end line"
            + " is line 4)");
  }

  @Test
  void aGzipBombAndAnEndlessLineAreRefusedWithoutReadingThemIntoMemory(@TempDir Path dir)
      throws Exception {
    Path bomb = dir.resolve("bomb.jsonl.gz");
    byte[] header = (SessionFormat.JSON.writeValueAsString(
        SessionFormat.header(KpisTest.session().header())) + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] blanks = new byte[1 << 20];
    Arrays.fill(blanks, (byte) '\n');
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(bomb))) {
      out.write(header);
      for (int i = 0; i < 40; i++) { // 40 MiB of empty lines, about 40 KB compressed
        out.write(blanks);
      }
    }
    Path endless = dir.resolve("endless.jsonl.gz");
    byte[] spaces = new byte[1 << 20];
    Arrays.fill(spaces, (byte) ' ');
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(endless))) {
      out.write(header);
      out.write("{\"t\":0,\"signal\":\"A/B\",\"value\":\"".getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 20; i++) {
        out.write(spaces);
      }
    }

    // The real limit is 512 MiB; a smaller one keeps the test quick, the mechanism is the same.
    assertThat(SessionFiles.MAX_BYTES).isEqualTo(512L << 20);
    assertThat(Files.size(bomb)).isLessThan(100_000);
    assertThatThrownBy(() -> SessionFiles.read(bomb, 16L << 20)).isInstanceOf(IOException.class)
        .hasMessageStartingWith(bomb + ":")
        .hasMessageContaining("more than 16 MiB once uncompressed");
    assertThatThrownBy(() -> SessionFiles.read(endless))
        .hasMessageStartingWith(endless + ":2: the line is longer than 1 MiB");
  }

  private static Path write(Path dir) throws Exception {
    Path plain = dir.resolve("whole.jsonl");
    SessionFiles.write(plain, KpisTest.session());
    return plain;
  }
}
