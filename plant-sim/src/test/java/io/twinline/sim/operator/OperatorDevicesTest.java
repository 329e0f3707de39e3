package io.twinline.sim.operator;

import static io.twinline.sim.time.SimTime.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinline.sim.plant.Plant;
import io.twinline.sim.plant.TestLines;
import org.junit.jupiter.api.Test;

class OperatorDevicesTest {

  private final Plant plant =
      TestLines.plant(
          """
          line: Test
          components:
            - name: Start
              type: push-button
            - name: Stop
              type: push-button
              contact: NC
            - name: Mode
              type: push-button
              mode: latching
              illuminated: true
            - name: Selector
              type: selector-switch
              positions: [Off, Hand, Auto]
              initial: Off
            - name: EStop
              type: emergency-stop
              channels: 2
            - name: Door
              type: guard-door
              lock: true
            - name: Tower
              type: stack-light
              elements: [Red, Green]
            - name: Recipe
              type: variables
              variables:
                - {name: Number, type: Int16, direction: output, initial: 3}
                - {name: Width, type: Float, direction: input, unit: mm, range: [0, 500], initial: 120}
                - {name: Label, type: String, direction: input, initial: small}
          """);

  @Test
  void aMomentaryNoButtonClosesWhilePressedAndAnNcButtonOpens() {
    assertThat(plant.signal("Start/Contact").booleanValue()).isFalse();
    assertThat(plant.signal("Stop/Contact").booleanValue()).isTrue();

    plant.operate("Start", "press");
    plant.operate("Stop", "press");
    assertThat(plant.signal("Start/Contact").booleanValue()).isTrue();
    assertThat(plant.signal("Stop/Contact").booleanValue()).isFalse();

    plant.operate("Start", "release");
    plant.operate("Stop", "release");
    assertThat(plant.signal("Start/Contact").booleanValue()).isFalse();
    assertThat(plant.signal("Stop/Contact").booleanValue()).isTrue();
  }

  @Test
  void aLatchingButtonTogglesOnEachPress() {
    plant.operate("Mode", "press");
    plant.operate("Mode", "release");
    assertThat(plant.signal("Mode/Contact").booleanValue()).isTrue();

    plant.operate("Mode", "press");
    assertThat(plant.signal("Mode/Contact").booleanValue()).isFalse();
  }

  @Test
  void aSelectorSwitchClosesOneContactPerPosition() {
    assertThat(plant.signal("Selector/Off").booleanValue()).isTrue();

    plant.operate("Selector", "select:Auto");

    assertThat(plant.signal("Selector/Off").booleanValue()).isFalse();
    assertThat(plant.signal("Selector/Auto").booleanValue()).isTrue();
    assertThat(plant.signal("Selector/Position").intValue()).isEqualTo(2);
  }

  @Test
  void anEmergencyStopLatchesUntilReleasedOnBothChannels() {
    assertThat(plant.signal("EStop/Healthy1").booleanValue()).isTrue();

    plant.operate("EStop", "press");
    plant.simulation().runUntil(seconds(10));
    assertThat(plant.signal("EStop/Healthy1").booleanValue()).isFalse();
    assertThat(plant.signal("EStop/Healthy2").booleanValue()).isFalse();

    plant.operate("EStop", "release");
    assertThat(plant.signal("EStop/Healthy2").booleanValue()).isTrue();
  }

  @Test
  void aLockedDoorCannotBeOpened() {
    plant.signal("Door/Lock").set(true);
    assertThat(plant.signal("Door/Locked").booleanValue()).isTrue();

    assertThatThrownBy(() -> plant.operate("Door", "open"))
        .hasMessageContaining("locked");
    plant.signal("Door/Lock").set(false);
    plant.operate("Door", "open");
    assertThat(plant.signal("Door/Closed").booleanValue()).isFalse();

    plant.signal("Door/Lock").set(true);
    assertThat(plant.signal("Door/Locked").booleanValue()).isFalse();
  }

  @Test
  void unknownActionsAreRefusedWithTheListOfKnownOnes() {
    assertThatThrownBy(() -> plant.operate("Start", "push"))
        .hasMessage("Start has no action 'push'; it has: press, release");
    assertThatThrownBy(() -> plant.operate("Tower", "press"))
        .hasMessageContaining("Tower is not an operator device");
  }

  @Test
  void aStackLightRecordsWhatTheOperatorSaw() {
    plant.simulation().runUntil(seconds(1));
    plant.signal("Tower/Green").set(true);
    plant.simulation().runUntil(seconds(2));
    plant.signal("Tower/Green").set(false);
    plant.signal("Tower/Red").set(true);

    assertThat(plant.component("Tower", Indicator.class).history())
        .containsExactly(
            new Indicator.Change(seconds(1), "Green", true),
            new Indicator.Change(seconds(2), "Green", false),
            new Indicator.Change(seconds(2), "Red", true));
  }

  @Test
  void variablesStartAtTheirInitialValuesWithTheirTypes() {
    assertThat(plant.signal("Recipe/Number").value()).isEqualTo((short) 3);
    assertThat(plant.signal("Recipe/Width").value()).isEqualTo(120.0f);
    assertThat(plant.signal("Recipe/Label").text()).isEqualTo("small");
  }
}
