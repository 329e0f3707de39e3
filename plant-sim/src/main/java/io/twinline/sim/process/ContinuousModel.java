package io.twinline.sim.process;

import io.twinline.sim.kernel.Action;
import io.twinline.sim.kernel.EventHandle;
import io.twinline.sim.kernel.Simulation;
import io.twinline.sim.time.SimTime;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.events.EventSlopeFilter;
import org.hipparchus.ode.events.FilterType;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;

/**
 * A continuous (hybrid) part of the plant: a state vector that follows an ODE between discrete
 * events, whose inputs (valve openings, pump speeds, heater power) are known functions of time
 * until the next discrete event changes them.
 *
 * <p>When something happens (a crossing, or {@link #inputsChanged()}), the model asks Hipparchus
 * to integrate forward with one event detector per {@link Threshold}, each with a slope filter for
 * the one crossing that would switch it; the first crossing found is scheduled as a discrete event
 * at its exact time. No threshold is polled. Between events the state is advanced with a
 * fixed-step fourth-order Runge-Kutta on plain arrays (cheap, and exact for the piecewise-linear
 * inputs of tanks), and analog outputs are sampled once per I/O cycle for the PLC.
 *
 * <p>Simulation thread only.
 */
public abstract class ContinuousModel {

  /** How far ahead a prediction looks before it looks again, seconds. */
  static final double HORIZON = 3600.0;

  private final Simulation simulation;
  private final String name;
  private final long sampleInterval;
  private final double maxStep;
  private final double[] y;
  private final double[] k1;
  private final double[] k2;
  private final double[] k3;
  private final double[] k4;
  private final double[] stage;
  private final List<Threshold> thresholds = new ArrayList<>();
  private final Action crossingAction;
  private final Action sampleAction;
  private long updatedAt;
  private EventHandle crossing;
  private EventHandle sample;
  private Threshold predicted;
  private long predictions;

  /**
   * @param dimension number of state variables
   * @param sampleInterval how often analog outputs are refreshed while the state moves, ns
   * @param maxStep the largest Runge-Kutta step, seconds (a fraction of the fastest time
   *     constant)
   */
  protected ContinuousModel(
      Simulation simulation, String name, int dimension, long sampleInterval, double maxStep) {
    this.simulation = simulation;
    this.name = name;
    this.sampleInterval = sampleInterval;
    this.maxStep = maxStep;
    this.y = new double[dimension];
    this.k1 = new double[dimension];
    this.k2 = new double[dimension];
    this.k3 = new double[dimension];
    this.k4 = new double[dimension];
    this.stage = new double[dimension];
    this.crossingAction = Action.named(name + ": threshold crossed", this::onCrossing);
    this.sampleAction = Action.named(name + ": sample", this::onSample);
  }

  // --- what a model says about itself ----------------------------------------------------------

  /**
   * The derivatives of the state at simulated time {@code time} (ns), for the inputs as they are
   * known now. Must not keep references to the arrays.
   */
  protected abstract void derivatives(long time, double[] state, double[] rates);

  /** Keeps the state physical after a step (a level between empty and full). */
  protected void constrain(double[] state) {}

  /** Writes the analog outputs from the state (called at samples and events). */
  protected abstract void publish(double[] state);

  /** Whether the state can change without a discrete event (false: stop sampling). */
  protected abstract boolean isMoving(long time, double[] state);

  // --- for subclasses -------------------------------------------------------------------------

  protected final Simulation simulation() {
    return simulation;
  }

  /** The state as of the last update; call {@link #advance()} first for the present. */
  protected final double[] state() {
    return y;
  }

  protected final void addThreshold(Threshold threshold) {
    thresholds.add(threshold);
  }

  /** Brings the state to the present: fixed-step RK4 from the last update. */
  protected final void advance() {
    long now = simulation.now();
    long from = updatedAt;
    if (now <= from) {
      updatedAt = now;
      return;
    }
    double total = SimTime.toSeconds(now - from);
    int steps = Math.max(1, (int) Math.ceil(total / maxStep));
    double h = total / steps;
    for (int s = 0; s < steps; s++) {
      long t = from + SimTime.fromSeconds(s * h);
      long tHalf = from + SimTime.fromSeconds((s + 0.5) * h);
      long tEnd = from + SimTime.fromSeconds((s + 1) * h);
      rk4Step(t, tHalf, tEnd, h);
    }
    updatedAt = now;
  }

  private void rk4Step(long t, long tHalf, long tEnd, double h) {
    int n = y.length;
    derivatives(t, y, k1);
    for (int i = 0; i < n; i++) {
      stage[i] = y[i] + 0.5 * h * k1[i];
    }
    derivatives(tHalf, stage, k2);
    for (int i = 0; i < n; i++) {
      stage[i] = y[i] + 0.5 * h * k2[i];
    }
    derivatives(tHalf, stage, k3);
    for (int i = 0; i < n; i++) {
      stage[i] = y[i] + h * k3[i];
    }
    derivatives(tEnd, stage, k4);
    for (int i = 0; i < n; i++) {
      y[i] += h / 6.0 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    }
    constrain(y);
  }

  /** Starts the model at the present time with the state already set. */
  protected final void startModel() {
    updatedAt = simulation.now();
    for (Threshold threshold : thresholds) {
      threshold.initialise(y[threshold.index()]);
    }
    publish(y);
    predict();
    scheduleSample();
  }

  /** An input is about to change: integrate up to now under the old inputs. */
  public final void inputsChanging() {
    advance();
  }

  /**
   * An input changed (a valve started to move, a pump started, the power was set): bring the
   * state up to date, then look ahead under the new inputs. Call {@link #inputsChanging()} first
   * if the old inputs cannot be evaluated any more for the time since the last update.
   */
  public final void inputsChanged() {
    advance();
    publish(y);
    predict();
    scheduleSample();
  }

  /** How many times the model looked ahead with Hipparchus (for benchmarks and tests). */
  public final long predictions() {
    return predictions;
  }

  // --- prediction -------------------------------------------------------------------------------

  private void predict() {
    if (crossing != null) {
      crossing.cancel();
      crossing = null;
    }
    predicted = null;
    if (thresholds.isEmpty() || !isMoving(simulation.now(), y)) {
      return;
    }
    predictions++;
    long start = simulation.now();
    OrdinaryDifferentialEquation ode = new Equations(start);
    DormandPrince54Integrator integrator =
        new DormandPrince54Integrator(1e-9, Math.max(maxStep, 1.0), 1e-10, 1e-10);
    ThresholdDetector.Found found = new ThresholdDetector.Found();
    for (Threshold threshold : thresholds) {
      ThresholdDetector detector =
          new ThresholdDetector(threshold, found, Math.max(maxStep, 0.5));
      integrator.addEventDetector(
          new EventSlopeFilter<>(
              detector,
              threshold.nextCrossingRises()
                  ? FilterType.TRIGGER_ONLY_INCREASING_EVENTS
                  : FilterType.TRIGGER_ONLY_DECREASING_EVENTS));
    }
    ODEStateAndDerivative end = integrator.integrate(ode, new ODEState(0.0, y.clone()), HORIZON);
    if (found.threshold != null) {
      predicted = found.threshold;
      crossing = simulation.schedule(SimTime.fromSeconds(end.getTime()), crossingAction);
    } else {
      // Nothing within the horizon: look again from there.
      crossing = simulation.schedule(SimTime.fromSeconds(HORIZON), crossingAction);
    }
  }

  private void onCrossing() {
    crossing = null;
    Threshold which = predicted;
    advance();
    if (which != null) {
      // The crossing is at this instant by Hipparchus' root finding; a last rounding of the
      // RK4 state must not hide it.
      y[which.index()] = which.nextLevel();
      constrain(y);
      which.toggle();
    }
    publish(y);
    predict();
    scheduleSample();
  }

  private void onSample() {
    sample = null;
    advance();
    publish(y);
    scheduleSample();
  }

  private void scheduleSample() {
    if (sample != null) {
      sample.cancel();
      sample = null;
    }
    long now = simulation.now();
    if (isMoving(now, y)) {
      // On the I/O cycle's grid, so that every exchange publishes a fresh value.
      long next = (now / sampleInterval + 1) * sampleInterval;
      sample = simulation.scheduleAt(next, io.twinline.sim.kernel.Priority.NORMAL, sampleAction);
    }
  }

  /** The model's ODE for Hipparchus, in seconds since {@code origin}. */
  private final class Equations implements OrdinaryDifferentialEquation {
    private final long origin;

    Equations(long origin) {
      this.origin = origin;
    }

    @Override
    public int getDimension() {
      return y.length;
    }

    @Override
    public double[] computeDerivatives(double t, double[] state) {
      double[] rates = new double[state.length];
      derivatives(origin + SimTime.fromSeconds(t), state, rates);
      return rates;
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
