package io.twinline.harness.reference.faulty;

import io.twinline.harness.reference.SortingLineProgram;
import java.time.Duration;

/**
 * Bug: a wrong timer. The pusher's fire delay is 700 ms instead of 200 ms (someone set the
 * timer in ms where the old PLC counted in 10 ms ticks and then "corrected" it): at 0.5 m/s the
 * part is 0.35 m past the eye when the paddle comes, and past the pusher.
 */
public final class SortingLineLatePusher extends SortingLineProgram {

  public SortingLineLatePusher() {
    super(Duration.ofMillis(700));
  }
}
