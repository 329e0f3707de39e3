package io.twinline.sim.plant;

import io.twinline.line.Direction;
import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalPath;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import java.util.List;

/**
 * Twinline's own signals, beside the line's: the faults in force. They live under the reserved
 * component name {@code Simulation}.
 */
public final class SystemSignals {

  public static final String COMPONENT = "Simulation";
  public static final SignalPath ACTIVE_FAULTS = new SignalPath(COMPONENT, "ActiveFaults");
  public static final SignalPath FAULT_COUNT = new SignalPath(COMPONENT, "FaultCount");
  /** Lock-step over plain variables: the step the simulation offers the PLC (0: none). */
  public static final SignalPath STEP_REQUEST = new SignalPath(COMPONENT, "StepRequest");
  /** Lock-step: the PLC writes the StepRequest it has scanned for; the simulation then steps. */
  public static final SignalPath STEP_ACK = new SignalPath(COMPONENT, "StepAck");
  /**
   * How often the line was reset (or rewound to a snapshot) since it was first built: a PLC
   * program that sees it change restarts itself, as after a warm restart.
   */
  public static final SignalPath RESET_COUNT = new SignalPath(COMPONENT, "ResetCount");

  private SystemSignals() {}

  static List<SignalDefinition> definitions() {
    SourceLocation here = SourceLocation.inCode("Twinline");
    return List.of(
        new SignalDefinition(ACTIVE_FAULTS, SignalType.STRING, Direction.INPUT,
            "Faults in force, one per line: id, kind, target, parameters", here),
        new SignalDefinition(FAULT_COUNT, SignalType.INT32, Direction.INPUT,
            "Number of faults in force", here),
        new SignalDefinition(STEP_REQUEST, SignalType.INT32, Direction.INPUT,
            "Lock-step: the number of the step offered to the PLC (0 when not in lock-step);"
                + " scan once, then write it to StepAck", here),
        new SignalDefinition(STEP_ACK, SignalType.INT32, Direction.OUTPUT,
            "Lock-step: write StepRequest here after the scan; the simulation then runs one"
                + " I/O cycle", here),
        new SignalDefinition(RESET_COUNT, SignalType.INT32, Direction.INPUT,
            "Resets of the line so far (0 until the first): when it changes, the line is back"
                + " at its start; a PLC program re-initialises itself (a warm restart)", here));
  }

  public static boolean isSystem(SignalPath path) {
    return path.component().equals(COMPONENT);
  }
}
