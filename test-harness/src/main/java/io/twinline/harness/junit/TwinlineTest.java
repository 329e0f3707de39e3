package io.twinline.harness.junit;

import io.twinline.sim.controller.ControlProgram;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A JUnit 5 test on a simulated line: every test method that takes a {@link
 * io.twinline.harness.run.Harness} parameter gets a fresh plant of the line, with the controller
 * under test scanning in virtual time.
 *
 * <pre>{@code
 * @TwinlineTest(line = "bottling-line.yaml", controller = BottlingLineProgram.class)
 * class BottlingLineTest {
 *   @Test
 *   void startRunsTheLine(Harness line) {
 *     line.press("StartButton");
 *     line.expect("Tower/Green && Q_Infeed_Run").within(Duration.ofMillis(50));
 *   }
 * }
 * }</pre>
 *
 * <p>On a class it applies to every method; on a method it overrides the class's.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(TwinlineExtension.class)
public @interface TwinlineTest {

  /** The line: a path (relative to the working directory) or an example line's file name. */
  String line();

  /** The program under test; {@link ControlProgram} itself means none. */
  Class<? extends ControlProgram> controller() default ControlProgram.class;

  /**
   * The program under test as a file: {@code "main.st"} (Structured Text), {@code
   * "project.xml"} (PLCopen XML), or any {@code --controller} specification ({@code
   * "st:main.st@20ms"}, {@code "reference"}). Needs the st-plc module on the class path for ST.
   */
  String program() default "";

  /** The controller's scan period, e.g. {@code "10 ms"}. */
  String scan() default "10 ms";

  /** A seed for the line's random streams; {@link Long#MIN_VALUE} keeps the line's own. */
  long seed() default Long.MIN_VALUE;
}
