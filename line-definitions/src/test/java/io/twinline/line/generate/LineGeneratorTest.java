package io.twinline.line.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinline.line.Direction;
import io.twinline.line.InvalidDefinitionException;
import io.twinline.line.LineDefinitions;
import io.twinline.line.Problem;
import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalPath;
import io.twinline.line.SignalType;
import io.twinline.line.model.LineDefinition;
import org.junit.jupiter.api.Test;

/** Generated lines for scale tests, and the variable arrays they are made of. */
class LineGeneratorTest {

  @Test
  void aGeneratedLineHasTheSignalsAskedForInWholeCells() throws Exception {
    LineDefinition line = LineDefinitions.parse("gen.yaml", LineGenerator.generate(1050));

    long cells = line.components().stream().filter(c -> c.name().startsWith("Cell")).count();
    assertThat(cells).isEqualTo(11);
    long cellSignals = line.signals().stream()
        .filter(s -> s.path().component().startsWith("Cell")).count();
    assertThat(cellSignals).isEqualTo(1100);
    SignalDefinition counter = line.signals().stream()
        .filter(s -> s.path().equals(new SignalPath("Cell10", "Count39"))).findFirst()
        .orElseThrow();
    assertThat(counter.type()).isEqualTo(SignalType.INT32);
    assertThat(counter.direction()).isEqualTo(Direction.INPUT);
    assertThat(line.signals()).anyMatch(s -> s.path().toString().equals("ProbeMotor/Run"));
  }

  @Test
  void aVariableWithACountIsAnArrayOfVariables() throws Exception {
    LineDefinition line = LineDefinitions.parse("a.yaml", """
        line: A
        components:
          - name: Io
            type: variables
            variables:
              - {name: Temp, type: Double, direction: input, count: 3, unit: "°C", range: [0, 200]}
              - {name: Mode, type: Int16, direction: output}
        """);

    assertThat(line.signals()).extracting(s -> s.path().toString())
        .containsExactly("Io/Temp0", "Io/Temp1", "Io/Temp2", "Io/Mode");
    assertThat(line.signals().get(2).analog().orElseThrow().max()).isEqualTo(200.0);
  }

  @Test
  void aCountOutOfRangeOrAClashIsAProblem() {
    assertThatThrownBy(() -> LineDefinitions.parse("b.yaml", """
        line: B
        components:
          - name: Io
            type: variables
            variables:
              - {name: T, type: Int16, direction: input, count: 0}
              - {name: X, type: Int16, direction: input, count: 2}
              - {name: X1, type: Int16, direction: input}
        """))
        .isInstanceOf(InvalidDefinitionException.class)
        .satisfies(e -> assertThat(((InvalidDefinitionException) e).problems())
            .extracting(Problem::format)
            .containsExactly(
                "b.yaml:6:57: components[0].variables[0].count: 'count' must be 1 to 100000,"
                    + " not 0\n  hint: 'count: 40' makes Name0 to Name39",
                "b.yaml:8:16: components[0].variables[2].name: variable 'X1' is defined twice"));
  }
}
