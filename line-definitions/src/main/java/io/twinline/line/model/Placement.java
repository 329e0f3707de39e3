package io.twinline.line.model;

/**
 * Where a component sits on the line's drawing, as written with {@code at: [x, y]} (and, for a
 * conveyor, {@code heading:}). Metres on the floor plan, the same metres as belt lengths and
 * device positions: {@code x} to the right, {@code y} down (the way the console draws the line,
 * flow running left to right). For a conveyor {@code at} is its infeed end (the middle of the
 * belt where parts come on) and the belt runs {@code length} metres along its {@code heading};
 * for any other component it is the middle of its symbol. Devices mounted on a conveyor have no
 * placement of their own: they sit on their belt at their {@code position}.
 *
 * @param x metres to the right of the drawing's origin
 * @param y metres below the drawing's origin
 * @param heading the direction parts travel (conveyors; {@link Heading#RIGHT} for the rest)
 */
public record Placement(double x, double y, Heading heading) {

  /** The direction of travel of a placed conveyor, on the drawing. */
  public enum Heading {
    RIGHT(0), DOWN(90), LEFT(180), UP(270);

    private final int degrees;

    Heading(int degrees) {
      this.degrees = degrees;
    }

    /** Clockwise from "to the right" on the drawing (y grows downwards). */
    public int degrees() {
      return degrees;
    }

    /** The keyword of the line file: {@code right}, {@code down}, {@code left}, {@code up}. */
    public String keyword() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
