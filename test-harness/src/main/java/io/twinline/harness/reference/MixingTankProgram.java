package io.twinline.harness.reference;

import io.twinline.sim.controller.ControlProgram;
import io.twinline.sim.controller.ProcessImage;
import io.twinline.sim.controller.Timers;
import java.time.Duration;

/**
 * The mixing tank's batch sequence: fill A to 0.6 m, fill B to 1.0 m, mix and heat to 60 °C,
 * hold two minutes at temperature (the thermostat switches the heater), drain until the low
 * level switch, count the batch, start over. The high level switch and the over-temperature
 * switch stop filling and heating whatever the step. A broken wire of the level transmitter
 * (the S7 card's diagnostic) holds the batch where it is: valves, heater and pump off, the
 * step kept, until the wire is repaired.
 */
public class MixingTankProgram implements ControlProgram {

  protected static final int IDLE = 0;
  protected static final int FILL_A = 1;
  protected static final int FILL_B = 2;
  protected static final int HEAT = 3;
  protected static final int HOLD = 4;
  protected static final int DRAIN = 5;

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
    if (holdsOnWireBreak() && io.bool("Mixer/LevelWireBreak")) {
      // The level is unknown: neither fill nor heat nor drain on it, and stay in the step.
      io.set("ValveA/Open", false);
      io.set("ValveB/Open", false);
      io.set("Heating/Heat", false);
      io.set("DrainPump/Run", false);
      io.set("Batch/Step", step);
      return;
    }

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
    io.set("Agitator/Run", stirring(step));
    io.set("Heating/Heat", heatingWanted(step, atTemperature) && !overTemperature);
    io.set("DrainPump/Run", step == DRAIN);
    io.set("Batch/Step", step);
    io.set("Batch/Count", batches);
  }

  /** Whether a broken level wire holds the batch (it must: the level is unknown). */
  protected boolean holdsOnWireBreak() {
    return true;
  }

  /** Whether step {@code batchStep} runs the agitator: while heating and holding. */
  protected boolean stirring(int batchStep) {
    return batchStep == HEAT || batchStep == HOLD;
  }

  /**
   * Whether step {@code batchStep} heats: while heating up, and while held below the
   * thermostat. Never before the batch is in (the element must be covered).
   */
  protected boolean heatingWanted(int batchStep, boolean atTemperature) {
    return batchStep == HEAT || (batchStep == HOLD && !atTemperature);
  }

  /**
   * The interlock of an inlet valve, on top of its filling step: whether {@code valve} may be
   * open with the high level switch at {@code highLevel}. Here: never above the high level.
   */
  protected boolean inletPermitted(String valve, boolean highLevel) {
    return !highLevel;
  }
}
