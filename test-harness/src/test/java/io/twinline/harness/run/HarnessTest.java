package io.twinline.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinline.harness.reference.BottlingLineProgram;
import io.twinline.sim.time.SimTime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine on the bottling line with its reference program, in simulated time. */
class HarnessTest {

  private Harness line;

  @AfterEach
  void close() {
    if (line != null) {
      line.close();
    }
  }

  private Harness start() throws Exception {
    line = Harness.onExample("bottling-line.yaml").controller(new BottlingLineProgram()).start();
    return line;
  }

  private void pressStart() {
    line.press("StartButton").waitFor(Duration.ofMillis(200)).release("StartButton");
  }

  @Test
  void startRunsTheBeltsWithinACoupleOfScans() throws Exception {
    start();
    line.expect("Tower/Yellow && !Tower/Green").within(Duration.ofMillis(50));

    line.press("StartButton");
    line.expect("Tower/Green && Q_Infeed_Run").within(Duration.ofMillis(50));

    assertThat(line.now()).isLessThanOrEqualTo(SimTime.millis(100));
    line.release("StartButton");
    line.expect("Tower/Green").holdsFor(Duration.ofSeconds(30));
    line.expect("Packed/Count >= 5").within(Duration.ofMinutes(1));
  }

  @Test
  void anExpectationThatDoesNotComeFailsWithTheValuesItRead() throws Exception {
    start();

    assertThatThrownBy(() -> line.expect("Tower/Green").within(Duration.ofSeconds(2)))
        .isInstanceOf(SequenceFailure.class)
        .hasMessage("expected Tower/Green within 2.000 s, but it did not hold by 2.000 s"
            + " after the step began at 0.000 s (Tower/Green = false, unchanged since 0.000 s)")
        .satisfies(e -> assertThat(((SequenceFailure) e).time()).isEqualTo(SimTime.seconds(2)))
        .satisfies(e -> assertThat(((SequenceFailure) e).signals()).containsExactly("Tower/Green"));
  }

  @Test
  void anInvariantIsCheckedAtEveryInstantAndNamesWhenItBroke() throws Exception {
    start();
    // The PLC needs a scan to react to the e-stop: "never green while the e-stop is pressed"
    // would fail on the scan it takes. Allow it 50 ms.
    line.never("Tower/Green && !EStop/Healthy && stable(EStop/Healthy, 50 ms)");
    pressStart();
    line.waitFor(Duration.ofSeconds(5));

    // The reference program stops at once on an e-stop: green goes off in the same scan.
    line.press("EStop");
    line.waitFor(Duration.ofSeconds(1));
    line.expect("Tower/Red && !Q_Infeed_Run").now();

    line.disarmInvariants();
    line.never("Q_Infeed_Run");
    line.release("EStop");
    line.waitFor(Duration.ofMillis(100)); // a start in the e-stop's reset scan is not seen
    assertThatThrownBy(this::pressStart)
        .isInstanceOf(SequenceFailure.class)
        .hasMessageStartingWith("never Q_Infeed_Run, but it held at 6.")
        .hasMessageEndingWith("(Q_Infeed_Run [Infeed/MotorOn] = true)");
  }

  @Test
  void holdsForFailsWhenTheConditionStopsHolding() throws Exception {
    start();
    pressStart();
    line.expect("rose(Filler/Busy)").within(Duration.ofSeconds(20));
    line.expect("!Filler/Busy").within(Duration.ofSeconds(5));

    assertThatThrownBy(() -> line.expect("!Filler/Busy").holdsFor(Duration.ofSeconds(20)))
        .isInstanceOf(SequenceFailure.class)
        .hasMessageContaining("expected !Filler/Busy for 20.000 s, but it stopped holding after");
  }

  @Test
  void afterRefusesTooEarlyAndTooLate() throws Exception {
    start();
    line.set("Tower/Red", true); // no controller would do this, but the harness may

    // The first bottle reaches the filler after about 1.6 s + 3 m / 0.4 m/s = 9 s on a running
    // line; with the line stopped it never does.
    assertThatThrownBy(() -> line.expect("I_FillerIn").after(Duration.ofSeconds(5)))
        .isInstanceOf(SequenceFailure.class)
        .hasMessageContaining("after 5.000 s (by 5.500 s), but it did not hold by 5.500 s");

    pressStart();
    assertThatThrownBy(() -> line.expect("Tower/Green").after(Duration.ofSeconds(1)))
        .isInstanceOf(SequenceFailure.class)
        .hasMessageContaining("but it held already after 0.000 s");
  }

  @Test
  void anOrderThatComesTheOtherWayRoundFails() throws Exception {
    start();
    pressStart();

    assertThatThrownBy(() -> line.expectOrder(Duration.ofSeconds(30), List.of(
            line.condition("rose(Capper/Busy)"), line.condition("rose(Filler/Busy)"))))
        .isInstanceOf(SequenceFailure.class)
        .hasMessageStartingWith("expected rose(Capper/Busy) before rose(Filler/Busy), but"
            + " rose(Filler/Busy) came first");
  }

  @Test
  void countsAndOrderOfEvents() throws Exception {
    start();
    pressStart();

    line.expectOrder(Duration.ofSeconds(30), List.of(
        line.condition("rose(Filler/Busy)"),
        line.condition("fell(Filler/Busy)"),
        line.condition("rose(Capper/Busy)"),
        line.condition("rose(Vision/Busy)")));
    line.expectCount("Packed", "bottle", Harness.Comparison.AT_LEAST, 3, Duration.ofMinutes(1));
    assertThat(line.count("Packed", null)).isEqualTo(3);
    assertThatThrownBy(
            () -> line.expectCount("RejectBin", null, Harness.Comparison.EQUALS, 5, null))
        .isInstanceOf(SequenceFailure.class)
        .hasMessage("expected the count of RejectBin == 5, but it is "
            + line.count("RejectBin", null));
  }

  @Test
  void inputsThatThePlantDrivesCannotBeSet() throws Exception {
    start();

    assertThatThrownBy(() -> line.set("Infeed/FillerIn", true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is an input that the plant drives");
    assertThatThrownBy(() -> line.set("Tower/Red", "maybe"))
        .hasMessageContaining("'maybe' is not true or false");
  }

  @Test
  void coverageSeesWhatTheRunExercised() throws Exception {
    start();
    line.never("Tower/Green && Tower/Red");
    pressStart();
    line.waitFor(Duration.ofSeconds(30));

    Coverage coverage = line.coverage();
    assertThat(coverage.invariants()).containsExactly("Tower/Green && Tower/Red");
    assertThat(coverage.signals())
        .filteredOn(u -> u.path().equals("StartButton/Contact"))
        .singleElement()
        .satisfies(u -> assertThat(u.rose() && u.fell()).isTrue());
    assertThat(coverage.signals())
        .filteredOn(u -> u.path().equals("Tower/Green"))
        .singleElement()
        .satisfies(u -> assertThat(u.drivenByController()).isTrue());
    assertThat(coverage.signals())
        .filteredOn(u -> u.path().equals("EStop/Healthy"))
        .singleElement()
        .satisfies(u -> assertThat(u.changed()).isFalse());
  }

  @Test
  void anEdgeSatisfiesOneExpectationNotTheNextOneToo() throws Exception {
    start();
    pressStart();

    line.expect("rose(Filler/Busy)").within(Duration.ofSeconds(20));
    long first = line.now();
    line.expect("rose(Filler/Busy)").within(Duration.ofSeconds(20));

    assertThat(line.now()).as("the second waits for the next bottle").isGreaterThan(first);
    assertThat(line.value("Filler/Cycles")).isEqualTo(1); // one done, the second just started
    // A state (not an edge) still holds at once.
    long now = line.now();
    line.expect("Filler/Busy").within(Duration.ofSeconds(1));
    assertThat(line.now()).isEqualTo(now);
  }
}
