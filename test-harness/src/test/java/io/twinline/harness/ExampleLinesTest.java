package io.twinline.harness;

import static io.twinline.sim.time.SimTime.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.sim.controller.ControlProgram;
import io.twinline.sim.controller.SoftPlc;
import io.twinline.harness.reference.BottlingLineProgram;
import io.twinline.harness.reference.CasePackerProgram;
import io.twinline.harness.reference.DemoConveyorProgram;
import io.twinline.harness.reference.MixingTankProgram;
import io.twinline.harness.reference.PickAndPlaceProgram;
import io.twinline.harness.reference.SortingLineProgram;
import io.twinline.line.LineDefinitions;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.run.Operate;
import io.twinline.sim.run.Session;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Every example line runs one simulated hour as fast as possible under its reference program
 * (scanning every 10 ms), and produces what such a line plausibly produces in an hour.
 */
class ExampleLinesTest {

  private static final long HOUR = seconds(3600);

  private static Session run(String file, ControlProgram program, boolean pressStart)
      throws Exception {
    Session session = new Session(LineDefinitions.read(Path.of("..", "line-definitions", file)));
    new SoftPlc(session, program, Duration.ofMillis(10)).start();
    if (pressStart) {
      session.runUntil(seconds(1));
      session.apply(new Operate("StartButton", "press"));
      session.runUntil(seconds(2));
      session.apply(new Operate("StartButton", "release"));
    }
    session.runUntil(HOUR);
    return session;
  }

  @Test
  void demoConveyorDeliversABoxEveryFiveSeconds() throws Exception {
    Plant plant = run("demo-conveyor.yaml", new DemoConveyorProgram(), false).plant();

    assertThat(plant.signal("Outfeed/Count").intValue()).isEqualTo(720);
  }

  @Test
  void bottlingLinePacksGoodBottlesAndRejectsTheDefectiveOnes() throws Exception {
    Plant plant = run("bottling-line.yaml", new BottlingLineProgram(), true).plant();

    int released = plant.signal("BottleFeed/Released").intValue();
    int packed = plant.signal("Packed/Count").intValue();
    int rejected = plant.signal("RejectBin/Count").intValue();
    // About one bottle every 1.6 s: 2250 an hour, 3 % defective.
    assertThat(released).isBetween(2150, 2300);
    assertThat(rejected).isBetween(35, 110);
    assertThat(packed).isBetween(released - rejected - 60, released - rejected);
    assertThat(plant.signal("Tower/Green").plcBoolean()).isTrue();
  }

  @Test
  void sortingLineSendsEveryPartToTheLaneOfItsColour() throws Exception {
    Plant plant = run("sorting-line.yaml", new SortingLineProgram(), false).plant();

    assertThat(plant.signal("Bin1/Count_red").intValue()).isBetween(800, 1000);
    assertThat(plant.signal("Bin2/Count_green").intValue()).isBetween(380, 520);
    assertThat(plant.signal("Bin3/Count_blue").intValue()).isBetween(380, 520);
    for (int bin = 1; bin <= 3; bin++) {
      assertThat(plant.signal("Bin" + bin + "/Count").intValue())
          .as("bin %d holds only its own colour", bin)
          .isEqualTo(plant.signal("Bin" + bin + "/Count_"
              + new String[] {"red", "green", "blue"}[bin - 1]).intValue());
    }
    assertThat(plant.signal("Unsorted/Count").intValue()).isZero();
  }

  @Test
  void mixingTankRunsBatchAfterBatch() throws Exception {
    Plant plant = run("mixing-tank.yaml", new MixingTankProgram(), false).plant();

    assertThat(plant.signal("Batch/Count").intValue()).isBetween(3, 12);
    assertThat(plant.signal("Mixer/Overflow").plcBoolean()).isFalse();
    assertThat(plant.signal("Heating/OverTemperature").plcBoolean()).isFalse();
  }

  @Test
  void pickAndPlaceMovesEveryPartThatArrives() throws Exception {
    Plant plant = run("pick-and-place.yaml", new PickAndPlaceProgram(), false).plant();

    // One part every 6 s: 600 an hour, none dropped.
    assertThat(plant.signal("Done/Count").intValue()).isBetween(595, 600);
    assertThat(plant.signal("Gripper/Dropped").intValue()).isZero();
    assertThat(plant.signal("Door/Locked").plcBoolean()).isTrue();
  }

  @Test
  void casePackerPacksSixGoodBottlesPerCaseAndTransfersEveryCase() throws Exception {
    Plant plant = run("case-packer.yaml", new CasePackerProgram(), false).plant();

    int released = plant.signal("Bottles/Released").intValue();
    int failed = plant.signal("Camera/Failed").intValue();
    int rejected = plant.signal("RejectBin/Count").intValue();
    int cases = plant.signal("Palletiser/Count_case").intValue();
    // A bottle every 0.7 s on average: about 5140 an hour, 8 % of them defective.
    assertThat(released).isBetween(5000, 5300);
    assertThat(failed).isBetween(330, 500);
    assertThat(rejected).isBetween(failed - 2, failed); // at most two on their way to the nozzle
    // On their way at the end: bottles on the belt and in the packer, cases on the outfeed and lane.
    assertThat(cases).isBetween((released - rejected) / 6 - 6, (released - rejected) / 6);
    assertThat(plant.signal("Missed/Count").intValue()).isZero();
  }
}
