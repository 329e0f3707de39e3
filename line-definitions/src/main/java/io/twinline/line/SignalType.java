package io.twinline.line;

/** The data type of a signal, as the PLC sees it. */
public enum SignalType {
  BOOLEAN("Boolean"),
  INT32("Int32"),
  DOUBLE("Double");

  private final String displayName;

  SignalType(String displayName) {
    this.displayName = displayName;
  }

  /** The name used in line files, docs and the OPC UA address space ("Boolean", "Int32", ...). */
  public String displayName() {
    return displayName;
  }
}
