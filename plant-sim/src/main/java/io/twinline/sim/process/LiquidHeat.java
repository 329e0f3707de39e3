package io.twinline.sim.process;

import io.twinline.line.model.HeaterDefinition;
import io.twinline.line.model.TankDefinition;

/**
 * The heat balance of a tank's liquid with an immersion heater in it: three state variables
 * beside the level, in °C.
 *
 * <pre>
 *   (m(h) c + C_vessel) dT/dt = w G (Te - T) - k (T - ambient) + sum(rho q_in c (T_in - T))
 *   C_e dTe/dt                = P u - w G (Te - T) - (1 - w) G_air (Te - ambient)
 *   dTp/dt                    = (T - Tp) / lag(a)
 * </pre>
 *
 * with m(h) the liquid's mass at level h, w the share of the element that is covered, G its
 * heat transfer to the liquid, {@code P / filmDifference} times (0.3 + 0.7 a) for agitator speed
 * a, G_air to the air around it, {@code P / 800 K}, and Tp what the probe of the transmitter
 * reads, later while the tank is not stirred. Below a 1 cm layer the liquid's capacity is taken
 * as that layer's, so an empty tank stays finite.
 */
final class LiquidHeat {

  static final int LIQUID = 1;
  static final int ELEMENT = 2;
  static final int PROBE = 3;

  /** The liquid's capacity never goes below that of this much level, m. */
  private static final double HEEL = 0.01;

  private final double power;
  private final double vesselCapacity;
  private final double loss;
  private final double ambient;
  private final double elementCapacity;
  private final double wetTransfer;
  private final double dryTransfer;
  private final double elementLevel;
  private final double coverBand;
  private final double lag;
  private final double unstirredLag;
  private final double capacityPerMetre;
  private final double inflowCapacity;

  LiquidHeat(HeaterDefinition heater, TankDefinition tank) {
    HeaterDefinition.Immersion immersion = heater.immersion().orElseThrow();
    this.power = heater.power();
    this.vesselCapacity = heater.heatCapacity();
    this.loss = heater.lossCoefficient();
    this.ambient = heater.ambient();
    this.elementCapacity = immersion.elementCapacity();
    this.wetTransfer = heater.power() / immersion.filmDifference();
    this.dryTransfer = heater.power() / HeaterDefinition.Immersion.DRY_DIFFERENCE;
    this.elementLevel = immersion.elementLevel();
    this.coverBand = Math.min(HeaterDefinition.Immersion.COVER_BAND, immersion.elementLevel());
    this.lag = immersion.lag();
    this.unstirredLag = immersion.unstirredLag();
    this.capacityPerMetre = tank.density() * tank.area() * tank.specificHeat();
    this.inflowCapacity = tank.density() * tank.specificHeat();
  }

  /** The fastest time constant of the heat balance, seconds (for the step size). */
  double fastestTimeConstant() {
    double element = elementCapacity / wetTransfer;
    double liquid = (capacityPerMetre * HEEL + vesselCapacity) / (wetTransfer + loss);
    return Math.min(Math.min(element, liquid), lag);
  }

  double ambient() {
    return ambient;
  }

  /** The liquid's heat capacity at level {@code level}, J/K (the heel's at least). */
  double capacityAt(double level) {
    return capacityPerMetre * Math.max(level, HEEL) + vesselCapacity;
  }

  /** How much of the element is covered at {@code level}, 0..1. */
  double covered(double level) {
    if (coverBand <= 0) {
      return level > 0 ? 1.0 : 0.0;
    }
    return Math.max(0.0, Math.min(1.0, (level - elementLevel + coverBand) / coverBand));
  }

  /**
   * The rates of the three temperatures.
   *
   * @param heating the power fraction in force, 0..1 (0 while the cut-out is open)
   * @param agitation the agitator's speed fraction, 0..1 (1 without an agitator: well mixed)
   * @param inflow the inflow, m³/s
   * @param inflowHeat the inflow's sum of q_in T_in, m³/s·°C
   */
  void derivatives(double[] state, double[] rates, double heating, double agitation,
      double inflow, double inflowHeat) {
    double level = state[0];
    double liquid = state[LIQUID];
    double element = state[ELEMENT];
    double wet = covered(level);
    double toLiquid = wet * wetTransfer * (HeaterDefinition.Immersion.UNSTIRRED_TRANSFER
        + (1 - HeaterDefinition.Immersion.UNSTIRRED_TRANSFER) * agitation) * (element - liquid);
    double toAir = (1 - wet) * dryTransfer * (element - ambient);
    double mixing = inflowCapacity * (inflowHeat - inflow * liquid);
    rates[LIQUID] = (toLiquid - loss * (liquid - ambient) + mixing) / capacityAt(level);
    rates[ELEMENT] = (power * heating - toLiquid - toAir) / elementCapacity;
    double probeLag = 1.0 / (agitation / lag + (1 - agitation) / unstirredLag);
    rates[PROBE] = (liquid - state[PROBE]) / probeLag;
  }
}
