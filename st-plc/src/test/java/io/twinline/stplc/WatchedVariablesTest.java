package io.twinline.stplc;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.line.LineDefinitions;
import io.twinline.line.model.LineDefinition;
import io.twinline.sim.controller.WatchedVariable;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What of an ST program can be watched, and the values it gives (no server involved). */
class WatchedVariablesTest {

  private static StProgram program(String file, String lineFile) throws Exception {
    LineDefinition line = LineDefinitions.read(Path.of(lineFile));
    StPrograms.Spec spec = StPrograms.Spec.parse(file, false);
    return StPrograms.program(StPrograms.read(spec), spec, line);
  }

  @Test
  void theBottlingProgramsStepAndItsEdgeDetectorsOutputsAreWatched() throws Exception {
    StProgram st = program("examples/bottling-line.st", "../line-definitions/bottling-line.yaml");
    List<WatchedVariable> watched = st.watched();

    assertThat(watched).contains(
        new WatchedVariable("BottlingLine/mode", WatchedVariable.Kind.TEXT, "LineMode"),
        new WatchedVariable("BottlingLine/startEdge.Q", WatchedVariable.Kind.BOOL, "BOOL"),
        new WatchedVariable("BottlingLine/Recipe_GuideWidth", WatchedVariable.Kind.REAL,
            "LREAL"),
        new WatchedVariable("BottlingLine/divertedSeen", WatchedVariable.Kind.INTEGER, "DINT"));
    assertThat(watched).extracting(WatchedVariable::path)
        .doesNotContain("BottlingLine/startEdge", "BottlingLine/startEdge.CLK");

    Object[] values = new Object[watched.size()];
    st.copyWatched(values);
    int mode = watched.indexOf(
        new WatchedVariable("BottlingLine/mode", WatchedVariable.Kind.TEXT, "LineMode"));
    assertThat(values[mode]).isEqualTo("LineMode#STOPPED");
  }

  @Test
  void globalsAreWatchedUnderGlobalsButNotTheProgramsExternalOrTemporary() throws Exception {
    StProgram st = new StProgram(io.twinline.stplc.compile.Compiler.compile("g.st", """
        VAR_GLOBAL
          total : INT := 32767;
          label : STRING := 'x';
          hold : TIME := T#1s500ms;
        END_VAR
        PROGRAM Main
        VAR_EXTERNAL total : INT; END_VAR
        VAR_TEMP scratch : INT; END_VAR
        scratch := 1;
        total := total + scratch;
        END_PROGRAM
        """, 0), List.of());

    assertThat(st.watched()).extracting(WatchedVariable::path)
        .containsExactly("Globals/total", "Globals/label", "Globals/hold");
    Object[] values = new Object[3];
    st.copyWatched(values);
    assertThat(values).containsExactly(32767L, "x", "T#1s500ms");
  }
}
