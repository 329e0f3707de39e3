package io.twinline.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.twinline.line.model.ConveyorDefinition;
import io.twinline.line.model.CylinderDefinition;
import io.twinline.line.model.PistonValves;
import io.twinline.line.model.SourceDefinition;
import io.twinline.line.model.StopGateDefinition;
import io.twinline.line.units.DurationDistribution;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cell options of the line file, read into their records, and their mistakes, all at once. */
class CellDefinitionsTest {

  private static List<String> problems(String yaml) {
    InvalidDefinitionException e =
        catchThrowableOfType(InvalidDefinitionException.class,
            () -> LineDefinitions.parse("cell.yaml", yaml));
    return e == null ? List.of() : e.problems().stream().map(Problem::format).toList();
  }

  @Test
  void aToleranceIsReadAsAUniformDistribution() throws Exception {
    var line = LineDefinitions.parse("cell.yaml",
        """
        line: Cell
        components:
          - {name: Feed, type: source, interval: 1.1 s ± 0.2 s, to: Belt}
          - {name: Belt, type: conveyor, length: 1 m, speed: 1 m/s}
        """);

    SourceDefinition feed = (SourceDefinition) line.components().get(0);
    assertThat(feed.interval()).isEqualTo(
        new DurationDistribution.Uniform(Duration.ofMillis(900), Duration.ofMillis(1300)));
  }

  @Test
  void valvesSpringsAndDrivesAreReadAsDrawn() throws Exception {
    var line = LineDefinitions.parse("cell.yaml",
        """
        line: Cell
        components:
          - {name: M, type: motor, ramp: 1 s}
          - {name: Belt, type: conveyor, length: 1 m, speed: 1 m/s, motor: M}
          - {name: Chute, type: conveyor, length: 1 m, speed: 1 m/s, drive: gravity}
          - {name: Stop, type: stop-gate, conveyor: Belt, position: 0.5 m, rest: raised}
          - {name: Stop2, type: stop-gate, conveyor: Belt, position: 0.7 m, return: spring}
          - {name: Stop3, type: stop-gate, conveyor: Belt, position: 0.9 m}
          - {name: Lift, type: cylinder, stroke: 1 s, return: valve, centre: exhaust,
             load: retracts}
        """);

    assertThat(((ConveyorDefinition) line.components().get(1)).drive())
        .isEqualTo(ConveyorDefinition.Drive.DRIVEN);
    assertThat(((ConveyorDefinition) line.components().get(2)).drive())
        .isEqualTo(ConveyorDefinition.Drive.GRAVITY);
    assertThat(line.signals()).extracting(s -> s.path().toString())
        .doesNotContain("Belt/MotorOn", "Chute/MotorOn", "Stop/Raise")
        .contains("Stop/Lower", "Stop2/Lower", "Stop3/Raise", "Lift/Extend", "Lift/Retract");
    assertThat(((StopGateDefinition) line.components().get(3)).restsRaised()).isTrue();
    assertThat(((StopGateDefinition) line.components().get(4)).restsRaised()).isTrue();
    assertThat(((StopGateDefinition) line.components().get(5)).restsRaised()).isFalse();
    assertThat(((CylinderDefinition) line.components().get(6)).valves()).isEqualTo(
        new PistonValves(true, PistonValves.Centre.EXHAUST, PistonValves.Load.RETRACTS));
  }

  @Test
  void aGuideWithAMissingSpeedStillHasItsRangeChecked() {
    assertThat(problems(
        """
        line: Cell
        components:
          - {name: Rail, type: guide, range: [120 mm, 60 mm]}
        """))
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).contains("a guide needs 'speed'"))
        .anySatisfy(p -> assertThat(p).contains("components[0].range"));
  }

  @Test
  void contradictoryValvingIsRefusedWithAHint() {
    assertThat(problems(
        """
        line: Cell
        components:
          - {name: Lift, type: cylinder, stroke: 1 s, acting: double, return: spring}
          - {name: Push, type: cylinder, stroke: 1 s, load: extends}
        """))
        .containsExactly(
            "cell.yaml:3:71: components[0].return: 'return: spring' contradicts 'acting: double'"
                + System.lineSeparator()
                + "  hint: a spring return is single acting, a valve return double acting: write"
                + " one of them",
            "cell.yaml:4:53: components[1].load: only a free piston (an exhaust centre) is moved"
                + " by its load" + System.lineSeparator()
                + "  hint: add 'centre: exhaust', or remove 'load'");
  }
}
