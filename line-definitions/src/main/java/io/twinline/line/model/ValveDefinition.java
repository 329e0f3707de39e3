package io.twinline.line.model;

import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import io.twinline.line.fault.FaultKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A process valve with limit switches: {@code Open} on opens it over {@code travel}, off closes
 * it (spring return). Its opening (0..1) sets the flow of the tank ports it serves: the port's
 * own {@code flow}, or else the valve's rated flow (from the data sheet: {@code ratedFlow}, or
 * a flow coefficient {@code kv}/{@code cv} at a pressure drop), times the opening.
 *
 * @param ratedFlow m³/s through the fully open valve, if the line file gives it
 */
public record ValveDefinition(
    String name, String description, SourceLocation location, Duration travel,
    Optional<Double> ratedFlow, Optional<Double> rangeability)
    implements ComponentDefinition {

  /** A valve whose flow is given by the ports it serves. */
  public ValveDefinition(String name, String description, SourceLocation location,
      Duration travel) {
    this(name, description, location, travel, Optional.empty(), Optional.empty());
  }

  /** A valve of linear characteristic. */
  public ValveDefinition(String name, String description, SourceLocation location,
      Duration travel, Optional<Double> ratedFlow) {
    this(name, description, location, travel, ratedFlow, Optional.empty());
  }

  public ValveDefinition {
    ratedFlow = ratedFlow == null ? Optional.empty() : ratedFlow;
    rangeability = rangeability == null ? Optional.empty() : rangeability;
  }

  /**
   * The share of the rated flow at opening {@code travel} (0..1): linear, or with
   * {@link #rangeability()} R equal-percentage, {@code (R^x - 1) / (R - 1)} (each step of travel
   * adds the same percentage of the flow; 0 closed, 1 open).
   */
  public double flowShare(double travel) {
    if (rangeability.isEmpty()) {
      return travel;
    }
    double r = rangeability.get();
    return (Math.pow(r, travel) - 1) / (r - 1);
  }

  /**
   * The flow of water through a valve of flow coefficient {@code kv} (m³/s at 1 bar, as the line
   * file's {@code 14 m3/h}) at pressure drop {@code pressureDrop} (Pa), m³/s:
   * {@code Q = kv sqrt(Δp / 1 bar)}.
   */
  public static double flowFromKv(double kv, double pressureDrop) {
    return kv * Math.sqrt(pressureDrop / 1e5);
  }

  /** Cv (US gal/min of water at 1 psi) to kv (m³/h at 1 bar). */
  public static final double KV_PER_CV = 0.865;

  public static final String TYPE = "valve";
  public static final String OPEN = "Open";
  public static final String IS_OPEN = "IsOpen";
  public static final String IS_CLOSED = "IsClosed";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<SignalDefinition> signals() {
    return SignalsOf.component(this)
        .output(OPEN, SignalType.BOOLEAN, "Solenoid: open")
        .input(IS_OPEN, SignalType.BOOLEAN, "Limit switch: fully open")
        .input(IS_CLOSED, SignalType.BOOLEAN, "Limit switch: fully closed")
        .list();
  }

  @Override
  public Set<FaultKind> faults() {
    return Set.of(FaultKind.STICKING);
  }
}
