package io.twinline.harness.reference;

import io.twinline.sim.controller.ControlProgram;
import io.twinline.sim.controller.ProcessImage;
import io.twinline.sim.controller.Timers;
import java.time.Duration;

/**
 * The mixing tank's batch sequence: fill A to 0.6 m, fill B to 1.0 m, mix and heat to 60 °C,
 * hold two minutes at temperature (the thermostat switches the heater), drain until the low
 * level switch, count the batch, start over. The high level switch and the over-temperature
 * switch stop filling and heating whatever the step.
 */
public class MixingTankProgram implements ControlProgram {

  static final int IDLE = 0;
  static final int FILL_A = 1;
  static final int FILL_B = 2;
  static final int HEAT = 3;
  static final int HOLD = 4;
  static final int DRAIN = 5;

  private int step = IDLE;
  private int batches;
  private final Timers.Ton hold = new Timers.Ton(Duration.ofMinutes(2));

  @Override
  public void scan(ProcessImage io) {
    double level = io.number("IW_Level");
    boolean high = io.bool("Mixer/HighLevel");
    boolean low = io.bool("Mixer/LowLevel");
    boolean atTemperature = io.bool("Heating/AtTemperature");
    boolean overTemperature = io.bool("Heating/OverTemperature");

    switch (step) {
      case IDLE -> step = FILL_A;
      case FILL_A -> {
        if (level >= 0.6) {
          step = FILL_B;
        }
      }
      case FILL_B -> {
        if (level >= 1.0) {
          step = HEAT;
        }
      }
      case HEAT -> {
        if (atTemperature) {
          step = HOLD;
        }
      }
      case HOLD -> {
        if (hold.update(true, io.now())) {
          hold.update(false, io.now());
          step = DRAIN;
        }
      }
      case DRAIN -> {
        if (low) {
          batches++;
          step = IDLE;
        }
      }
      default -> step = IDLE;
    }

    io.set("ValveA/Open", step == FILL_A && inletPermitted("ValveA", high));
    io.set("ValveB/Open", step == FILL_B && inletPermitted("ValveB", high));
    io.set("Agitator/Run", step == HEAT || step == HOLD);
    io.set("Heating/Heat", (step == HEAT || (step == HOLD && !atTemperature)) && !overTemperature);
    io.set("DrainPump/Run", step == DRAIN);
    io.set("Batch/Step", step);
    io.set("Batch/Count", batches);
  }

  /**
   * The interlock of an inlet valve, on top of its filling step: whether {@code valve} may be
   * open with the high level switch at {@code highLevel}. Here: never above the high level.
   */
  protected boolean inletPermitted(String valve, boolean highLevel) {
    return !highLevel;
  }
}
