package io.twinline.line;

/** Which side drives a signal, seen from the PLC. */
public enum Direction {
  /** The plant drives it, the PLC reads it: sensors, feedback, counters. */
  INPUT,
  /** The PLC drives it, the plant reacts: motors, valves, lamps. */
  OUTPUT;

  public String displayName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
