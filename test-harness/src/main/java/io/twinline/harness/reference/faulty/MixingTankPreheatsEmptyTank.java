package io.twinline.harness.reference.faulty;

import io.twinline.harness.reference.MixingTankProgram;

/**
 * Bug: to shorten the batch, the heater (and the agitator, so that the heater is never on
 * unstirred) is switched on as soon as valve A starts to fill. But
 * the element is covered only from 0.3 m: for the first 37 s it heats in air, and a dry-fired
 * element reaches its over-temperature cut-out within seconds (or burns out, on a heater without
 * one). Heating an empty tank is not slow heating.
 */
public final class MixingTankPreheatsEmptyTank extends MixingTankProgram {

  @Override
  protected boolean stirring(int batchStep) {
    return batchStep == FILL_A || batchStep == FILL_B || super.stirring(batchStep);
  }

  @Override
  protected boolean heatingWanted(int batchStep, boolean atTemperature) {
    return batchStep == FILL_A || batchStep == FILL_B
        || super.heatingWanted(batchStep, atTemperature);
  }
}
