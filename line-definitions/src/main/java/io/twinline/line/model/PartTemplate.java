package io.twinline.line.model;

/**
 * What a source releases.
 *
 * @param type the part type, e.g. {@code box}
 * @param length length along the direction of travel, in metres
 */
public record PartTemplate(String type, double length) {

  public static final PartTemplate DEFAULT = new PartTemplate("part", 0.2);
}
