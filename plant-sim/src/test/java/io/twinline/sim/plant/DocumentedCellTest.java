package io.twinline.sim.plant;

import static io.twinline.sim.time.SimTime.millis;
import static io.twinline.sim.time.SimTime.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.twinline.line.LineDefinitions;
import io.twinline.sim.flow.Conveyor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cell of docs/line-format.md ("Cell devices") does what the text under it says: the belt
 * follows its motor, the camera's result shows 50 ms, the blower fired 1 s later takes the bottle,
 * cases wait at the blade stop, and a pack takes 1.5 s.
 */
class DocumentedCellTest {

  private static final Path DOC =
      Path.of("..", "docs", "line-format.md").toAbsolutePath().normalize();

  private Plant plant;

  @BeforeEach
  void buildTheDocumentedCell() throws Exception {
    Matcher block = Pattern.compile("```yaml\\n(line: CasePackingCell\\n.*?)```", Pattern.DOTALL)
        .matcher(Files.readString(DOC));
    assertThat(block.find()).as("the cell in " + DOC).isTrue();
    plant = Plant.build(LineDefinitions.parse("line-format.md", block.group(1)));
  }

  @Test
  void theBeltReachesFullSpeedHalfASecondAfterItsMotorStarts() {
    Conveyor belt = plant.component("BottleBelt", Conveyor.class);
    plant.signal("BeltMotor/Run").set(true);

    plant.simulation().runUntil(millis(250));
    assertThat(belt.speed()).isCloseTo(0.25, within(1e-9));
    plant.simulation().runUntil(millis(500));
    assertThat(belt.speed()).isEqualTo(0.5);
  }

  @Test
  void aFailedBottleShowsFor50MsAndABlowOneSecondLaterPutsItInTheBin() {
    Edges fail = Edges.of(plant, "Camera/Fail");
    plant.signal("BeltMotor/Run").set(true);
    plant.simulation().runUntil(seconds(120));
    plant.signal("BeltMotor/Run").set(false);
    assertThat(fail.timesOf(true)).isNotEmpty();
    long firstFail = fail.timesOf(true).get(0);
    assertThat(fail.timesOf(false).get(0) - firstFail).isEqualTo(millis(50));

    // Again, now with the blower fired 1.0 s to 1.2 s after the first fail, and the packer
    // packing (as a PLC would), so that the bottles flow freely past the blower.
    buildTheDocumentedCellQuietly();
    plant.signal("BeltMotor/Run").set(true);
    pack(firstFail + seconds(1));
    plant.signal("RejectAir/Blow").set(true);
    pack(firstFail + millis(1200));
    plant.signal("RejectAir/Blow").set(false);

    assertThat(plant.signal("RejectBin/Count").intValue()).isEqualTo(1);
  }

  /** Runs to {@code until} in 10 ms steps, letting cases in and packing whenever it can. */
  private void pack(long until) {
    while (plant.simulation().now() < until) {
      boolean casePresent = plant.signal("Packer/CasePresent").booleanValue();
      plant.signal("CaseStop/Lower").set(!casePresent);
      plant.signal("Packer/Pack").set(casePresent && plant.signal("Packer/GroupReady").booleanValue()
          && !plant.signal("Packer/Pack").booleanValue());
      plant.simulation().runUntil(Math.min(until, plant.simulation().now() + millis(10)));
    }
  }

  @Test
  void casesWaitAtTheBladeStopAndAPackTakesOneAndAHalfSeconds() {
    plant.signal("BeltMotor/Run").set(true);
    plant.simulation().runUntil(seconds(10));
    assertThat(plant.signal("Packer/CasePresent").booleanValue()).isFalse();
    assertThat(plant.component("CaseChute", Conveyor.class).partPositions()).first()
        .isEqualTo(1.4);

    plant.signal("CaseStop/Lower").set(true);
    plant.simulation().runUntil(seconds(20));
    assertThat(plant.signal("Packer/CasePresent").booleanValue()).isTrue();
    assertThat(plant.signal("Packer/GroupReady").booleanValue()).isTrue();
    plant.signal("Packer/Pack").set(true);
    long packed = plant.simulation().now();
    Edges done = Edges.of(plant, "Packer/Done");
    plant.simulation().runUntil(seconds(25));

    assertThat(done.timesOf(true)).containsExactly(packed + millis(1500));
    assertThat(plant.component("Outfeed", Conveyor.class).parts()).hasSize(1);
  }

  private void buildTheDocumentedCellQuietly() {
    try {
      buildTheDocumentedCell();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
