package io.twinline.line.model;

import java.util.Map;

/**
 * What a source releases.
 *
 * @param type the part type, e.g. {@code box}
 * @param length length along the direction of travel, metres
 * @param weight relative share when a source releases several types
 * @param defectRate chance that a part is defective (attribute {@code defective})
 * @param attributes fixed attributes (colour, size, ...) as text
 */
public record PartTemplate(
    String type, double length, double weight, double defectRate, Map<String, String> attributes) {

  public static final PartTemplate DEFAULT = new PartTemplate("part", 0.2, 1.0, 0.0, Map.of());

  public PartTemplate {
    attributes = Map.copyOf(attributes);
  }
}
