package io.twinline.harness.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.twinline.harness.rehearsal.SessionEvent.Ended;
import io.twinline.harness.rehearsal.SessionEvent.FaultCleared;
import io.twinline.harness.rehearsal.SessionEvent.FaultInjected;
import io.twinline.harness.rehearsal.SessionEvent.Operated;
import io.twinline.harness.rehearsal.SessionEvent.RecipeLoaded;
import io.twinline.harness.rehearsal.SessionEvent.SignalChange;
import io.twinline.line.LineDefinitions;
import io.twinline.line.fault.FaultKind;
import io.twinline.line.fault.FaultSpec;
import io.twinline.line.model.LineDefinition;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The KPIs of a small session worked out by hand. */
class KpisTest {

  static final String LINE = """
      line: K
      components:
        - {name: Feed, type: source, interval: 2 s, part: {type: a, length: 0.1 m}, to: Belt}
        - {name: Belt, type: conveyor, length: 1 m, speed: 0.5 m/s, to: Out}
        - {name: Out, type: sink, countTypes: [a, b]}
        - {name: Scrap, type: sink}
        - {name: Start, type: push-button}
      recipes:
        - {name: A, components: {Feed: {part: {type: a, length: 0.1 m}}}}
        - {name: B, components: {Feed: {part: {type: b, length: 0.2 m}}}}
      """;

  static final long S = 1_000_000_000L;

  /**
   * Product a until the load of B at 4 s; the belt stops from 4 s to 7 s; the operator presses
   * Start at 5 s; a jam from 6 s to 6.5 s; one part scrapped at 8 s; parts b at 9 s and 10 s.
   */
  static Recording session() {
    List<SessionEvent> events = List.of(
        new SignalChange(0, "Belt/MotorOn", false),
        new SignalChange(0, "Out/Count_a", 0L),
        new SignalChange(0, "Out/Count_b", 0L),
        new SignalChange(0, "Scrap/Count", 0L),
        new RecipeLoaded(0, "A"),
        new SignalChange(1 * S, "Belt/MotorOn", true),
        new SignalChange(2 * S, "Out/Count_a", 1L),
        new SignalChange(3 * S, "Out/Count_a", 2L),
        new RecipeLoaded(4 * S, "B"),
        new SignalChange(4 * S, "Belt/MotorOn", false),
        new Operated(5 * S, "Start", "press"),
        new FaultInjected(6 * S, FaultSpec.of("J1", "Belt", FaultKind.JAM)),
        new FaultCleared(6 * S + S / 2, "J1"),
        new SignalChange(7 * S, "Belt/MotorOn", true),
        new SignalChange(8 * S, "Scrap/Count", 1L),
        new SignalChange(9 * S, "Out/Count_b", 1L),
        new SignalChange(10 * S, "Out/Count_b", 2L),
        new Ended(10 * S));
    return new Recording(new SessionHeader("K", "k.yaml", 1, "hand", "", ""), events, List.of());
  }

  @Test
  void theKpisOfAHandCheckedSession() throws Exception {
    LineDefinition line = LineDefinitions.parse("k.yaml", LINE);

    Kpis kpis = Kpis.of(session(), line, Kpis.Sinks.of(line));

    assertThat(kpis.from()).isEqualTo("A");
    assertThat(kpis.to()).isEqualTo("B");
    assertThat(kpis.loadedAt()).isEqualTo(4 * S);
    assertThat(kpis.lastOldPart()).hasValue(3 * S);
    assertThat(kpis.firstNewPart()).hasValue(9 * S);
    assertThat(kpis.changeover()).hasValue(6 * S);
    assertThat(kpis.standstill()).isEqualTo(3 * S); // the belt from 4 s to 7 s
    assertThat(kpis.rejected()).isEqualTo(1);
    assertThat(kpis.goodOld()).isEqualTo(2);
    assertThat(kpis.goodNew()).isEqualTo(2);
    // a fault injected is among the faults, not the steps
    assertThat(kpis.steps()).extracting(Kpis.Step::what).containsExactly(
        "load recipe B", "press Start", "clear fault J1");
    assertThat(kpis.steps()).extracting(Kpis.Step::took)
        .containsExactly(1 * S, 1 * S, S + S / 2);
    assertThat(kpis.faults()).singleElement().satisfies(f -> {
      assertThat(f.at()).isEqualTo(6 * S);
      assertThat(f.clearedAt()).isEqualTo(OptionalLong.of(6 * S + S / 2));
    });
    assertThat(kpis.notes()).containsExactly("fewer than 10 good parts of the new product: the "
        + "ramp-up is counted to the end of the session");
    assertThat(kpis.describe()).contains("duration (last good old part to first good new part):"
        + " 6.000 s (3.000 s to 9.000 s)");
  }

  @Test
  void aSessionWithoutARecipeLoadHasNoChangeoverAndItsFiguresCoverTheWholeSession()
      throws Exception {
    LineDefinition line = LineDefinitions.parse("k.yaml", LINE);
    Recording noLoad = new Recording(session().header(), session().events().stream()
        .filter(e -> !(e instanceof RecipeLoaded)).toList(), List.of());

    Kpis kpis = Kpis.of(noLoad, line, Kpis.Sinks.of(line));

    assertThat(kpis.hasChangeover()).isFalse();
    assertThat(kpis.changeover()).isEmpty();
    assertThat(kpis.standstill()).isEqualTo(4 * S); // 0 to 1 s and 4 s to 7 s
    assertThat(kpis.rejected()).isEqualTo(1);
    assertThat(kpis.steps()).extracting(Kpis.Step::what)
        .containsExactly("press Start", "clear fault J1");
    assertThat(kpis.describe()).startsWith("no changeover (the session loads no recipe)\n");
  }

  @Test
  void goingBackToAnEarlierProductCountsItsPartsFromTheLoadOn() throws Exception {
    LineDefinition line = LineDefinitions.parse("k.yaml", LINE);
    // A until 4 s (parts a at 2 s and 3 s), B from 4 s (parts b at 6 s, 7 s), A again from 8 s
    // (parts a at 12 s, 13 s): the changeover is B -> A, from 7 s to 12 s
    List<SessionEvent> events = List.of(
        new SignalChange(0, "Out/Count_a", 0L),
        new SignalChange(0, "Out/Count_b", 0L),
        new RecipeLoaded(0, "A"),
        new SignalChange(2 * S, "Out/Count_a", 1L),
        new SignalChange(3 * S, "Out/Count_a", 2L),
        new RecipeLoaded(4 * S, "B"),
        new SignalChange(6 * S, "Out/Count_b", 1L),
        new SignalChange(7 * S, "Out/Count_b", 2L),
        new RecipeLoaded(8 * S, "A"),
        new SignalChange(12 * S, "Out/Count_a", 3L),
        new SignalChange(13 * S, "Out/Count_a", 4L),
        new Ended(14 * S));
    Recording backAndForth = new Recording(session().header(), events, List.of());

    Kpis kpis = Kpis.of(backAndForth, line, Kpis.Sinks.of(line));

    assertThat(kpis.from()).isEqualTo("B");
    assertThat(kpis.to()).isEqualTo("A");
    assertThat(kpis.lastOldPart()).hasValue(7 * S);
    assertThat(kpis.firstNewPart()).hasValue(12 * S);
    assertThat(kpis.changeover()).hasValue(5 * S);
    assertThat(kpis.goodOld()).isEqualTo(2);
    assertThat(kpis.goodNew()).isEqualTo(2);
    assertThat(kpis.steps()).extracting(Kpis.Step::what).containsExactly("load recipe A");
  }

  @Test
  void aScheduledFaultCountsFromItsStartToTheEndOfItsDuration() throws Exception {
    LineDefinition line = LineDefinitions.parse("k.yaml", LINE);
    FaultSpec scheduled = LineDefinitions.parseFault(
        "{id: J2, target: Belt, kind: jam, at: 30 s, duration: 10 s}", line);
    FaultSpec open = LineDefinitions.parseFault(
        "{id: J3, target: Belt, kind: jam, at: 50 s}", line);
    Recording recording = new Recording(session().header(), List.of(
        new SignalChange(0, "Belt/MotorOn", false),
        new FaultInjected(0, scheduled),
        new FaultInjected(0, open),
        new Ended(60 * S)), List.of());

    Kpis kpis = Kpis.of(recording, line, Kpis.Sinks.of(line));

    assertThat(kpis.faults()).extracting(Kpis.Fault::id, Kpis.Fault::at, Kpis.Fault::clearedAt)
        .containsExactly(
            tuple("J2", 30 * S, OptionalLong.of(40 * S)),
            tuple("J3", 50 * S, OptionalLong.empty()));
  }

  @Test
  void aLineWithoutAGoodSinkHasNoPartFiguresButTheRest() throws Exception {
    LineDefinition line = LineDefinitions.parse("k.yaml", LINE.replace(", countTypes: [a, b]",
        ""));

    Kpis kpis = Kpis.of(session(), line, Kpis.Sinks.of(line));

    assertThat(kpis.goodOld()).isZero();
    assertThat(kpis.goodNew()).isZero();
    assertThat(kpis.standstill()).isEqualTo(3 * S); // the belt from 4 s to 7 s
    assertThat(kpis.notes()).anyMatch(n -> n.contains("no single sink that counts by part type"));
  }

  @Test
  void theLinesOwnFaultsAreAmongTheFaults() throws Exception {
    LineDefinition line = LineDefinitions.parse("k.yaml", LINE + """
        faults:
          - {id: L1, target: Belt, kind: jam, at: 2 s, duration: 1 s}
          - {id: L2, target: Belt, kind: jam, at: 20 s}
        """);

    Kpis kpis = Kpis.of(session(), line, Kpis.Sinks.of(line));

    // L2 would start after the session's end (10 s)
    assertThat(kpis.faults()).extracting(Kpis.Fault::id, Kpis.Fault::at, Kpis.Fault::clearedAt)
        .containsExactly(tuple("L1", 2 * S, OptionalLong.of(3 * S)),
            tuple("J1", 6 * S, OptionalLong.of(6 * S + S / 2)));
  }

  @Test
  void loadingTheSameRecipeAgainIsNotAnotherChangeover() throws Exception {
    LineDefinition line = LineDefinitions.parse("k.yaml", LINE);
    List<SessionEvent> events = new java.util.ArrayList<>(session().events());
    events.add(events.size() - 1, new RecipeLoaded(9 * S + S / 2, "B"));
    Recording twice = new Recording(session().header(), events, List.of());

    Kpis kpis = Kpis.of(twice, line, Kpis.Sinks.of(line));

    assertThat(kpis.from()).isEqualTo("A");
    assertThat(kpis.loadedAt()).isEqualTo(4 * S);
    assertThat(kpis.changeover()).hasValue(6 * S);
  }

  @Test
  void aScheduledFaultClearedBeforeItStartsNeverHappened() throws Exception {
    LineDefinition line = LineDefinitions.parse("k.yaml", LINE);
    FaultSpec later = LineDefinitions.parseFault("{id: J4, target: Belt, kind: jam, at: 8 s}",
        line);
    Recording recording = new Recording(session().header(), List.of(
        new SignalChange(0, "Belt/MotorOn", false),
        new FaultInjected(1 * S, later),
        new FaultCleared(2 * S, "J4"),
        new Ended(10 * S)), List.of());

    assertThat(Kpis.of(recording, line, Kpis.Sinks.of(line)).faults()).isEmpty();
  }
}
