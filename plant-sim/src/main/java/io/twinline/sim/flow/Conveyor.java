package io.twinline.sim.flow;

import io.twinline.line.fault.FaultSpec;
import io.twinline.line.model.ConveyorDefinition;
import io.twinline.sim.kernel.Action;
import io.twinline.sim.kernel.EventHandle;
import io.twinline.sim.kernel.Simulation;
import io.twinline.sim.plant.FaultableComponent;
import io.twinline.sim.plant.PlantContext;
import io.twinline.sim.signal.Signal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A belt conveyor. Parts ride on it at the belt speed; the belt runs while its motor is on (or at
 * its speed reference), ramping if it has a ramp, and stands still while it is off or jammed. A
 * part that reaches the end is handed on when the next receiver takes it (it leaves once its
 * trailing edge has passed the end); otherwise it waits there. Parts queue behind a waiting part
 * and behind raised stop gates, keeping {@code minGap} (accumulating), or all stop together
 * (non-accumulating).
 *
 * <p>Schedule, don't poll: positions are brought up to date only when something happens, and the
 * conveyor keeps exactly one event on the calendar, the next moment a part reaches a mark (a
 * photo-eye, a diverter, the end, the room a feeder waits for). All moving parts move with the
 * belt until stopped, so each such moment follows exactly from the belt's motion, ramps included.
 *
 * <p>A belt driven by a {@link io.twinline.sim.actuator.Motor} component has no signal of its own:
 * its speed is its full speed times the motor's (forward only), following the motor's linear ramp
 * exactly; a gravity chute has no drive and carries parts at its speed all the time.
 */
public final class Conveyor
    implements FaultableComponent, PartReceiver, io.twinline.sim.plant.Tunable {

  /** Positions within a micrometre count as reached: floating-point dust, not physics. */
  static final double EPSILON = 1e-6;

  private final String name;
  private final Simulation simulation;
  private final long ioCycle;
  private final double length;
  private double beltSpeed;
  private final double minGap;
  private final boolean accumulating;
  private final Signal command;
  private final Signal speedSignal;
  private BeltMotion motion;
  private final ConveyorDefinition.Drive drive;
  private io.twinline.sim.actuator.Motor motor;
  private final Action markReached;
  private final Action sampleSpeed;

  /** Front (furthest along) first. */
  private final List<Carried> parts = new ArrayList<>();
  private final List<PhotoEye> eyes = new ArrayList<>();
  private final List<BeltDevice> devices = new ArrayList<>();
  private final List<Waiter> feedersWaiting = new ArrayList<>();
  private final Set<String> jams = new HashSet<>();

  private PartReceiver downstream;
  private Part incoming;
  private long updatedAt;
  private EventHandle next;
  private EventHandle speedSample;
  /** The next receiver has agreed to take the front part, which is now leaving. */
  private boolean frontLeaving;
  private boolean waitingForDownstream;

  private static final class Carried {
    final Part part;
    double lead;
    /** The lead position a device last offered it at, to offer each device once. */
    double offeredAt = Double.NaN;

    Carried(Part part, double lead) {
      this.part = part;
      this.lead = lead;
    }

    double trail() {
      return lead - part.length();
    }
  }

  private record Waiter(double trailNeeded, Runnable callback) {}

  public Conveyor(ConveyorDefinition definition, PlantContext context) {
    this.name = definition.name();
    this.simulation = context.simulation();
    this.ioCycle = context.ioCycle();
    this.length = definition.length();
    this.beltSpeed = definition.speed();
    this.minGap = definition.minGap();
    this.accumulating = definition.accumulating();
    this.drive = definition.drive();
    boolean motorDrive = drive == ConveyorDefinition.Drive.MOTOR;
    boolean reference = drive == ConveyorDefinition.Drive.SPEED_REFERENCE;
    this.command =
        motorDrive ? context.signal(name, ConveyorDefinition.MOTOR_ON)
            : reference ? context.signal(name, ConveyorDefinition.SPEED_REF) : null;
    this.speedSignal = reference ? context.signal(name, ConveyorDefinition.SPEED) : null;
    long ramp = definition.ramp().toNanos();
    this.motion =
        new BeltMotion(ramp == 0 ? Double.POSITIVE_INFINITY : beltSpeed / (ramp / 1e9));
    this.markReached = Action.named(name + ": a part reaches a mark", this::onMarkReached);
    this.sampleSpeed = Action.named(name + ": speed sample", this::onSpeedSample);
  }

  /**
   * Drives the belt by {@code driver} (a belt with {@code motor:}); its acceleration is the
   * motor's ramp scaled to the belt's full speed.
   */
  public void driveBy(io.twinline.sim.actuator.Motor driver) {
    if (drive != ConveyorDefinition.Drive.DRIVEN) {
      throw new IllegalStateException(name + " has a drive of its own");
    }
    this.motor = driver;
    double rate = driver.rampRate();
    if (Double.isNaN(rate)) {
      throw new IllegalArgumentException(driver.name() + " has no linear ramp to drive " + name);
    }
    this.motion = new BeltMotion(beltSpeed * rate / 100.0);
    driver.onCourseChange(new io.twinline.sim.actuator.FlowInput.CourseListener() {
      @Override
      public void courseChanging() {
        advance();
      }

      @Override
      public void courseChanged() {
        onCommandChanged();
      }
    });
  }

  /** Hands parts that reach the end to {@code receiver}; without one they wait at the end. */
  public void connect(PartReceiver receiver) {
    this.downstream = receiver;
  }

  /** Mounts a photo-eye; the conveyor tells it which parts cover it. */
  public void mount(PhotoEye eye) {
    checkPosition(eye.name(), eye.position());
    eyes.add(eye);
    eyes.sort(Comparator.comparingDouble(PhotoEye::position));
  }

  /** Mounts a stop gate or diverter. */
  public void mount(String deviceName, BeltDevice device) {
    checkPosition(deviceName, device.position());
    devices.add(device);
    devices.sort(Comparator.comparingDouble(BeltDevice::position));
  }

  private void checkPosition(String device, double position) {
    if (position < 0 || position > length + EPSILON) {
      throw new IllegalArgumentException(
          device + " at " + position + " m is off conveyor " + name);
    }
  }

  @Override
  public String name() {
    return name;
  }

  public double length() {
    return length;
  }

  @Override
  public void start() {
    updatedAt = simulation.now();
    if (command != null) {
      command.addListener(signal -> onCommandChanged());
    }
    onCommandChanged();
  }

  /** The belt speed right now, m/s. */
  public double speed() {
    return motion.speedAt(simulation.now());
  }

  /** Leading-edge positions of the parts on the belt, front first, as of now. */
  public List<Double> partPositions() {
    advance();
    List<Double> positions = new ArrayList<>(parts.size());
    for (Carried carried : parts) {
      positions.add(carried.lead);
    }
    return Collections.unmodifiableList(positions);
  }

  /** The parts on the belt, front first. */
  public List<Part> parts() {
    return parts.stream().map(c -> c.part).toList();
  }

  public boolean isJammed() {
    return !jams.isEmpty();
  }

  // --- PartReceiver -----------------------------------------------------------------------------

  @Override
  public boolean canReceive(Part part, double leadPosition) {
    if (incoming != null && incoming != part) {
      return false;
    }
    advance();
    return parts.isEmpty() || lastPart().trail() >= leadPosition + minGap - EPSILON;
  }

  @Override
  public void expect(Part part) {
    incoming = part;
  }

  @Override
  public void forget(Part part) {
    if (incoming == part) {
      incoming = null;
      advance();
      releaseWaitingFeeders();
      reschedule();
    }
  }

  @Override
  public void receive(Part part, double leadPosition) {
    advance();
    if (incoming == part) {
      incoming = null;
    }
    parts.add(new Carried(part, leadPosition));
    settle();
    reschedule();
  }

  @Override
  public void whenReady(Part part, double leadPosition, Runnable callback) {
    advance();
    feedersWaiting.add(new Waiter(leadPosition + minGap, callback));
    releaseWaitingFeeders();
    reschedule();
  }

  // --- taking parts off the belt ---------------------------------------------------------------

  /** The part covering {@code position} now (its leading edge past it, its tail not), or null. */
  public Part partCovering(double position) {
    advance();
    for (Carried carried : parts) {
      if (carried.lead > position + EPSILON && carried.trail() < position - EPSILON) {
        return carried.part;
      }
      if (carried.lead < position) {
        break;
      }
    }
    return null;
  }

  /** The parts whose leading edge is from {@code from} to {@code to} metres now, front first. */
  public List<Part> partsLeadingWithin(double from, double to) {
    advance();
    List<Part> within = new ArrayList<>();
    for (Carried carried : parts) {
      if (carried.lead >= from - EPSILON && carried.lead <= to + EPSILON) {
        within.add(carried.part);
      }
    }
    return within;
  }

  /** The front part if it is waiting at the end (not handed on), or null. */
  public Part partWaitingAtEnd() {
    advance();
    if (parts.isEmpty() || frontLeaving) {
      return null;
    }
    Carried front = parts.get(0);
    return front.lead >= length - EPSILON ? front.part : null;
  }

  /** Takes {@code part} off the belt (a pusher, a gripper). */
  public void remove(Part part) {
    advance();
    for (int i = 0; i < parts.size(); i++) {
      if (parts.get(i).part == part) {
        if (i == 0 && frontLeaving) {
          frontLeaving = false;
          downstream.forget(part);
        }
        parts.remove(i);
        settle();
        reschedule();
        return;
      }
    }
    throw new IllegalArgumentException("part " + part.id() + " is not on " + name);
  }

  /**
   * A mounted device is about to change state (a gate rises or falls, a diverter swings):
   * positions are brought up to now under the old state, {@code change} is applied, and parts go
   * on under the new one.
   */
  public void deviceChanges(Runnable change) {
    advance();
    change.run();
    devicesChanged();
  }

  /** A mounted device changed state (a gate rose or fell, a diverter swung). */
  public void devicesChanged() {
    advance();
    for (Carried carried : parts) {
      carried.offeredAt = Double.NaN; // a part held at a device is offered again
    }
    settle();
    reschedule();
  }

  // --- faults ---------------------------------------------------------------------------------

  @Override
  public void injectFault(FaultSpec fault) {
    advance();
    jams.add(fault.id());
    motion.setTarget(0.0, simulation.now());
    motion.stopNow(simulation.now());
    updateSpeedSignal();
    reschedule();
  }

  @Override
  public void clearFault(String id) {
    if (jams.remove(id) && jams.isEmpty()) {
      advance();
      motion.setTarget(commandedSpeed(), simulation.now());
      updateSpeedSignal();
      reschedule();
    }
  }

  // --- behaviour ----------------------------------------------------------------------------------

  /**
   * A recipe's {@code speed} (m/s at full command): a running belt ramps to it as it would to a
   * new command.
   */
  @Override
  public void tune(String parameter, Object value) {
    if (!parameter.equals("speed")) {
      throw new IllegalArgumentException(name + " takes no recipe parameter " + parameter);
    }
    advance();
    beltSpeed = (Double) value;
    if (motor != null && !Double.isInfinite(motor.rampRate())) {
      motion = motion.withAcceleration(beltSpeed * motor.rampRate() / 100.0, simulation.now());
    }
    onCommandChanged();
  }

  private double commandedSpeed() {
    if (drive == ConveyorDefinition.Drive.GRAVITY) {
      return beltSpeed;
    }
    if (drive == ConveyorDefinition.Drive.DRIVEN) {
      return motor == null ? 0.0 : beltSpeed * Math.max(0.0, motor.targetSpeed()) / 100.0;
    }
    if (speedSignal == null) {
      return command.booleanValue() ? beltSpeed : 0.0;
    }
    double percent = Math.max(0.0, Math.min(100.0, command.doubleValue()));
    return beltSpeed * percent / 100.0;
  }

  private void onCommandChanged() {
    advance();
    if (jams.isEmpty()) {
      motion.setTarget(commandedSpeed(), simulation.now());
    }
    updateSpeedSignal();
    reschedule();
  }

  private void onMarkReached() {
    next = null;
    advance();
    settle();
    reschedule();
  }

  private void onDownstreamReady() {
    waitingForDownstream = false;
    advance();
    settle();
    reschedule();
  }

  private void onSpeedSample() {
    speedSample = null;
    advance();
    updateSpeedSignal();
  }

  /** Keeps the Speed signal (speed-reference drives) right, sampled each I/O cycle in ramps. */
  private void updateSpeedSignal() {
    if (speedSignal == null) {
      return;
    }
    long now = simulation.now();
    speedSignal.set(motion.speedAt(now));
    if (speedSample != null) {
      speedSample.cancel();
      speedSample = null;
    }
    if (motion.isRamping()) {
      long nextCycle = (now / ioCycle + 1) * ioCycle;
      long sampleAt = Math.min(nextCycle, now + motion.rampNanos());
      speedSample =
          simulation.scheduleAt(sampleAt, io.twinline.sim.kernel.Priority.NORMAL, sampleSpeed);
    }
  }

  /** How far part {@code i} may go (its leading edge), given the part ahead and the devices. */
  private double limitOf(int i, double lead) {
    double limit;
    if (i == 0) {
      limit = frontLeaving ? Double.POSITIVE_INFINITY : length;
    } else {
      Carried ahead = parts.get(i - 1);
      limit = accumulating ? ahead.trail() - minGap : Double.POSITIVE_INFINITY;
    }
    return Math.min(limit, deviceLimit(lead));
  }

  /** The position of the first device ahead of {@code lead} that holds parts, or +infinity. */
  private double deviceLimit(double lead) {
    for (BeltDevice device : devices) {
      if (device.position() >= lead - EPSILON && device.holdsParts()) {
        return device.position();
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  /** Moves every part to where it is now: with the belt, but never past what holds it. */
  private void advance() {
    long now = simulation.now();
    if (now == updatedAt) {
      return;
    }
    double travel = motion.distance(now - updatedAt);
    motion.advanceTo(now);
    updatedAt = now;
    if (travel <= 0 || parts.isEmpty()) {
      return;
    }
    if (accumulating) {
      for (int i = 0; i < parts.size(); i++) {
        Carried carried = parts.get(i);
        carried.lead = Math.min(carried.lead + travel, limitOf(i, carried.lead));
      }
    } else {
      double move = Math.min(travel, fleetSlack());
      for (Carried carried : parts) {
        carried.lead += move;
      }
    }
  }

  /** Non-accumulating: how far all parts can move together before one of them is held. */
  private double fleetSlack() {
    double slack = Double.POSITIVE_INFINITY;
    for (int i = 0; i < parts.size(); i++) {
      Carried carried = parts.get(i);
      slack = Math.min(slack, limitOf(i, carried.lead) - carried.lead);
    }
    return Math.max(0.0, slack);
  }

  /** Applies everything that happens at the present position of the parts. */
  private void settle() {
    boolean changed = true;
    while (changed && !parts.isEmpty()) {
      changed = offerToDevices();
      if (parts.isEmpty()) {
        break;
      }
      Carried front = parts.get(0);
      if (!frontLeaving && front.lead >= length - EPSILON) {
        front.lead = length;
        if (downstream != null && downstream.canReceive(front.part, front.part.length())) {
          frontLeaving = true;
          downstream.expect(front.part);
        } else if (downstream != null && !waitingForDownstream) {
          waitingForDownstream = true;
          downstream.whenReady(front.part, front.part.length(), this::onDownstreamReady);
        }
      }
      if (frontLeaving && front.trail() >= length - EPSILON) {
        parts.remove(0);
        frontLeaving = false;
        downstream.receive(front.part, front.part.length());
        changed = true;
      }
    }
    updateEyes();
    releaseWaitingFeeders();
  }

  /** Offers parts whose leading edge is at a taking device; true if one was taken. */
  private boolean offerToDevices() {
    for (BeltDevice device : devices) {
      if (!device.takesParts()) {
        continue;
      }
      double p = device.position();
      for (int i = 0; i < parts.size(); i++) {
        Carried carried = parts.get(i);
        if (Math.abs(carried.lead - p) <= EPSILON && carried.offeredAt != p) {
          carried.offeredAt = p;
          carried.lead = p;
          if (device.take(carried.part)) {
            if (i == 0 && frontLeaving) {
              frontLeaving = false;
              downstream.forget(carried.part);
            }
            parts.remove(i);
            return true;
          }
        }
      }
    }
    return false;
  }

  private void updateEyes() {
    for (PhotoEye eye : eyes) {
      double p = eye.position();
      List<Part> covering = null;
      for (Carried carried : parts) {
        if (carried.lead < p - EPSILON) {
          break;
        }
        if (carried.trail() < p - EPSILON) {
          if (covering == null) {
            covering = new ArrayList<>(2);
          }
          covering.add(carried.part);
        }
      }
      eye.covered(covering == null ? List.of() : covering);
    }
  }

  private void releaseWaitingFeeders() {
    if (feedersWaiting.isEmpty() || incoming != null) {
      return;
    }
    double room = parts.isEmpty() ? Double.POSITIVE_INFINITY : lastPart().trail();
    List<Waiter> ready = new ArrayList<>();
    feedersWaiting.removeIf(
        w -> {
          if (room >= w.trailNeeded() - EPSILON) {
            ready.add(w);
            return true;
          }
          return false;
        });
    for (Waiter waiter : ready) {
      simulation.schedule(0, waiter.callback()::run);
    }
  }

  /** Puts the next moment a part reaches a mark on the calendar (or nothing if none can). */
  private void reschedule() {
    if (next != null) {
      next.cancel();
      next = null;
    }
    if (parts.isEmpty() || (motion.target() <= 0 && motion.speedAt(simulation.now()) <= 0)) {
      return;
    }
    double nearest = Double.POSITIVE_INFINITY;
    double slack = accumulating ? 0 : fleetSlack();
    double reach = 0;
    for (int i = 0; i < parts.size(); i++) {
      Carried carried = parts.get(i);
      double lead = carried.lead;
      double partLength = carried.part.length();
      if (accumulating) {
        double fromAhead;
        if (i == 0) {
          fromAhead = frontLeaving ? length + partLength : length;
        } else {
          fromAhead = reach - parts.get(i - 1).part.length() - minGap;
        }
        reach = Math.min(fromAhead, deviceLimit(lead));
      } else {
        reach = lead + slack;
      }
      if (lead >= reach - EPSILON) {
        continue;
      }
      if (i == 0 && (frontLeaving || reach >= length - EPSILON)) {
        double end = frontLeaving ? length + partLength : length;
        if (end <= reach + EPSILON) {
          nearest = Math.min(nearest, end - lead);
        }
      }
      double eyeAhead = nextEye(lead);
      if (eyeAhead <= reach + EPSILON) {
        nearest = Math.min(nearest, eyeAhead - lead);
      }
      double eyeBehindTrail = nextEye(lead - partLength);
      if (eyeBehindTrail + partLength <= reach + EPSILON) {
        nearest = Math.min(nearest, eyeBehindTrail + partLength - lead);
      }
      double taker = nextTaker(lead);
      if (taker <= reach + EPSILON) {
        nearest = Math.min(nearest, taker - lead);
      }
      if (i == parts.size() - 1) {
        for (Waiter waiter : feedersWaiting) {
          double target = waiter.trailNeeded() + partLength;
          if (target > lead + EPSILON && target <= reach + EPSILON) {
            nearest = Math.min(nearest, target - lead);
          }
        }
      }
    }
    if (nearest < Double.POSITIVE_INFINITY) {
      long delay = motion.timeToTravel(nearest);
      if (delay != Long.MAX_VALUE) {
        next = simulation.schedule(delay, markReached);
      }
    }
  }

  /** The first photo-eye position beyond {@code position}, or +infinity. */
  private double nextEye(double position) {
    for (PhotoEye eye : eyes) {
      if (eye.position() > position + EPSILON) {
        return eye.position();
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  /** The first taking device beyond {@code position}, or +infinity. */
  private double nextTaker(double position) {
    for (BeltDevice device : devices) {
      if (device.takesParts() && device.position() > position + EPSILON) {
        return device.position();
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  private Carried lastPart() {
    return parts.get(parts.size() - 1);
  }
}
