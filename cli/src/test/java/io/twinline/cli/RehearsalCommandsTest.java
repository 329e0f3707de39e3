package io.twinline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.harness.rehearsal.Recording;
import io.twinline.harness.rehearsal.SessionEvent;
import io.twinline.harness.rehearsal.SessionFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code twinline rehearse}, {@code test --record}, {@code replay} and {@code compare}. */
class RehearsalCommandsTest {

  private static final String SUITE = Path.of("..", "test-harness", "sequences",
      "bottling-line.sequences.yaml").toAbsolutePath().normalize().toString();

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Twinline.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private Path recordChangeover(Path dir) throws Exception {
    return record(dir, "changeover");
  }

  /** Runs the bottling suite's sequence tagged {@code tag} with --record; its session file. */
  private Path record(Path dir, String tag) throws Exception {
    assertThat(run("test", SUITE, "--controller", "reference", "--tags", tag,
        "--record", dir.toString())).as(err.toString()).isZero();
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> sessions = files.filter(p -> p.toString().endsWith(".jsonl.gz")).toList();
      assertThat(sessions).hasSize(1);
      return sessions.get(0);
    }
  }

  @Test
  void aRecordedSequenceReplaysIdenticallyWithTheSameProgram(@TempDir Path dir)
      throws Exception {
    Path session = recordChangeover(dir);

    int code = run("replay", session.toString(), "--controller", "reference", "--report",
        dir.resolve("report").toString());

    assertThat(code).as(out + "\n" + err).isZero();
    assertThat(dir.resolve("report").resolve("index.html")).exists();
    assertThat(out.toString()).contains("changeover (line setup) -> large")
        .contains("the same: identical KPIs and signal trace");
  }

  @Test
  void aReplayWithAnotherProgramSaysWhatDiffers(@TempDir Path dir) throws Exception {
    // a session without a changeover: the E-stop sequence, whose trace the bug changes
    Path session = record(dir, "safety");

    int code = run("replay", session.toString(), "--controller",
        "io.twinline.harness.reference.faulty.BottlingLineMissingEStopInterlock");

    assertThat(code).as(out + "\n" + err).isEqualTo(ReplayCommand.EXIT_DIFFERENT);
    assertThat(out.toString()).contains("no changeover (the session loads no recipe)")
        .contains("the traces part at change");
    assertThat(run("compare", session.toString())).isZero();
    assertThat(out.toString()).contains("good parts:");
  }

  @Test
  void aSessionWithoutAChangeoverReplaysIdentically(@TempDir Path dir) throws Exception {
    Path session = record(dir, "safety");

    int code = run("replay", session.toString(), "--controller", "reference");

    assertThat(code).as(out + "\n" + err).isZero();
    assertThat(out.toString()).contains("the same: identical KPIs and signal trace");
  }

  /** The session's lines, uncompressed. */
  private static List<String> lines(Path session) throws Exception {
    try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(session))) {
      return new java.util.ArrayList<>(
          List.of(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
              .split("\n")));
    }
  }

  private static Path plain(Path dir, String name, List<String> lines) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, lines);
    return file;
  }

  @Test
  void sessionsThatWouldReplayForeverOrCompareNonsenseAreRefusedWithTheirLine(@TempDir Path dir)
      throws Exception {
    Path session = record(dir, "safety");
    List<String> lines = lines(session);
    int last = lines.size();

    List<String> otherLine = new java.util.ArrayList<>(lines);
    otherLine.set(0, lines.get(0).replace("\"line\":\"BottlingLine\"",
        "\"line\":\"SortingLine\""));
    List<String> forever = new java.util.ArrayList<>(lines);
    forever.set(last - 1, "{\"t\":9223372036854775000,\"end\":true}");
    List<String> endInTheMiddle = new java.util.ArrayList<>(lines);
    endInTheMiddle.add(3, "{\"t\":0,\"end\":true}");
    Path wrongLine = plain(dir, "other-line.jsonl", otherLine);
    Path endless = plain(dir, "forever.jsonl", forever);
    Path twoEnds = plain(dir, "two-ends.jsonl", endInTheMiddle);

    assertThat(run("replay", wrongLine.toString())).isEqualTo(ReplayCommand.EXIT_BAD_INPUT);
    assertThat(run("replay", endless.toString())).isEqualTo(ReplayCommand.EXIT_BAD_INPUT);
    assertThat(run("compare", session.toString(), twoEnds.toString()))
        .isEqualTo(ReplayCommand.EXIT_BAD_INPUT);
    assertThat(run("compare", session.toString(), wrongLine.toString()))
        .isEqualTo(ReplayCommand.EXIT_BAD_INPUT);

    assertThat(err.toString())
        .contains("twinline replay: " + wrongLine + ":1: the session was recorded on line"
            + " 'SortingLine', but the line here is 'BottlingLine'")
        .contains("twinline replay: " + endless + ":" + last + ": time 9223372036854775000 ns is"
            + " beyond 1000 h")
        .contains("twinline compare: " + twoEnds + ":5: an event after the end of the session")
        .contains("twinline compare: " + wrongLine + ":1: the session was recorded on line"
            + " 'SortingLine'");
  }

  @Test
  void rehearseRecordsTheServedLineAndPrintsTheKpis(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("r.jsonl.gz");

    int code = run("rehearse", "--line", "bottling-line.yaml", "--from", "small", "--to",
        "large", "--port", "0", "--bind", "127.0.0.1", "--pki", dir.resolve("pki").toString(),
        "--time-mode", "afap", "--changeover-at", "1 min", "--duration", "2 min",
        "--no-console", "--out", file.toString());

    assertThat(code).as(out + "\n" + err).isZero();
    Recording recording = SessionFiles.read(file);
    assertThat(recording.problems()).isEmpty();
    assertThat(recording.actions()).extracting(SessionEvent::toString)
        .containsExactly("RecipeLoaded[time=0, recipe=small]",
            "RecipeLoaded[time=60000000000, recipe=large]");
    assertThat(recording.end()).as("ends at --duration exactly, even as fast as possible")
        .isEqualTo(120_000_000_000L);
    assertThat(out.toString()).contains("changeover small -> large, recipe loaded at 60.000 s");
  }

  @Test
  void rehearseRefusesAChangeoverAfterItsEnd(@TempDir Path dir) {
    int code = run("rehearse", "--line", "bottling-line.yaml", "--from", "small", "--to",
        "large", "--changeover-at", "2 min", "--duration", "1 min", "--out",
        dir.resolve("x.jsonl").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("--changeover-at 2 min is not before the end of the rehearsal");
  }

  @Test
  void rehearseRefusesARecipeTheLineDoesNotHave(@TempDir Path dir) {
    int code = run("rehearse", "--line", "bottling-line.yaml", "--from", "small", "--to",
        "huge", "--out", dir.resolve("x.jsonl").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("has no recipe 'huge'; recipes: small, large");
  }
}
