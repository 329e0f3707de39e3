package io.twinline.line;

import java.util.Objects;
import java.util.Optional;

/**
 * One I/O point of the line as the PLC sees it.
 *
 * @param path {@code <component>/<signal>}
 * @param type data type
 * @param direction who drives it, seen from the PLC
 * @param description text for engineers (shown as the OPC UA Description)
 * @param location where the component that owns the signal was defined
 * @param tag an alias, e.g. the PLC's own tag name ({@code I_B1_PartPresent}, {@code %I0.3})
 * @param analog unit and range of an analog value
 * @param writableByClients an input that clients may write anyway, to force it
 * @param rawOf for a raw-count signal, the engineering signal it scales
 * @param initial the value at the start of a run (false, 0 or empty unless set)
 */
public record SignalDefinition(
    SignalPath path,
    SignalType type,
    Direction direction,
    String description,
    SourceLocation location,
    Optional<String> tag,
    Optional<Analog> analog,
    boolean writableByClients,
    Optional<SignalPath> rawOf,
    Optional<Object> initial) {

  public SignalDefinition {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(direction, "direction");
    description = description == null ? "" : description;
    Objects.requireNonNull(location, "location");
    tag = tag == null ? Optional.empty() : tag;
    analog = analog == null ? Optional.empty() : analog;
    rawOf = rawOf == null ? Optional.empty() : rawOf;
    initial = initial == null ? Optional.empty() : initial;
  }

  /** A plain signal: no tag, no analog range, not forcible, starts at false/0/"". */
  public SignalDefinition(
      SignalPath path,
      SignalType type,
      Direction direction,
      String description,
      SourceLocation location) {
    this(path, type, direction, description, location, Optional.empty(), Optional.empty(), false,
        Optional.empty(), Optional.empty());
  }

  /** An analog signal. */
  public static SignalDefinition analog(
      SignalPath path, Direction direction, String description, SourceLocation location,
      Analog analog) {
    return new SignalDefinition(path, SignalType.DOUBLE, direction, description, location,
        Optional.empty(), Optional.of(analog), false, Optional.empty(), Optional.empty());
  }

  public SignalDefinition withTag(String newTag) {
    return new SignalDefinition(path, type, direction, description, location,
        Optional.ofNullable(newTag), analog, writableByClients, rawOf, initial);
  }

  public SignalDefinition withDescription(String text) {
    return new SignalDefinition(path, type, direction, text, location, tag, analog,
        writableByClients, rawOf, initial);
  }

  public SignalDefinition withWritableByClients(boolean writable) {
    return new SignalDefinition(path, type, direction, description, location, tag, analog,
        writable, rawOf, initial);
  }

  public SignalDefinition withAnalog(Analog range) {
    return new SignalDefinition(path, type, direction, description, location, tag,
        Optional.ofNullable(range), writableByClients, rawOf, initial);
  }

  public SignalDefinition withInitial(Object value) {
    return new SignalDefinition(path, type, direction, description, location, tag, analog,
        writableByClients, rawOf, Optional.ofNullable(value));
  }

  /** Whether OPC UA clients (PLCs) may write it: outputs, and inputs marked for forcing. */
  public boolean clientWritable() {
    return direction == Direction.OUTPUT || writableByClients;
  }
}
