package io.twinline.line;

import java.util.Objects;

/**
 * One I/O point of the line as the PLC sees it.
 *
 * @param path {@code <component>/<signal>}
 * @param type data type
 * @param direction who drives it, seen from the PLC
 * @param description text for engineers (shown as the OPC UA Description)
 * @param location where the component that owns the signal was defined
 */
public record SignalDefinition(
    SignalPath path,
    SignalType type,
    Direction direction,
    String description,
    SourceLocation location) {

  public SignalDefinition {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(direction, "direction");
    description = description == null ? "" : description;
    Objects.requireNonNull(location, "location");
  }
}
