package io.twinline.harness.report;

import io.twinline.harness.expr.LineSignals;
import io.twinline.harness.run.Coverage;
import io.twinline.harness.suite.Failure;
import io.twinline.harness.suite.SequenceResult;
import io.twinline.harness.suite.Status;
import io.twinline.harness.suite.StepResult;
import io.twinline.harness.suite.SuiteResult;
import io.twinline.harness.suite.Timeline;
import io.twinline.harness.suite.Timeline.Point;
import io.twinline.harness.suite.Timeline.Series;
import io.twinline.line.Direction;
import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalPath;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import io.twinline.sim.time.SimTime;
import java.util.List;
import java.util.Optional;

/**
 * A small run written by hand: a suite of two sequences on a five-signal line, one passed, one
 * failed with a timeline of a Boolean, a Double and a String signal.
 */
final class SampleResults {

  static final String FILE = "filling.seq.yaml";
  static final String MESSAGE = "expected Tower/Green within 2.000 s, but it did not hold by"
      + " 2.000 s (Tank/Level < 80 & Tower/Green = false)";
  static final SourceLocation FAILING_STEP = new SourceLocation(FILE, 14, 7);

  private SampleResults() {}

  /** The line's signals; the simulation's own one is not part of the coverage. */
  static List<SignalDefinition> definitions() {
    return List.of(
        signal("Infeed/PartPresent", SignalType.BOOLEAN, Direction.INPUT),
        signal("Tank/Level", SignalType.DOUBLE, Direction.INPUT),
        signal("Filler/Recipe", SignalType.STRING, Direction.INPUT),
        signal("Infeed/MotorOn", SignalType.BOOLEAN, Direction.OUTPUT),
        signal("Tower/Green", SignalType.BOOLEAN, Direction.OUTPUT),
        signal("Simulation/FaultCount", SignalType.INT32, Direction.INPUT));
  }

  private static SignalDefinition signal(String path, SignalType type, Direction direction) {
    return new SignalDefinition(SignalPath.parse(path), type, direction, "",
        new SourceLocation("filling-line.yaml", 3, 5));
  }

  static Coverage coverage() {
    return new Coverage(new LineSignals(definitions()));
  }

  static SuiteResult suite() {
    return suite(coverage());
  }

  static SuiteResult suite(Coverage coverage) {
    return new SuiteResult(FILE, "filling-line", "io.example.FillerProgram", 42L,
        List.of(passed(), failed()), coverage, SimTime.millis(1_234));
  }

  static SequenceResult passed() {
    return new SequenceResult("Start runs the belts", new SourceLocation(FILE, 3, 3),
        List.of("smoke"), Status.PASSED, SimTime.seconds(2), SimTime.millis(12),
        List.of(
            new StepResult(new SourceLocation(FILE, 5, 7), "press StartButton", Status.PASSED,
                0, 0, ""),
            new StepResult(new SourceLocation(FILE, 6, 7), "expect Tower/Green within 100 ms",
                Status.PASSED, 0, SimTime.millis(20), "")),
        Optional.empty());
  }

  static SequenceResult failed() {
    List<StepResult> steps = List.of(
        new StepResult(new SourceLocation(FILE, 12, 7), "set Filler/Recipe = large",
            Status.PASSED, SimTime.seconds(1), SimTime.seconds(1), ""),
        new StepResult(FAILING_STEP, "expect Tower/Green within 2 s", Status.FAILED,
            SimTime.seconds(1), SimTime.seconds(3), MESSAGE),
        new StepResult(new SourceLocation(FILE, 15, 7), "expect Tank/Level > 90 within 1 min",
            Status.SKIPPED, 0, 0, ""));
    Timeline timeline = new Timeline(0, SimTime.seconds(4), SimTime.seconds(3), List.of(
        new Series("Tower/Green", SignalType.BOOLEAN, false, List.of(
            new Point(SimTime.seconds(1), true), new Point(SimTime.seconds(2), false))),
        new Series("Tank/Level", SignalType.DOUBLE, 0.0, List.of(
            new Point(SimTime.millis(500), 20.0), new Point(SimTime.millis(1_500), 80.5),
            new Point(SimTime.millis(2_500), 42.25))),
        new Series("Filler/Recipe", SignalType.STRING, "idle", List.of(
            new Point(SimTime.seconds(1), "filling <large>")))));
    Failure failure = new Failure(MESSAGE, FAILING_STEP, SimTime.seconds(3), timeline, List.of(
        new Failure.Event(SimTime.seconds(1), "set Filler/Recipe = filling <large>"),
        new Failure.Event(SimTime.seconds(2), "Tower/Green = false")));
    return new SequenceResult("Fill level [large]", new SourceLocation(FILE, 10, 3),
        List.of("filler", "slow"), Status.FAILED, SimTime.seconds(3), SimTime.millis(40), steps,
        Optional.of(failure));
  }
}
