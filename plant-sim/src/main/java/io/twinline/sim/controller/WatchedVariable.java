package io.twinline.sim.controller;

/**
 * A variable of a {@link Watchable} program.
 *
 * @param path where it is, {@code /}-separated: {@code Main/count}, {@code Main/t1.Q},
 *     {@code Globals/speed}
 * @param kind how its value is given
 * @param type the program's own name of its type ({@code INT}, {@code TIME}), for descriptions
 */
public record WatchedVariable(String path, Kind kind, String type) {

  /** How a value is given: Boolean, Long, Double, or a String (times, dates, enumerations). */
  public enum Kind { BOOL, INTEGER, REAL, TEXT }
}
