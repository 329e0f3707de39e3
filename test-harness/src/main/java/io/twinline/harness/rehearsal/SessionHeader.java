package io.twinline.harness.rehearsal;

/**
 * The first line of a session file: what was recorded.
 *
 * @param line the line's name
 * @param lineFile the line file it was read from
 * @param seed the seed of the line's random streams
 * @param controller the program that ran the line (a class name, or "PLC at <endpoint>")
 * @param recorded when, wall clock, ISO-8601
 * @param note free text (what was rehearsed)
 */
public record SessionHeader(
    String line, String lineFile, long seed, String controller, String recorded, String note) {

  /** The format name in every session file. */
  public static final String FORMAT = "twinline-session";

  /** The version of the format this code writes and reads. */
  public static final int VERSION = 1;
}
