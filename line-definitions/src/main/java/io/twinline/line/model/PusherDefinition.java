package io.twinline.line.model;

import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import io.twinline.line.fault.FaultKind;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A pusher beside a conveyor. When its paddle reaches the middle of the belt (half the stroke
 * after {@code Extend}), a part covering its position is pushed onto {@code to}. A part that is
 * not there yet, or already past, is missed: the PLC's timing matters, as on the floor.
 */
public record PusherDefinition(
    String name,
    String description,
    SourceLocation location,
    String conveyor,
    double position,
    String to,
    Duration stroke,
    PistonValves valves)
    implements ComponentDefinition, MountedDefinition {

  /** A single-acting pusher (one valve, spring return). */
  public PusherDefinition(
      String name, String description, SourceLocation location, String conveyor,
      double position, String to, Duration stroke) {
    this(name, description, location, conveyor, position, to, stroke, PistonValves.SPRING);
  }

  public static final String TYPE = "pusher";
  public static final String EXTEND = "Extend";
  public static final String RETRACT = "Retract";
  public static final String EXTENDED = "Extended";
  public static final String RETRACTED = "Retracted";
  public static final String PUSHED = "Pushed";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<SignalDefinition> signals() {
    SignalsOf signals = SignalsOf.component(this)
        .output(EXTEND, SignalType.BOOLEAN, "Valve: true extends the pusher");
    if (valves.doubleActing()) {
      signals.output(RETRACT, SignalType.BOOLEAN, "Valve: true retracts the pusher");
    }
    return signals
        .input(EXTENDED, SignalType.BOOLEAN, "Pusher fully out")
        .input(RETRACTED, SignalType.BOOLEAN, "Pusher fully in")
        .input(PUSHED, SignalType.INT32, "Parts pushed onto " + to + " so far")
        .list();
  }

  @Override
  public Set<FaultKind> faults() {
    return Set.of(FaultKind.STICKING);
  }
}
