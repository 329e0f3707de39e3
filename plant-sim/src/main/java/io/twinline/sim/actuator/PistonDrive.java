package io.twinline.sim.actuator;

import io.twinline.line.model.PistonValves;
import io.twinline.sim.signal.Signal;

/**
 * What a piston's valves make it do: the one place that turns solenoid states into a motion, for
 * cylinders and pushers alike (see {@link PistonValves} for the valve positions).
 */
public final class PistonDrive {

  /** A pressure centre extends at this fraction of full speed: the rod side's area is smaller. */
  static final double PRESSURE_CENTRE_SPEED = 0.5;

  private final PistonValves valves;
  private final Signal extend;
  private final Signal retract;
  private final LinearActuator piston;

  /**
   * @param retract the retract solenoid (double acting), or null with a spring return
   */
  public PistonDrive(PistonValves valves, Signal extend, Signal retract, LinearActuator piston) {
    if (valves.doubleActing() != (retract != null)) {
      throw new IllegalArgumentException("a double-acting piston needs its retract valve");
    }
    this.valves = valves;
    this.extend = extend;
    this.retract = retract;
    this.piston = piston;
  }

  /** Drives the piston as the valves now say. */
  public void apply() {
    boolean out = extend.booleanValue();
    if (!valves.doubleActing()) {
      piston.drive(out ? 1 : -1);
      return;
    }
    boolean in = retract.booleanValue();
    if (out != in) {
      piston.drive(out ? 1 : -1);
    } else if (out) {
      piston.drive(0); // both chambers pressurised and blocked
    } else {
      switch (valves.centre()) {
        case CLOSED -> piston.drive(0);
        case PRESSURE -> piston.drive(1, PRESSURE_CENTRE_SPEED);
        case EXHAUST -> piston.drive(switch (valves.load()) {
          case NONE -> 0;
          case EXTENDS -> 1;
          case RETRACTS -> -1;
        });
      }
    }
  }

  /** Listens to the valves: every change of a solenoid applies. */
  public void listen() {
    extend.addListener(s -> apply());
    if (retract != null) {
      retract.addListener(s -> apply());
    }
  }
}
