package io.twinline.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinline.line.model.ConveyorDefinition;
import io.twinline.line.model.LineDefinition;
import io.twinline.line.model.PhotoEyeDefinition;
import io.twinline.line.model.SourceDefinition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineDefinitionsTest {

  @Test
  void readsTheDemoLine() throws Exception {
    LineDefinition line = LineDefinitions.read(Path.of("demo-conveyor.yaml"));

    assertThat(line.name()).isEqualTo("DemoConveyor");
    assertThat(line.ioCycle()).isEqualTo(Duration.ofMillis(10));
    assertThat(line.components()).extracting(c -> c.name())
        .containsExactly("Feeder", "Infeed", "PartAtEnd", "Outfeed");
    ConveyorDefinition infeed = (ConveyorDefinition) line.component("Infeed").orElseThrow();
    assertThat(infeed.length()).isEqualTo(2.0);
    assertThat(infeed.speed()).isEqualTo(0.5);
    assertThat(infeed.to()).contains("Outfeed");
    SourceDefinition feeder = (SourceDefinition) line.component("Feeder").orElseThrow();
    assertThat(feeder.interval().mean()).isEqualTo(Duration.ofSeconds(5));
    assertThat(feeder.parts().get(0).length()).isEqualTo(0.2);
    PhotoEyeDefinition eye = (PhotoEyeDefinition) line.component("PartAtEnd").orElseThrow();
    assertThat(eye.signalPath()).isEqualTo(SignalPath.parse("Infeed/PartAtEnd"));
  }

  @Test
  void theDemoLineShowsMotorOnAsOutputAndThePhotoEyeAsInput() throws Exception {
    LineDefinition line = LineDefinitions.example(LineDefinitions.DEFAULT_LINE);

    assertThat(line.signals())
        .filteredOn(s -> s.path().component().equals("Infeed"))
        .extracting(s -> s.path().toString() + " " + s.type() + " " + s.direction())
        .containsExactly("Infeed/MotorOn BOOLEAN OUTPUT", "Infeed/PartAtEnd BOOLEAN INPUT");
  }

  @Test
  void unknownComponentTypeIsNamedWithItsLineAndASuggestion() {
    String text =
        """
        line: Bad
        components:
          - name: Belt
            type: conveyer
            length: 2 m
            speed: 0.5 m/s
        """;

    assertThat(problems("bad.yaml", text))
        .singleElement()
        .asString()
        .startsWith(
            "bad.yaml:4:11: components[0].type: unknown component type 'conveyer'\n"
                + "  hint: did you mean 'conveyor'? known types: source, conveyor, photo-eye,");
  }

  @Test
  void duplicateNameIsRefused() {
    String text =
        """
        line: Bad
        components:
          - name: Out
            type: sink
          - name: Out
            type: sink
        """;

    assertThat(problems("dup.yaml", text))
        .singleElement()
        .asString()
        .startsWith("dup.yaml:5:11: components[1].name: duplicate component name 'Out'"
            + " (first used at line 3)");
  }

  @Test
  void photoEyeOnAConveyorThatDoesNotExistIsRefused() {
    String text =
        """
        line: Bad
        components:
          - name: Infeed
            type: conveyor
            length: 2 m
            speed: 0.5 m/s
          - name: AtEnd
            type: photo-eye
            conveyor: Infed
            position: 2 m
        """;

    assertThat(problems("eye.yaml", text))
        .containsExactly(
            "eye.yaml:9:15: components[1].conveyor: there is no component named 'Infed'\n"
                + "  hint: did you mean 'Infeed'? the conveyor components are: Infeed");
  }

  @Test
  void negativeLengthIsRefused() {
    String text =
        """
        line: Bad
        components:
          - name: Infeed
            type: conveyor
            length: -2 m
            speed: 0.5 m/s
        """;

    assertThat(problems("neg.yaml", text))
        .singleElement()
        .asString()
        .startsWith("neg.yaml:5:13: components[0].length: 'length' must be positive, not -2 m");
  }

  @Test
  void everyProblemOfAFileIsListedAtOnce() {
    String text =
        """
        line: Bad
        ioCycle: 10
        components:
          - name: Feeder
            type: source
            interval: 5 s
            to: Nowhere
          - name: Infeed
            type: conveyor
            lenght: 2 m
            speed: fast
          - name: Eye
            type: photo-eye
            conveyor: Feeder
            position: 1 m
        """;

    List<String> problems = problems("many.yaml", text);

    assertThat(problems)
        .extracting(p -> p.substring(0, p.indexOf(": ", p.indexOf(": ") + 2)))
        .containsExactly(
            "many.yaml:2:10: ioCycle",
            "many.yaml:7:9: components[0].to",
            "many.yaml:8:5: components[1]",
            "many.yaml:10:5: components[1].lenght",
            "many.yaml:11:12: components[1].speed",
            "many.yaml:14:15: components[2].conveyor");
    assertThat(String.join("\n", problems))
        .contains("'10' has no unit")
        .contains("a conveyor needs 'length'")
        .contains("unknown key 'lenght' for a conveyor\n  hint: did you mean 'length'?")
        .contains("'Feeder' is a source, but 'conveyor' needs a conveyor");
  }

  @Test
  void valuesThatWouldStopTheSimulationAtItsStartAreAllListedAtOnce() {
    String text =
        """
        line: Bad
        components:
          - {name: Feeder, type: source, interval: -5 s, to: Infeed}
          - {name: Random, type: source, interval: "uniform(-6 s, -4 s)", to: Infeed}
          - {name: Rare, type: source, interval: "exponential(-5 s)", to: Infeed}
          - {name: Flood, type: source, interval: 0 s, to: Infeed}
          - {name: Infeed, type: conveyor, length: 2 m, speed: 0.5 m/s, to: Press}
          - {name: Press, type: station, processTime: -2 s}
          - name: Setpoints
            type: variables
            variables:
              - {name: Level, type: Double, unit: "%", range: [0, 100], initial: 500}
          - {name: Oven, type: heater, power: 6 kW, heatCapacity: 2100 kJ/K,
             lossCoefficient: 15 W/K, ambient: -300 °C}
        """;

    List<String> problems = problems("zero.yaml", text);

    assertThat(problems)
        .extracting(p -> p.substring(0, p.indexOf(": ", p.indexOf(": ") + 2)))
        .containsExactly(
            "zero.yaml:3:44: components[0].interval",
            "zero.yaml:4:44: components[1].interval",
            "zero.yaml:5:42: components[2].interval",
            "zero.yaml:6:43: components[3].interval",
            "zero.yaml:8:47: components[5].processTime",
            "zero.yaml:12:74: components[6].variables[0].initial",
            "zero.yaml:14:40: components[7].ambient");
    assertThat(String.join("\n", problems))
        .contains("'-5 s' is negative\n  hint: durations of intervals and process times")
        .contains("'uniform(-6 s, -4 s)' has a negative duration '-6 s'")
        .contains("'exponential(-5 s)' has a negative duration '-5 s'")
        .contains("'interval' must be above zero on average, not 0 s")
        .contains("'-2 s' is negative")
        .contains("initial value 500 is outside the range [0, 100]\n"
            + "  hint: give a value from 0 to 100, or widen 'range'")
        .contains("'ambient' is below absolute zero");
  }

  @Test
  void photoEyeBeyondTheEndOfItsConveyorIsRefused() {
    String text =
        """
        line: Bad
        components:
          - name: Infeed
            type: conveyor
            length: 2 m
            speed: 0.5 m/s
          - name: AtEnd
            type: photo-eye
            conveyor: Infeed
            position: 2500 mm
        """;

    assertThat(problems("far.yaml", text))
        .singleElement()
        .asString()
        .startsWith(
            "far.yaml:10:15: components[1].position: position 2.5 m is beyond the end of"
                + " conveyor Infeed (2.0 m long)");
  }

  @Test
  void twoSignalsWithOneNameAreRefused() {
    String text =
        """
        line: Bad
        components:
          - name: Infeed
            type: conveyor
            length: 2 m
            speed: 0.5 m/s
          - name: MotorOn
            type: photo-eye
            conveyor: Infeed
            position: 1 m
        """;

    assertThat(problems("clash.yaml", text))
        .singleElement()
        .asString()
        .contains("signal Infeed/MotorOn is already defined (by the component at line 3)");
  }

  @Test
  void tagsThatWouldClashWithOpcUaNodeIdsAreRefused() {
    String text =
        """
        line: Cell
        components:
          - name: Belt
            type: conveyor
            length: 2 m
            speed: 0.5 m/s
            signals:
              MotorOn: {tag: Cell}
          - name: Eye
            type: photo-eye
            conveyor: Belt
            position: 1 m
            signals:
              Eye: {tag: Simulation}
          - name: Setpoint
            type: variables
            variables:
              - {name: Level, type: Double, direction: output, unit: "%", range: [0, 100]}
            signals:
              Level: {tag: Tank.EURange}
        """;

    assertThat(problems("tags.yaml", text))
        .hasSize(3)
        .allSatisfy(p -> assertThat(p).contains("cannot be used").contains("the line's name"))
        .anySatisfy(p -> assertThat(p).contains("tag 'Cell'"))
        .anySatisfy(p -> assertThat(p).contains("tag 'Simulation'"))
        .anySatisfy(p -> assertThat(p).contains("tag 'Tank.EURange'"));
  }

  @Test
  void yamlSyntaxErrorsNameTheirLine() {
    String text = "line: Bad\ncomponents:\n  - name: [unclosed\n";

    assertThat(problems("syntax.yaml", text))
        .singleElement()
        .asString()
        .startsWith("syntax.yaml:4:1: not valid YAML: expected ',' or ']'")
        .contains("not valid YAML");
  }

  @Test
  void aMissingFileIsAProblemNotAStackTrace() {
    assertThatThrownBy(() -> LineDefinitions.read(Path.of("no-such-line.yaml")))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("no-such-line.yaml: no such file");
  }

  static List<String> problems(String file, String text) {
    try {
      LineDefinitions.parse(file, text);
    } catch (InvalidDefinitionException e) {
      return e.problems().stream().map(Problem::format).map(s -> s.replace("\r\n", "\n")).toList();
    }
    throw new AssertionError("expected " + file + " to be refused");
  }
}
