package io.twinline.sim.flow;

import static io.twinline.sim.time.SimTime.millis;
import static io.twinline.sim.time.SimTime.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.sim.plant.Edges;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.plant.TestLines;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Vision checks, blowers over a window, case packers and station results a PLC can see, in exact
 * simulated time.
 */
class CellDevicesTest {

  private static Plant inspectionLine(String partKeys, String visionKeys, String interval) {
    return TestLines.plant(
        """
        line: Test
        seed: 11
        components:
          - {name: Feeder, type: source, interval: %s, part: {length: 0.1 m%s}, to: Belt}
          - {name: Belt, type: conveyor, length: 3 m, speed: 0.5 m/s, to: Out}
          - {name: Camera, type: vision, conveyor: Belt, position: 1 m, %s}
          - {name: Blower, type: blower, conveyor: Belt, window: [1.7 m, 1.8 m], into: Bin}
          - {name: Bin, type: sink}
          - {name: Out, type: sink}
        """.formatted(interval, partKeys, visionKeys));
  }

  @Test
  void aVisionCheckFailsAPartWithTheAttributeTheMomentItArrivesForOneIoCycle() {
    Plant plant = inspectionLine(", defectRate: 100 %", "inspect: defective", "1 h");
    Edges fail = Edges.of(plant, "Camera/Fail");
    plant.signal("Belt/MotorOn").set(true);

    plant.simulation().runUntil(seconds(10));

    assertThat(fail.list()).containsExactly("true@2000000000", "false@2010000000");
    assertThat(plant.signal("Camera/Pass").booleanValue()).isFalse();
    assertThat(plant.signal("Camera/Checked").intValue()).isEqualTo(1);
    assertThat(plant.signal("Camera/Failed").intValue()).isEqualTo(1);
    assertThat(plant.signal("Out/Count").intValue()).isEqualTo(1); // the check never stops it
  }

  @Test
  void aGoodPartPassesAndTheResultHoldsAsLongAsStated() {
    Plant plant = inspectionLine("", "inspect: defective, hold: 80 ms", "1 h");
    Edges pass = Edges.of(plant, "Camera/Pass");
    plant.signal("Belt/MotorOn").set(true);

    plant.simulation().runUntil(seconds(10));

    assertThat(pass.list()).containsExactly("true@2000000000", "false@2080000000");
  }

  @Test
  void aFailRateFailsPartsAtRandomTheSameWayForTheSameSeed() {
    List<Boolean> first = failures(inspectionLine("", "failRate: 30 %", "1 s"));
    List<Boolean> second = failures(inspectionLine("", "failRate: 30 %", "1 s"));

    assertThat(first).hasSize(199).isEqualTo(second);
    long failed = first.stream().filter(b -> b).count();
    assertThat(failed).isBetween(40L, 80L); // 30 % of 199 is 60
  }

  private static List<Boolean> failures(Plant plant) {
    List<Boolean> results = new ArrayList<>();
    plant.signal("Camera/Checked").addListener(
        s -> results.add(plant.signal("Camera/Fail").booleanValue()));
    plant.signal("Belt/MotorOn").set(true);
    plant.simulation().runUntil(seconds(200));
    return results;
  }

  @Test
  void aCodeReaderShowsTheAttributeItReads() {
    Plant plant = inspectionLine(", attributes: {batch: L42}", "read: batch", "1 h");
    Edges code = Edges.of(plant, "Camera/Code");
    plant.signal("Belt/MotorOn").set(true);

    plant.simulation().runUntil(seconds(10));

    assertThat(code.list()).containsExactly("L42@2000000000", "@2010000000");
  }

  @Test
  void aBlowerFiredWhileThePartIsInItsWindowBlowsItIntoTheBin() {
    Plant plant = inspectionLine("", "inspect: defective", "1 h");
    plant.signal("Belt/MotorOn").set(true);
    // The leading edge is at 1.7 m at 3.4 s and at 1.8 m at 3.6 s.
    plant.simulation().runUntil(millis(3500));
    plant.signal("Blower/Blow").set(true);
    plant.simulation().runUntil(millis(3600));
    plant.signal("Blower/Blow").set(false);

    plant.simulation().runUntil(seconds(10));

    assertThat(plant.signal("Blower/Blown").intValue()).isEqualTo(1);
    assertThat(plant.signal("Bin/Count").intValue()).isEqualTo(1);
    assertThat(plant.signal("Out/Count").intValue()).isZero();
  }

  @Test
  void aBlowerAlreadyOnBlowsThePartTheMomentItsLeadingEdgeEntersTheWindow() {
    Plant plant = inspectionLine("", "inspect: defective", "1 h");
    Edges blown = Edges.of(plant, "Blower/Blown");
    plant.signal("Belt/MotorOn").set(true);
    plant.signal("Blower/Blow").set(true);

    plant.simulation().runUntil(seconds(10));

    assertThat(blown.list()).containsExactly("1@3400000000");
  }

  @Test
  void aBlowerFiredAfterThePartLeftTheWindowMissesIt() {
    Plant plant = inspectionLine("", "inspect: defective", "1 h");
    plant.signal("Belt/MotorOn").set(true);
    plant.simulation().runUntil(millis(3610)); // the leading edge is at 1.805 m
    plant.signal("Blower/Blow").set(true);
    plant.simulation().runUntil(millis(3800));
    plant.signal("Blower/Blow").set(false);

    plant.simulation().runUntil(seconds(10));

    assertThat(plant.signal("Blower/Blown").intValue()).isZero();
    assertThat(plant.signal("Out/Count").intValue()).isEqualTo(1);
  }

  private static final String PACKING =
      """
      line: Test
      components:
        - {name: Bottles, type: source, interval: 500 ms, part: {type: bottle, length: 0.1 m},
           to: BottleBelt}
        - {name: BottleBelt, type: conveyor, length: 1 m, speed: 0.5 m/s, to: Packer}
        - {name: Cases, type: source, interval: 1 h, part: {type: case, length: 0.3 m},
           to: CaseBelt}
        - {name: CaseBelt, type: conveyor, length: 1 m, speed: 0.5 m/s, to: Packer}
        - {name: Packer, type: packer, count: 6, packTime: 1.5 s, to: Packed}
        - {name: Packed, type: sink, countTypes: [case]}
      """;

  @Test
  void aPackerPutsSixBottlesIntoACaseOnPackAndSendsTheFullCaseOn() {
    Plant plant = TestLines.plant(PACKING);
    List<Part> packed = new ArrayList<>();
    Edges done = Edges.of(plant, "Packer/Done");
    plant.signal("BottleBelt/MotorOn").set(true);
    plant.signal("CaseBelt/MotorOn").set(true);

    // Bottle k (from 0) leaves the belt when its trailing edge passes 1 m: 0.5 k + 2.2 s.
    plant.simulation().runUntil(seconds(6));
    assertThat(plant.signal("Packer/Count").intValue()).isEqualTo(6);
    assertThat(plant.signal("Packer/GroupReady").booleanValue()).isTrue();
    assertThat(plant.signal("Packer/CasePresent").booleanValue()).isTrue();
    assertThat(plant.component("BottleBelt", Conveyor.class).parts()).isNotEmpty();

    plant.signal("Packer/Pack").set(true);
    plant.simulation().runUntil(seconds(10));

    assertThat(plant.signal("Packer/Packed").intValue()).isEqualTo(1);
    assertThat(plant.signal("Packed/Count_case").intValue()).isEqualTo(1);
    assertThat(done.list()).containsExactly("true@7500000000", "false@7510000000");
    // The next group is being collected: the waiting bottles came in once the case had left.
    assertThat(plant.signal("Packer/Count").intValue()).isEqualTo(6);
    assertThat(plant.signal("Packer/CasePresent").booleanValue()).isFalse();
  }

  @Test
  void aPackWithoutACaseDoesNothing() {
    Plant plant = TestLines.plant(PACKING);
    plant.signal("BottleBelt/MotorOn").set(true);
    plant.simulation().runUntil(seconds(6));
    plant.signal("Packer/Pack").set(true);

    plant.simulation().runUntil(seconds(10));

    assertThat(plant.signal("Packer/Busy").booleanValue()).isFalse();
    assertThat(plant.signal("Packer/Packed").intValue()).isZero();
  }

  @Test
  void aFullCaseCarriesItsContents() {
    Plant plant = TestLines.plant(PACKING.replace("to: Packed}", "to: Out}")
        + "  - {name: Out, type: conveyor, length: 2 m, speed: 0.5 m/s}\n");
    plant.signal("BottleBelt/MotorOn").set(true);
    plant.signal("CaseBelt/MotorOn").set(true);
    plant.simulation().runUntil(seconds(6));
    plant.signal("Packer/Pack").set(true);
    plant.simulation().runUntil(seconds(8));

    Part full = plant.component("Out", Conveyor.class).parts().get(0);
    assertThat(full.type()).isEqualTo("case");
    assertThat(full.attributes()).containsEntry("contents", "6").containsEntry("defective", "false");
  }

  @Test
  void anAutoReleasedStationShowsItsRejectForOneIoCycleAfterThePartLeft() {
    Plant plant = TestLines.plant(
        """
        line: Test
        components:
          - {name: Feeder, type: source, interval: 1 h, part: {length: 0.2 m, defectRate: 1},
             to: Belt}
          - {name: Belt, type: conveyor, length: 1 m, speed: 0.5 m/s, to: Check}
          - {name: Check, type: station, processTime: 1 s, inspect: defective, to: Out}
          - {name: Out, type: sink}
        """);
    Edges reject = Edges.of(plant, "Check/Reject");
    plant.signal("Belt/MotorOn").set(true);
    plant.simulation().runUntil(seconds(3));
    plant.signal("Check/Start").set(true);

    plant.simulation().runUntil(seconds(6));

    assertThat(reject.list()).containsExactly("true@4000000000", "false@4010000000");
    assertThat(plant.signal("Out/Count").intValue()).isEqualTo(1);
  }

  @Test
  void aToleranceIsAUniformDistribution() {
    Plant plant = TestLines.plant(
        """
        line: Test
        components:
          - {name: Feeder, type: source, interval: 1 s ± 200 ms, to: Belt}
          - {name: Belt, type: conveyor, length: 1 m, speed: 1 m/s, to: Out}
          - {name: Out, type: sink}
        """);
    List<Long> releases = new ArrayList<>();
    plant.signal("Feeder/Released").addListener(s -> releases.add(plant.simulation().now()));
    plant.signal("Belt/MotorOn").set(true);

    plant.simulation().runUntil(seconds(100));

    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < releases.size(); i++) {
      gaps.add(releases.get(i) - releases.get(i - 1));
    }
    assertThat(gaps).hasSizeGreaterThan(90).allSatisfy(
        gap -> assertThat(gap).isBetween(millis(800), millis(1200)));
    assertThat(gaps.stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThan(millis(850));
    assertThat(gaps.stream().mapToLong(Long::longValue).max().orElseThrow())
        .isGreaterThan(millis(1150));
  }
}
