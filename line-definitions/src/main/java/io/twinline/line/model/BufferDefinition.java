package io.twinline.line.model;

import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An accumulation table: holds up to {@code capacity} parts and passes them on first in, first
 * out, each at least {@code transit} after it came in.
 */
public record BufferDefinition(
    String name,
    String description,
    SourceLocation location,
    int capacity,
    Duration transit,
    Optional<String> to)
    implements ComponentDefinition {

  public static final String TYPE = "buffer";
  public static final String COUNT = "Count";
  public static final String FULL = "Full";
  public static final String EMPTY = "Empty";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<SignalDefinition> signals() {
    return SignalsOf.component(this)
        .input(COUNT, SignalType.INT32, "Parts in the buffer")
        .input(FULL, SignalType.BOOLEAN, "The buffer holds " + capacity + " parts")
        .input(EMPTY, SignalType.BOOLEAN, "The buffer holds no part")
        .list();
  }
}
