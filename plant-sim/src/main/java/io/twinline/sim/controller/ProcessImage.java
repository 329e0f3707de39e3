package io.twinline.harness.controller;

/**
 * What a controller sees of the plant during one scan: the inputs as read at the start of the
 * scan, and the outputs it writes, which reach the plant after the scan. Signals are named by
 * path ({@code Infeed/PartAtEnd}) or tag ({@code I_B1}).
 */
public interface ProcessImage {

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
