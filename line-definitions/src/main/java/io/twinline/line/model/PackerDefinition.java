package io.twinline.line.model;

import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import io.twinline.line.fault.FaultKind;
import io.twinline.line.units.DurationDistribution;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A case packer: it collects {@code count} products (any part that is not a case) and takes one
 * empty case (a part of type {@code caseType}), both delivered by conveyors whose {@code to} is
 * the packer. A rising {@code Pack} with a full group and a case begins a cycle ({@code Busy} for
 * {@code packTime}); then the products are in the case, {@code Packed} counts it, {@code Done}
 * comes, and the full case leaves to {@code to} as soon as there is room, with the attributes
 * {@code contents} (how many) and {@code defective} (true if any product was). Products and cases
 * are not taken while a cycle runs or a full case waits.
 *
 * @param count products per case
 * @param caseType the type of the parts that are cases
 * @param packTime the time of one packing cycle
 * @param to where full cases go
 * @param hold the shortest time {@code Done} shows; empty: one I/O cycle
 */
public record PackerDefinition(
    String name,
    String description,
    SourceLocation location,
    int count,
    String caseType,
    DurationDistribution packTime,
    String to,
    Optional<Duration> hold)
    implements ComponentDefinition {

  public static final String TYPE = "packer";
  public static final String PACK = "Pack";
  public static final String COUNT = "Count";
  public static final String GROUP_READY = "GroupReady";
  public static final String CASE_PRESENT = "CasePresent";
  public static final String BUSY = "Busy";
  public static final String DONE = "Done";
  public static final String PACKED = "Packed";
  public static final String FAULT = "Fault";
  /** The attribute of a full case that says how many products it holds. */
  public static final String CONTENTS = "contents";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<SignalDefinition> signals() {
    return SignalsOf.component(this)
        .output(PACK, SignalType.BOOLEAN, "A rising edge packs the group into the case")
        .input(COUNT, SignalType.INT32, "Products collected for the next case")
        .input(GROUP_READY, SignalType.BOOLEAN, count + " products are collected")
        .input(CASE_PRESENT, SignalType.BOOLEAN, "An empty case is in place")
        .input(BUSY, SignalType.BOOLEAN, "A packing cycle is running")
        .input(DONE, SignalType.BOOLEAN, "The case is packed (until it has left)")
        .input(FAULT, SignalType.BOOLEAN, "The packer has faulted")
        .input(PACKED, SignalType.INT32, "Cases packed so far")
        .list();
  }

  @Override
  public Set<FaultKind> faults() {
    return Set.of(FaultKind.STATION_FAULT);
  }
}
