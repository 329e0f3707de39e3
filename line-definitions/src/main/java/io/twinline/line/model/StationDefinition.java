package io.twinline.line.model;

import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import io.twinline.line.fault.FaultKind;
import io.twinline.line.units.DurationDistribution;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A machine that works on one part at a time: a part arrives ({@code PartPresent}); a rising
 * {@code Start} begins a cycle ({@code Busy}) that takes {@code processTime}; then {@code Done}.
 * The part leaves to {@code to} by itself, or on a rising {@code Release} when {@code release:
 * plc}. An inspecting station sets {@code Reject} for parts that have the inspected attribute;
 * an identifying one (a code reader) shows the part's type in {@code PartType}. A filling station
 * ({@code fill}) adds to each cycle the time its fill takes, volume over rate, and shows the
 * volume it fills in {@code FillVolume}; recipes change the volume.
 *
 * <p>Results ({@code Done}, {@code Reject}, {@code PartType}) stay until the part has left and at
 * least {@code hold} after they came (empty: one I/O cycle), so that a PLC scanning once per I/O
 * cycle always sees them, also with {@code release: auto}.
 *
 * @param hold the shortest time results are shown; empty: one I/O cycle
 */
public record StationDefinition(
    String name,
    String description,
    SourceLocation location,
    DurationDistribution processTime,
    boolean releasedByPlc,
    Optional<String> inspect,
    boolean identify,
    Optional<String> to,
    Optional<Fill> fill,
    Optional<java.time.Duration> hold)
    implements ComponentDefinition {

  /** A station whose results show for at least one I/O cycle. */
  public StationDefinition(
      String name,
      String description,
      SourceLocation location,
      DurationDistribution processTime,
      boolean releasedByPlc,
      Optional<String> inspect,
      boolean identify,
      Optional<String> to,
      Optional<Fill> fill) {
    this(name, description, location, processTime, releasedByPlc, inspect, identify, to, fill,
        Optional.empty());
  }

  /**
   * What a filling station puts into each part.
   *
   * @param volume m³ per part
   * @param rate m³/s
   */
  public record Fill(double volume, double rate) {

    /** How long one fill of {@code volume} takes, ns. */
    public long nanos(double volume) {
      return Math.round(volume / rate * 1e9);
    }
  }

  public static final String TYPE = "station";
  public static final String PART_PRESENT = "PartPresent";
  public static final String BUSY = "Busy";
  public static final String DONE = "Done";
  public static final String FAULT = "Fault";
  public static final String START = "Start";
  public static final String RELEASE = "Release";
  public static final String REJECT = "Reject";
  public static final String CYCLES = "Cycles";
  public static final String PART_TYPE = "PartType";
  public static final String FILL_VOLUME = "FillVolume";
  /** The recipe parameter that sets the volume of a filling station. */
  public static final String FILL_VOLUME_PARAMETER = "fillVolume";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<SignalDefinition> signals() {
    SignalsOf signals =
        SignalsOf.component(this)
            .output(START, SignalType.BOOLEAN, "A rising edge starts a cycle on the present part")
            .input(PART_PRESENT, SignalType.BOOLEAN, "A part is in the station")
            .input(BUSY, SignalType.BOOLEAN, "A cycle is running")
            .input(DONE, SignalType.BOOLEAN, "The cycle on the present part is finished")
            .input(FAULT, SignalType.BOOLEAN, "The station has faulted")
            .input(CYCLES, SignalType.INT32, "Cycles completed so far");
    if (releasedByPlc) {
      signals.output(RELEASE, SignalType.BOOLEAN, "A rising edge lets a finished part leave");
    }
    inspect.ifPresent(
        attribute ->
            signals.input(REJECT, SignalType.BOOLEAN,
                "The inspected part is " + attribute + " (valid while Done)"));
    if (fill.isPresent()) {
      signals.input(FILL_VOLUME, SignalType.DOUBLE, "The volume each fill puts into a part, ml");
    }
    if (identify) {
      signals.input(PART_TYPE, SignalType.STRING,
          "Type of the part read by the station (valid while Done)");
    }
    return signals.list();
  }

  @Override
  public Set<FaultKind> faults() {
    return Set.of(FaultKind.STATION_FAULT);
  }
}
