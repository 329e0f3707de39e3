package io.twinline.sim.actuator;

import io.twinline.line.fault.FaultSpec;
import io.twinline.line.model.MotorDefinition;
import io.twinline.sim.kernel.Action;
import io.twinline.sim.kernel.EventHandle;
import io.twinline.sim.kernel.Simulation;
import io.twinline.sim.plant.FaultableComponent;
import io.twinline.sim.plant.PlantContext;
import io.twinline.sim.process.ContinuousModel;
import io.twinline.sim.process.Threshold;
import io.twinline.sim.signal.Signal;
import io.twinline.sim.time.SimTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An electric motor. Its speed (percent, negative in reverse) heads for the commanded one along a
 * linear ramp, or with {@code inertia} as a first-order lag integrated as a continuous model.
 * {@code Running} switches at the exact time the speed crosses the running threshold. An overload
 * trip opens the contactor: the motor runs down and shows {@code Overload} until the fault is
 * cleared.
 */
public final class Motor implements FaultableComponent, FlowInput {

  private final String name;
  private final Simulation simulation;
  private final long ioCycle;
  private final MotorDefinition.Kind kind;
  private final double threshold;
  private final Signal run;
  private final Signal forward;
  private final Signal reverse;
  private final Signal speedRef;
  private final Signal running;
  private final Signal speedSignal;
  private final Signal overload;
  private final Set<String> trips = new HashSet<>();
  private final List<CourseListener> courseListeners = new ArrayList<>();
  private final SpeedCourse course;

  public Motor(MotorDefinition definition, PlantContext context) {
    this.name = definition.name();
    this.simulation = context.simulation();
    this.ioCycle = context.ioCycle();
    this.kind = definition.kind();
    this.threshold = definition.runningThreshold();
    boolean reversing = kind == MotorDefinition.Kind.REVERSING;
    this.run = reversing ? null : context.signal(name, MotorDefinition.RUN);
    this.forward = reversing ? context.signal(name, MotorDefinition.FORWARD) : null;
    this.reverse = reversing ? context.signal(name, MotorDefinition.REVERSE) : null;
    this.speedRef =
        kind == MotorDefinition.Kind.VFD ? context.signal(name, MotorDefinition.SPEED_REF) : null;
    this.running = context.signal(name, MotorDefinition.RUNNING);
    this.speedSignal = context.signal(name, MotorDefinition.SPEED);
    this.overload = context.signal(name, MotorDefinition.OVERLOAD);
    this.course =
        definition.inertia().isPresent()
            ? new Lag(definition.inertia().get().toNanos())
            : new Ramp(definition.ramp().toNanos());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void start() {
    for (Signal command : new Signal[] {run, forward, reverse, speedRef}) {
      if (command != null) {
        command.addListener(s -> commandChanged());
      }
    }
    course.begin();
  }

  /** The speed now, percent (negative in reverse). */
  public double speed() {
    return course.speedAt(simulation.now());
  }

  @Override
  public double fractionAt(long time) {
    return Math.max(0.0, course.speedAt(time)) / 100.0;
  }

  @Override
  public boolean isChanging() {
    return course.isChanging();
  }

  @Override
  public void onCourseChange(CourseListener listener) {
    courseListeners.add(listener);
  }

  /**
   * The speed the motor is heading for, percent (negative in reverse; 0 when tripped): what a
   * belt it drives heads for too.
   */
  public double targetSpeed() {
    return commanded();
  }

  /** The ramp rate of a linearly ramping motor, percent per second (+infinity: no ramp). */
  public double rampRate() {
    return course instanceof Ramp ramp ? ramp.rate : Double.NaN;
  }

  /** The speed the contactors and the reference ask for, percent. */
  double commanded() {
    if (!trips.isEmpty()) {
      return 0.0;
    }
    return switch (kind) {
      case DIRECT -> run.booleanValue() ? 100.0 : 0.0;
      case REVERSING -> {
        boolean fwd = forward.booleanValue();
        boolean rev = reverse.booleanValue();
        yield fwd == rev ? 0.0 : (fwd ? 100.0 : -100.0);
      }
      case VFD -> run.booleanValue() ? Math.max(0.0, Math.min(100.0, speedRef.doubleValue())) : 0;
    };
  }

  private void commandChanged() {
    courseListeners.forEach(CourseListener::courseChanging);
    course.retarget(commanded());
    courseListeners.forEach(CourseListener::courseChanged);
  }

  @Override
  public void injectFault(FaultSpec fault) {
    trips.add(fault.id());
    overload.set(true);
    commandChanged();
  }

  @Override
  public void clearFault(String id) {
    if (trips.remove(id) && trips.isEmpty()) {
      overload.set(false);
      commandChanged();
    }
  }

  private boolean isRunning(double speed) {
    return Math.abs(speed) > threshold;
  }

  /** How the speed follows the command. */
  private interface SpeedCourse {
    void begin();

    void retarget(double target);

    double speedAt(long time);

    boolean isChanging();
  }

  /** A linear ramp, solved exactly: the crossing of the running threshold is computed. */
  private final class Ramp implements SpeedCourse {
    private final double rate;
    private final Action onRampEnd = Action.named(name + ": ramp end", this::rampEnd);
    private final Action onCrossing = Action.named(name + ": running threshold", this::crossing);
    private final Action onSample = Action.named(name + ": speed sample", this::sample);
    private double speed;
    private double target;
    private long at;
    private EventHandle rampEnd;
    private final List<EventHandle> crossings = new ArrayList<>();
    private EventHandle sample;

    Ramp(long rampNanos) {
      this.rate = rampNanos == 0 ? Double.POSITIVE_INFINITY : 100.0 / (rampNanos / 1e9);
    }

    @Override
    public void begin() {
      at = simulation.now();
      retarget(commanded());
    }

    @Override
    public double speedAt(long time) {
      if (speed == target || time <= at) {
        return speed;
      }
      double moved = rate * SimTime.toSeconds(time - at);
      return target > speed ? Math.min(target, speed + moved) : Math.max(target, speed - moved);
    }

    @Override
    public boolean isChanging() {
      return speed != target && speedAt(simulation.now()) != target;
    }

    @Override
    public void retarget(double newTarget) {
      long now = simulation.now();
      speed = speedAt(now);
      at = now;
      target = newTarget;
      if (Double.isInfinite(rate)) {
        speed = target;
      }
      cancel();
      publish();
      if (speed != target) {
        rampEnd = simulation.schedule(timeTo(target), onRampEnd);
        for (double level : new double[] {threshold, -threshold}) {
          boolean between = (speed - level) * (target - level) < 0;
          if (between) {
            crossings.add(simulation.schedule(timeTo(level), onCrossing));
          }
        }
        sample = nextSample();
      }
    }

    private EventHandle nextSample() {
      long next = (simulation.now() / ioCycle + 1) * ioCycle;
      return simulation.scheduleAt(next, io.twinline.sim.kernel.Priority.NORMAL, onSample);
    }

    private long timeTo(double level) {
      return SimTime.fromSeconds(Math.abs(level - speed) / rate);
    }

    private void rampEnd() {
      rampEnd = null;
      courseListeners.forEach(CourseListener::courseChanging);
      speed = target;
      at = simulation.now();
      if (sample != null) {
        sample.cancel();
        sample = null;
      }
      publish();
      courseListeners.forEach(CourseListener::courseChanged);
    }

    private void crossing() {
      // Exactly at the threshold: where the speed is heading decides.
      double now = speedAt(simulation.now());
      running.set(isRunning(now + Math.signum(target - now) * 1e-9));
      speedSignal.set(now);
    }

    private void sample() {
      sample = null;
      speedSignal.set(speedAt(simulation.now()));
      if (isChanging()) {
        sample = nextSample();
      }
    }

    private void publish() {
      double now = speedAt(simulation.now());
      speedSignal.set(now);
      running.set(isRunning(now));
    }

    private void cancel() {
      for (EventHandle handle : new EventHandle[] {rampEnd, sample}) {
        if (handle != null) {
          handle.cancel();
        }
      }
      crossings.forEach(EventHandle::cancel);
      crossings.clear();
      rampEnd = null;
      sample = null;
    }
  }

  /**
   * A first-order lag {@code ds/dt = (target - s) / tau}: the motor and its load as inertia. The
   * running feedback is a threshold found by Hipparchus event detection.
   */
  private final class Lag extends ContinuousModel implements SpeedCourse {
    private final double tau;
    private double target;
    private long since;
    private double speedSince;

    private final Threshold forwardRunning;
    private final Threshold reverseRunning;

    Lag(long tauNanos) {
      super(simulation, name, 1, ioCycle, Math.max(1e-4, tauNanos / 1e9 / 20.0));
      this.tau = tauNanos / 1e9;
      forwardRunning = Threshold.at(name + " running forward", 0, threshold, true, on -> feedback());
      reverseRunning =
          Threshold.at(name + " running reverse", 0, -threshold, false, on -> feedback());
      addThreshold(forwardRunning);
      addThreshold(reverseRunning);
    }

    private void feedback() {
      // The thresholds know which side they are on, even exactly at the crossing.
      running.set(
          (forwardRunning != null && forwardRunning.isOn())
              || (reverseRunning != null && reverseRunning.isOn()));
    }

    @Override
    public void begin() {
      target = commanded();
      state()[0] = 0.0;
      since = simulation.now();
      startModel();
    }


    @Override
    public void retarget(double newTarget) {
      advance();
      speedSince = state()[0];
      since = simulation.now();
      target = newTarget;
      inputsChanged();
    }

    @Override
    public double speedAt(long time) {
      double t = SimTime.toSeconds(time - since);
      return target + (speedSince - target) * Math.exp(-t / tau);
    }

    @Override
    public boolean isChanging() {
      return Math.abs(speedAt(simulation.now()) - target) > 1e-6;
    }

    @Override
    protected void derivatives(long time, double[] state, double[] rates) {
      rates[0] = (target - state[0]) / tau;
    }

    @Override
    protected void publish(double[] state) {
      speedSignal.set(state[0]);
    }

    @Override
    protected boolean isMoving(long time, double[] state) {
      return Math.abs(target - state[0]) > 1e-6;
    }
  }
}
