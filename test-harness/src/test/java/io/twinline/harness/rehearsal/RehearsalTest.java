package io.twinline.harness.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.sim.controller.ProcessImage;
import io.twinline.harness.reference.BottlingLineProgram;
import io.twinline.harness.run.Harness;
import io.twinline.line.LineDefinitions;
import io.twinline.line.model.LineDefinition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A changeover of the bottling line from small to large bottles, rehearsed with its reference
 * program, recorded, replayed and compared.
 */
class RehearsalTest {

  private static LineDefinition bottling() throws Exception {
    return LineDefinitions.example("bottling-line.yaml");
  }

  /** Small bottles for 2 min, then the changeover to large ones, then 3 min more. */
  static Recording rehearse(LineDefinition line, io.twinline.sim.controller.ControlProgram
      program) {
    try (Harness harness = Harness.on(line).controller(program).start()) {
      SessionRecorder live = SessionRecorder.of(harness.session(),
          new SessionHeader(line.name(), line.file(), line.seed(), "live", "", ""), null);
      harness.session().subscribe(live);
      harness.loadRecipe("small");
      harness.pulse("StartButton", Duration.ofMillis(200));
      harness.waitFor(Duration.ofMinutes(2));
      harness.loadRecipe("large");
      harness.waitFor(Duration.ofMinutes(3));
      harness.session().publishNow();
      Recording recording = SessionRecorder.of(harness, new SessionHeader(line.name(),
          line.file(), line.seed(), program.getClass().getName(), "", "small -> large"));
      // recorded live from the change sets or afterwards from the harness: the same
      assertThat(live.recording().changes()).isEqualTo(recording.changes());
      assertThat(live.recording().actions()).isEqualTo(recording.actions());
      return recording;
    }
  }

  @Test
  void theChangeoversKpisComeFromTheRecording() throws Exception {
    LineDefinition line = bottling();

    Recording recording = rehearse(line, new BottlingLineProgram());
    Kpis kpis = Kpis.of(recording, line, Kpis.Sinks.of(line));

    assertThat(kpis.from()).isEqualTo("small");
    assertThat(kpis.to()).isEqualTo("large");
    assertThat(kpis.loadedAt()).isEqualTo(Duration.ofMillis(120_200).toNanos());
    assertThat(kpis.goodOld()).isGreaterThan(50);
    assertThat(kpis.goodNew()).isGreaterThan(10);
    // small bottles still on the line are packed after the load; the first large one comes
    // after the neck guide's 7 s and the way through the line
    assertThat(kpis.lastOldPart().getAsLong()).isGreaterThan(kpis.loadedAt());
    assertThat(kpis.firstNewPart().getAsLong() - kpis.loadedAt())
        .isGreaterThan(Duration.ofSeconds(7).toNanos());
    assertThat(kpis.changeover()).isPresent();
    assertThat(kpis.steps()).extracting(Kpis.Step::what).doesNotContain("load recipe small");
    assertThat(kpis.faults()).isEmpty();
  }

  @Test
  void aReplayWithTheSameProgramGivesTheIdenticalTrace(@TempDir Path dir) throws Exception {
    LineDefinition line = bottling();
    Path file = dir.resolve("rehearsal.jsonl.gz");
    SessionFiles.write(file, rehearse(line, new BottlingLineProgram()));
    Recording recorded = SessionFiles.read(file);

    Recording replayed =
        Replay.run(recorded, line, Optional.of(new BottlingLineProgram()), "reference");
    Kpis.Sinks sinks = Kpis.Sinks.of(line);
    Comparison comparison = Comparison.of(recorded, Kpis.of(recorded, line, sinks), replayed,
        Kpis.of(replayed, line, sinks));

    assertThat(comparison.same()).as(comparison.describe()).isTrue();
    assertThat(replayed.changes()).isEqualTo(recorded.changes());
  }

  @Test
  void aReplayWithAChangedProgramShowsWhereAndHowTheChangeoverDiffers() throws Exception {
    LineDefinition line = bottling();
    Recording recorded = rehearse(line, new BottlingLineProgram());

    Recording replayed = Replay.run(recorded, line, Optional.of(new SlowGuide()), "slow guide");
    Kpis.Sinks sinks = Kpis.Sinks.of(line);
    Kpis before = Kpis.of(recorded, line, sinks);
    Kpis after = Kpis.of(replayed, line, sinks);
    Comparison comparison = Comparison.of(recorded, before, replayed, after);

    assertThat(comparison.same()).isFalse();
    assertThat(after.firstNewPart().getAsLong()).isGreaterThan(before.firstNewPart().getAsLong());
    assertThat(comparison.differences()).anyMatch(d -> d.startsWith("first good new part: "));
    assertThat(comparison.divergence()).isPresent();
    assertThat(comparison.divergence().get().time()).isGreaterThanOrEqualTo(before.loadedAt());
  }

  @Test
  void theReportShowsTheKpisAndATimelineOfTheChangeover(@TempDir Path dir) throws Exception {
    LineDefinition line = bottling();
    Recording recording = rehearse(line, new BottlingLineProgram());
    Kpis kpis = Kpis.of(recording, line, Kpis.Sinks.of(line));

    Path file = RehearsalReport.write(dir, line,
        java.util.List.of(new RehearsalReport.Entry("rehearsal", recording, kpis)));
    String html = java.nio.file.Files.readString(file);

    assertThat(html).contains("<h1>Changeover on BottlingLine</h1>")
        .contains("<td>small → large</td>")
        .contains("<td>" + Kpis.seconds(kpis.changeover().getAsLong()) + "</td>")
        .contains("<svg").contains(">Infeed/MotorOn</text>").contains(">NeckGuide/Moving</text>")
        .contains(">Packed/Count_large_bottle</text>")
        .contains("<title>120.200 s load recipe large</title>");
  }

  /** Starts moving the neck guide only 5 s after the recipe changed. */
  static final class SlowGuide extends BottlingLineProgram {
    private long changedAt = -1;
    private double width = Double.NaN;

    @Override
    public void scan(ProcessImage io) {
      super.scan(io);
      double wanted = io.number("Recipe/GuideWidth");
      if (wanted != width) {
        width = wanted;
        changedAt = io.now();
      }
      if (io.now() - changedAt < 5_000_000_000L && changedAt > 0) {
        io.set("NeckGuide/Move", false);
        io.set("Q_Infeed_Run", false);
      }
    }
  }
}
