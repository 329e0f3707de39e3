package io.twinline.sim.flow;

/**
 * A workpiece travelling through the line.
 *
 * @param id unique within a run, in release order
 * @param type part type, e.g. {@code box}
 * @param length length along the direction of travel, metres
 * @param releasedAt simulated time it entered the line, ns
 */
public record Part(long id, String type, double length, long releasedAt) {}
