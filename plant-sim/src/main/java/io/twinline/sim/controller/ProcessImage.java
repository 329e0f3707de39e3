package io.twinline.sim.controller;

/**
 * What a controller sees of the plant during one scan: the inputs as read at the start of the
 * scan, and the outputs it writes, which reach the plant after the scan. Signals are named by
 * path ({@code Infeed/PartAtEnd}) or tag ({@code I_B1}), or through a {@link Tag} bound once
 * ({@link #tag}), which a fast image serves without looking the name up every scan:
 *
 * <pre>{@code
 * private ProcessImage.Tag partAtEnd, motor;
 * public void init(ProcessImage io) { partAtEnd = io.tag("Infeed/PartAtEnd"); motor = io.tag("Infeed/MotorOn"); }
 * public void scan(ProcessImage io) { io.set(motor, !io.bool(partAtEnd)); }
 * }</pre>
 */
public interface ProcessImage {

  /** A signal of the image bound once by path or tag; valid for every later scan of the image. */
  interface Tag {
    /** The path or tag it was bound by. */
    String name();
  }

  /**
   * Binds a signal for the scans to come. An image that has nothing faster keeps the name.
   *
   * @throws IllegalArgumentException if the image has no such signal (an image that can tell)
   */
  default Tag tag(String signal) {
    return new Named(signal);
  }

  /** A tag that is just the name. */
  record Named(String name) implements Tag {}

  default boolean bool(Tag signal) {
    return bool(signal.name());
  }

  default double number(Tag signal) {
    return number(signal.name());
  }

  default int integer(Tag signal) {
    return integer(signal.name());
  }

  default String text(Tag signal) {
    return text(signal.name());
  }

  default void set(Tag signal, boolean value) {
    set(signal.name(), value);
  }

  default void set(Tag signal, double value) {
    set(signal.name(), value);
  }

  default void set(Tag signal, long value) {
    set(signal.name(), value);
  }

  /** Simulated time at the start of the scan, ns. */
  long now();

  boolean bool(String signal);

  /** A numeric value (integers, floating point; Booleans as 0/1). */
  double number(String signal);

  int integer(String signal);

  String text(String signal);

  /**
   * Writes an output.
   *
   * @throws IllegalArgumentException if the signal is an input (only the plant drives inputs)
   */
  void set(String signal, boolean value);

  void set(String signal, double value);

  void set(String signal, long value);

  void set(String signal, String value);
}
