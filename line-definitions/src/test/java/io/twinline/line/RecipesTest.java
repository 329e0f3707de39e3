package io.twinline.line;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.line.model.GuideDefinition;
import io.twinline.line.model.LineDefinition;
import io.twinline.line.model.PartTemplate;
import io.twinline.line.model.RecipeDefinition;
import io.twinline.line.units.DurationDistribution;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code recipes:} of a line file and the guide component. */
class RecipesTest {

  private static final String LINE = """
      line: R
      components:
        - {name: Feed, type: source, interval: 2 s, to: Belt}
        - {name: Belt, type: conveyor, length: 2 m, speed: 0.4 m/s, to: Press}
        - {name: Press, type: station, processTime: 1 s, to: Out}
        - {name: Out, type: sink}
        - {name: Rail, type: guide, range: [50 mm, 110 mm], speed: 5 mm/s, initial: 60 mm}
        - {name: Stop, type: guide, range: [0 mm, 20 mm], speed: 1 mm/s, drive: plc}
        - {name: Valve1, type: valve}
        - name: Recipe
          type: variables
          variables:
            - {name: Number, type: Int16, direction: input}
            - {name: Width, type: Double, direction: input, unit: mm, range: [50, 110]}
            - {name: Ack, type: Boolean, direction: output}
      """;

  @Test
  void theBottlingLinesRecipesAreReadWithTheirSettingsAndSignals() throws Exception {
    LineDefinition line =
        LineDefinitions.read(Path.of("bottling-line.yaml").toAbsolutePath());

    assertThat(line.recipes()).extracting(RecipeDefinition::name)
        .containsExactly("small", "large");
    RecipeDefinition large = line.recipe("large").orElseThrow();
    assertThat(large.number()).isEqualTo(2);
    assertThat(large.settings()).extracting(s -> s.component() + "." + s.parameter())
        .containsExactly("BottleFeed.interval", "BottleFeed.parts", "Filler.processTime",
            "Infeed.speed");
    assertThat(large.settings().get(3).value()).isEqualTo(0.3);
    @SuppressWarnings("unchecked")
    List<PartTemplate> parts = (List<PartTemplate>) large.settings().get(1).value();
    assertThat(parts).singleElement().extracting(PartTemplate::length).isEqualTo(0.12);
    assertThat(large.settings().get(2).value()).isInstanceOf(DurationDistribution.class);
    assertThat(large.signals()).containsEntry(SignalPath.parse("Recipe/Number"), (short) 2)
        .containsEntry(SignalPath.parse("Recipe/GuideWidth"), 95.0);
    assertThat(line.component("NeckGuide").orElseThrow())
        .isInstanceOfSatisfying(GuideDefinition.class, g -> {
          assertThat(g.drive()).isEqualTo(GuideDefinition.Drive.PLC);
          assertThat(g.range().max()).isEqualTo(110.0);
        });
  }

  @Test
  void aRecipeDrivenGuideTakesItsPositionInMillimetres() throws Exception {
    LineDefinition line = LineDefinitions.parse("r.yaml", LINE + """
        recipes:
          - {name: wide, components: {Rail: {position: 95 mm}, Belt: {speed: 300 mm/s}}}
          - {name: narrow, number: 7, signals: {Recipe/Width: 60}}
        """);

    assertThat(line.recipe("wide").orElseThrow().settings())
        .extracting(RecipeDefinition.Setting::value).containsExactly(0.095, 0.3);
    assertThat(line.recipe("wide").orElseThrow().number()).isEqualTo(1);
    assertThat(line.recipe("narrow").orElseThrow().number()).isEqualTo(7);
    assertThat(line.component("Rail").orElseThrow().signals())
        .extracting(s -> s.path().signal())
        .containsExactly("Position", "Moving", "InPosition");
    assertThat(line.component("Stop").orElseThrow().signals())
        .extracting(s -> s.path().signal())
        .containsExactly("Position", "Moving", "InPosition", "Setpoint", "Move");
  }

  @Test
  void everyProblemOfTheRecipesIsListedWithItsPlaceAndAHint() {
    List<String> problems = LineDefinitionsTest.problems("r.yaml", LINE + """
        recipes:
          - name: a
            components:
              Beltt: {speed: 1 m/s}
              Valve1: {travel: 2 s}
              Press: {procesTime: 2 s}
              Stop: {position: 10 mm}
              Rail: {position: 200 mm}
            signals:
              Recipe/Ack: true
              Recipe/Numbr: 3
              Recipe/Width: 300
          - {name: a, number: 1}
          - {name: b, number: 1}
        """);

    assertThat(problems).containsExactly(
        "r.yaml:19:7: recipes[0].components.Beltt: no component 'Beltt'\n"
            + "  hint: did you mean 'Belt'? components: Feed, Belt, Press, Out, Rail, Stop, "
            + "Valve1, Recipe",
        "r.yaml:20:7: recipes[0].components.Valve1: a recipe cannot change Valve1 (a valve)\n"
            + "  hint: recipes set: conveyor speed, source interval and part(s), station "
            + "processTime and fillVolume, guide position",
        "r.yaml:21:27: recipes[0].components.Press.procesTime: a recipe cannot set 'procesTime'"
            + " of a station\n  hint: did you mean 'processTime'? it sets: processTime, fillVolume",
        "r.yaml:22:7: recipes[0].components.Stop: guide Stop is moved by the PLC, not by the "
            + "recipe\n  hint: set the recipe signal the PLC downloads into Stop/Setpoint, or "
            + "give the guide 'drive: recipe'",
        "r.yaml:23:24: recipes[0].components.Rail.position: guide Rail reaches 50.0 mm to "
            + "110.0 mm only\n  hint: give a position in that range",
        "r.yaml:25:7: recipes[0].signals.Recipe/Ack: Recipe/Ack is an output, written by the "
            + "PLC\n  hint: a recipe sets what the PLC reads: the recipe number and the "
            + "parameters it downloads (inputs, e.g. of a 'variables' component)",
        "r.yaml:26:7: recipes[0].signals.Recipe/Numbr: no signal 'Recipe/Numbr'\n"
            + "  hint: did you mean 'Recipe/Number'? inputs of Recipe: Recipe/Number, "
            + "Recipe/Width",
        "r.yaml:27:21: recipes[0].signals.Recipe/Width: Recipe/Width takes 50.0..110.0 mm",
        "r.yaml:28:12: recipes[1].name: recipe 'a' is declared twice",
        "r.yaml:29:23: recipes[2].number: recipe number 1 is also recipe 'a'\n"
            + "  hint: give every recipe its own number");
  }

  @Test
  void aGuideWithAnInitialPositionOutsideItsRangeIsRefused() {
    assertThat(LineDefinitionsTest.problems("g.yaml", """
        line: G
        components:
          - {name: Rail, type: guide, range: [50 mm, 110 mm], speed: 5 mm/s, initial: 20 mm}
        """))
        .containsExactly("g.yaml:3:79: components[0].initial: the initial position is "
            + "outside the range\n  hint: give a position from 50.0 mm to 110.0 mm");
  }

  @Test
  void aFillerNeedsVolumeAndRateAndOnlyAFillerTakesAFillVolume() {
    List<String> problems = LineDefinitionsTest.problems("f.yaml", """
        line: F
        components:
          - {name: Filler, type: station, processTime: 1 s, fillVolume: 330 ml}
          - {name: Capper, type: station, processTime: 1 s}
        recipes:
          - {name: large, components: {Capper: {fillVolume: 1.5 l}}}
        """);

    assertThat(problems).containsExactly(
        "f.yaml:3:65: components[0].fillVolume: a filling station needs both fillVolume and "
            + "fillRate\n  hint: add 'fillRate: 1.5 l/s'",
        "f.yaml:6:53: recipes[0].components.Capper.fillVolume: station Capper does not fill\n"
            + "  hint: give it 'fillVolume' and 'fillRate' in the line, then recipes can change "
            + "the volume");
  }
}
