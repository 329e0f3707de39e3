package io.twinline.sim.actuator;

/**
 * Something that sets a flow as a known function of time until its next discrete change: a
 * valve's opening, a pump's speed. Continuous models read it and are told when it changes course.
 */
public interface FlowInput {

  /** The fraction of full flow (0..1) at simulated time {@code time}. */
  double fractionAt(long time);

  /**
   * The flow at full opening or speed from the device's data sheet, m³/s, if it has one (a tank
   * port without its own flow uses it).
   */
  default java.util.OptionalDouble ratedFlow() {
    return java.util.OptionalDouble.empty();
  }

  /** Whether the fraction is changing right now (a valve travelling, a pump ramping). */
  boolean isChanging();

  /**
   * Tells {@code listener} whenever the fraction's course changes: first just before (so that a
   * model can integrate up to now under the old course), then just after.
   */
  void onCourseChange(CourseListener listener);

  /** Told around each change of course. */
  interface CourseListener {
    void courseChanging();

    void courseChanged();
  }
}
