package io.twinline.sim.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.line.LineDefinitions;
import io.twinline.line.model.LineDefinition;
import org.junit.jupiter.api.Test;

/** Commands from a console or a client are checked against the line before they are queued. */
class CommandRefusalTest {

  private static LineDefinition line() throws Exception {
    return LineDefinitions.parse("r.yaml", """
        line: R
        components:
          - {name: Start, type: push-button}
          - {name: Belt, type: conveyor, length: 1 m, speed: 1 m/s}
          - {name: Var, type: variables, variables: [{name: X, type: Int16, direction: input}]}
        recipes:
          - {name: small, signals: {Var/X: 1}}
          - {name: large, signals: {Var/X: 2}}
        """);
  }

  @Test
  void anOperatorActionNeedsADeviceThatCanDoIt() throws Exception {
    LineDefinition line = line();

    assertThat(new Operate("Start", "press").refusal(line)).isEmpty();
    assertThat(new Operate("NoSuchButton", "press").refusal(line)).hasValue(
        "'NoSuchButton' is not an operator device (push button, selector switch, e-stop,"
            + " guard door)");
    assertThat(new Operate("Belt", "press").refusal(line)).isPresent();
    assertThat(new Operate("Start", "open").refusal(line))
        .hasValueSatisfying(why -> assertThat(why).startsWith("Start cannot 'open'; it can: "));
  }

  @Test
  void aRecipeMustBeOneOfTheLine() throws Exception {
    LineDefinition line = line();

    assertThat(new LoadRecipe("large").refusal(line)).isEmpty();
    assertThat(new LoadRecipe("medium").refusal(line))
        .hasValue("line R has no recipe 'medium'; recipes: small, large");
  }

  @Test
  void otherCommandsAreLeftToThePlant() throws Exception {
    assertThat(new ClearFault("J1").refusal(line())).isEmpty();
  }
}
