package io.twinline.sim.plant;

import static io.twinline.sim.time.SimTime.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinline.sim.actuator.Guide;
import io.twinline.sim.flow.Conveyor;
import io.twinline.sim.flow.Part;
import io.twinline.sim.flow.Station;
import io.twinline.sim.run.LoadRecipe;
import io.twinline.sim.run.Session;
import org.junit.jupiter.api.Test;

/** Loading a recipe: parameters change at once, a guide takes its travel time. */
class RecipeTest {

  private static final String LINE = """
      line: R
      ioCycle: 10 ms
      components:
        - {name: Feed, type: source, interval: 2 s, part: {type: can, length: 0.1 m}, to: Belt}
        - {name: Belt, type: conveyor, length: 2 m, speed: 0.4 m/s, to: Press}
        - {name: Press, type: station, processTime: 1 s, to: Out}
        - {name: Out, type: sink}
        - {name: Rail, type: guide, range: [50 mm, 110 mm], speed: 5 mm/s, initial: 60 mm}
        - {name: Stop, type: guide, range: [0 mm, 20 mm], speed: 2 mm/s, drive: plc}
        - name: Recipe
          type: variables
          variables:
            - {name: Number, type: Int16, direction: input}
      recipes:
        - name: big
          number: 2
          components:
            Rail: {position: 95 mm}
            Belt: {speed: 0.2 m/s}
            Press: {processTime: 3 s}
            Feed: {interval: 5 s, part: {type: can, length: 0.2 m}}
          signals: {Recipe/Number: 2}
      """;

  @Test
  void aRecipeDrivenGuideTravelsToItsPositionAtItsSpeed() {
    Plant plant = TestLines.plant(LINE);
    Edges moving = Edges.of(plant, "Rail/Moving");
    Edges inPosition = Edges.of(plant, "Rail/InPosition");
    plant.simulation().runUntil(seconds(1));

    plant.loadRecipe("big");
    plant.simulation().runUntil(io.twinline.sim.time.SimTime.millis(4500));
    double halfway = plant.signal("Rail/Position").doubleValue();
    plant.simulation().runUntil(seconds(10));

    // 35 mm at 5 mm/s: 7 s, from 1 s to 8 s
    assertThat(halfway).isCloseTo(77.5, org.assertj.core.data.Offset.offset(0.06));
    assertThat(moving.list()).containsExactly("true@1000000000", "false@8000000000");
    assertThat(inPosition.list())
        .containsExactly("false@1000000000", "true@8000000000");
    assertThat(plant.signal("Rail/Position").doubleValue()).isEqualTo(95.0);
    assertThat(plant.component("Rail", Guide.class).position()).isEqualTo(0.095);
    assertThat(plant.signal("Recipe/Number").value()).isEqualTo((short) 2);
    assertThat(plant.recipe()).contains("big");
  }

  @Test
  void theOtherParametersChangeAtOnce() {
    Plant plant = TestLines.plant(LINE);
    plant.signal("Belt/MotorOn").set(true);
    plant.simulation().runUntil(seconds(1));

    plant.loadRecipe("big");
    plant.simulation().runUntil(seconds(2));

    assertThat(plant.component("Belt", Conveyor.class).speed()).isEqualTo(0.2);
  }

  @Test
  void aPlcDrivenGuideMovesWhileMoveIsOnAndStopsWhereItIsWhenItGoesOff() {
    Plant plant = TestLines.plant(LINE);
    plant.signal("Stop/Setpoint").set(20.0);
    plant.signal("Stop/Move").set(true);
    plant.simulation().runUntil(seconds(4));
    plant.signal("Stop/Move").set(false);
    plant.simulation().runUntil(seconds(6));

    assertThat(plant.signal("Stop/Position").doubleValue()).isEqualTo(8.0);
    assertThat(plant.signal("Stop/Moving").booleanValue()).isFalse();
    assertThat(plant.signal("Stop/InPosition").booleanValue()).isFalse();

    plant.signal("Stop/Move").set(true);
    plant.simulation().runUntil(seconds(20));
    assertThat(plant.signal("Stop/Position").doubleValue()).isEqualTo(20.0);
    assertThat(plant.signal("Stop/InPosition").booleanValue()).isTrue();
  }

  @Test
  void anUnknownRecipeIsRefusedNamingTheKnownOnes() {
    Plant plant = TestLines.plant(LINE);

    assertThatThrownBy(() -> plant.loadRecipe("huge"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line R has no recipe 'huge'; recipes: big");
  }

  @Test
  void aLoadedRecipeIsInTheJournalAndARunReplaysWithIt() {
    Session first = new Session(TestLines.line(LINE));
    first.runFor(seconds(1));
    first.submit(new LoadRecipe("big"));
    first.runFor(seconds(30));
    Session second = new Session(TestLines.line(LINE));
    second.runFor(seconds(1));
    second.submit(new LoadRecipe("big"));
    second.runFor(seconds(30));

    assertThat(first.journal()).anyMatch(e -> e.command() instanceof LoadRecipe);
    assertThat(second.plant().signal("Out/Count").value())
        .isEqualTo(first.plant().signal("Out/Count").value());
    assertThat(first.plant().signal("Rail/Position").doubleValue()).isEqualTo(95.0);
  }

  private static final String FILLER = """
      line: F
      components:
        - {name: Filler, type: station, processTime: 0.5 s, fillVolume: 330 ml,
           fillRate: 1.5 l/s}
      recipes:
        - {name: large, components: {Filler: {fillVolume: 1.5 l}}}
      """;

  @Test
  void aFillersCycleAddsVolumeOverRateAndARecipeChangesTheVolume() {
    Plant plant = TestLines.plant(FILLER);
    Edges busy = Edges.of(plant, "Filler/Busy");
    Station filler = plant.component("Filler", Station.class);
    plant.simulation().runUntil(seconds(1));
    assertThat(plant.signal("Filler/FillVolume").doubleValue()).isEqualTo(330.0);

    filler.receive(new Part(1, "bottle", 0.1, 0), 0);
    plant.signal("Filler/Start").set(true);
    plant.simulation().runUntil(seconds(2));
    plant.signal("Filler/Start").set(false);
    plant.loadRecipe("large");
    plant.simulation().runUntil(seconds(3));
    filler.receive(new Part(2, "bottle", 0.1, 0), 0);
    plant.signal("Filler/Start").set(true);
    plant.simulation().runUntil(seconds(6));

    // 0.5 s handling + 330 ml at 1.5 l/s (0.22 s); then + 1.5 l at 1.5 l/s (1 s)
    assertThat(busy.list()).containsExactly("true@1000000000", "false@1720000000",
        "true@3000000000", "false@4500000000");
    assertThat(plant.signal("Filler/FillVolume").doubleValue()).isEqualTo(1500.0);
  }
}
