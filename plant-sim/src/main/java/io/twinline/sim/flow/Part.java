package io.twinline.sim.flow;

import java.util.Map;

/**
 * A workpiece travelling through the line.
 *
 * @param id unique within a run, in release order
 * @param type part type, e.g. {@code box}
 * @param length length along the direction of travel, metres
 * @param releasedAt simulated time it entered the line, ns
 * @param attributes colour, size, {@code defective}, ... as text
 */
public record Part(
    long id, String type, double length, long releasedAt, Map<String, String> attributes) {

  public static final String DEFECTIVE = "defective";

  public Part {
    attributes = Map.copyOf(attributes);
  }

  public Part(long id, String type, double length, long releasedAt) {
    this(id, type, length, releasedAt, Map.of());
  }

  /** Whether the attribute is there and true (or any value but "false"). */
  public boolean is(String attribute) {
    String value = attributes.get(attribute);
    return value != null && !value.equalsIgnoreCase("false");
  }
}
