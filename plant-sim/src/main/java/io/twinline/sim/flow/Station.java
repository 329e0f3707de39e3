package io.twinline.sim.flow;

import io.twinline.line.fault.FaultSpec;
import io.twinline.line.model.StationDefinition;
import io.twinline.line.units.DurationDistribution;
import io.twinline.sim.kernel.Action;
import io.twinline.sim.kernel.EventHandle;
import io.twinline.sim.kernel.Simulation;
import io.twinline.sim.plant.FaultableComponent;
import io.twinline.sim.plant.PlantContext;
import io.twinline.sim.signal.Signal;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A machine working on one part at a time. A part arrives: {@code PartPresent}. A rising {@code
 * Start} begins a cycle: {@code Busy} for the process time, then {@code Done}. The part leaves by
 * itself, or on a rising {@code Release}. A fault aborts the cycle and shows {@code Fault} until
 * cleared; the part stays. A filling station's cycle adds the time of its fill, volume over rate
 * ({@code FillVolume} shows the volume, which a recipe can change).
 *
 * <p>Results ({@code Done}, {@code Reject}, {@code PartType}) stay until the part has left, and at
 * least {@code hold} (one I/O cycle unless stated) after they came: a PLC scanning every I/O cycle
 * sees them even when the part leaves by itself at once.
 */
public final class Station
    implements FaultableComponent, PartReceiver, io.twinline.sim.plant.Tunable {

  private final String name;
  private final Simulation simulation;
  private DurationDistribution processTime;
  private final boolean releasedByPlc;
  private final Optional<String> inspect;
  private final SplittableRandom random;
  private final Signal start;
  private final Signal release;
  private final Signal partPresent;
  private final Signal busy;
  private final Signal done;
  private final Signal fault;
  private final Signal cycles;
  private final Signal reject;
  private final Signal partType;
  private final Optional<StationDefinition.Fill> fill;
  private final Signal fillVolumeSignal;
  private double fillVolume;
  private final Action finish;
  private final Action holdOver;
  private final long hold;
  /** The cycle on the present part is finished (Done may still show after it left). */
  private boolean finished;
  private EventHandle holding;
  private final Set<String> faults = new HashSet<>();
  private PartReceiver downstream;
  private Part part;
  private Part expected;
  private EventHandle cycle;
  private Runnable waiterForRoom;
  private boolean waitingForDownstream;

  public Station(StationDefinition definition, PlantContext context) {
    this.name = definition.name();
    this.simulation = context.simulation();
    this.processTime = definition.processTime();
    this.releasedByPlc = definition.releasedByPlc();
    this.inspect = definition.inspect();
    this.random = context.random("station:" + name);
    this.start = context.signal(name, StationDefinition.START);
    this.release = releasedByPlc ? context.signal(name, StationDefinition.RELEASE) : null;
    this.partPresent = context.signal(name, StationDefinition.PART_PRESENT);
    this.busy = context.signal(name, StationDefinition.BUSY);
    this.done = context.signal(name, StationDefinition.DONE);
    this.fault = context.signal(name, StationDefinition.FAULT);
    this.cycles = context.signal(name, StationDefinition.CYCLES);
    this.reject = inspect.isPresent() ? context.signal(name, StationDefinition.REJECT) : null;
    this.partType =
        definition.identify() ? context.signal(name, StationDefinition.PART_TYPE) : null;
    this.fill = definition.fill();
    this.fillVolume = fill.map(StationDefinition.Fill::volume).orElse(0.0);
    this.fillVolumeSignal =
        fill.isPresent() ? context.signal(name, StationDefinition.FILL_VOLUME) : null;
    this.finish = Action.named(name + ": cycle done", this::onCycleDone);
    this.holdOver = Action.named(name + ": results held long enough", this::onHoldOver);
    this.hold = definition.hold().map(java.time.Duration::toNanos).orElse(context.ioCycle());
  }

  public void connect(PartReceiver receiver) {
    this.downstream = receiver;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void start() {
    if (fillVolumeSignal != null) {
      fillVolumeSignal.set(millilitres(fillVolume));
    }
    start.addListener(s -> {
      if (start.booleanValue()) {
        onStart();
      }
    });
    if (release != null) {
      release.addListener(s -> {
        if (release.booleanValue()) {
          tryRelease();
        }
      });
    }
  }

  /** The part in the station, or null. */
  public Part part() {
    return part;
  }

  @Override
  public boolean canReceive(Part candidate, double leadPosition) {
    return part == null && (expected == null || expected == candidate);
  }

  @Override
  public void expect(Part candidate) {
    expected = candidate;
  }

  @Override
  public void forget(Part candidate) {
    if (expected == candidate) {
      expected = null;
    }
  }

  @Override
  public void receive(Part arriving, double leadPosition) {
    expected = null;
    part = arriving;
    partPresent.set(true);
  }

  @Override
  public void whenReady(Part candidate, double leadPosition, Runnable callback) {
    waiterForRoom = callback;
  }

  /**
   * A recipe's {@code processTime} or {@code fillVolume} (m³): from the next cycle on (a cycle
   * under way keeps its time).
   */
  @Override
  public void tune(String parameter, Object value) {
    if (parameter.equals("processTime")) {
      processTime = (DurationDistribution) value;
    } else if (parameter.equals(StationDefinition.FILL_VOLUME_PARAMETER) && fill.isPresent()) {
      fillVolume = (Double) value;
      fillVolumeSignal.set(millilitres(fillVolume));
    } else {
      throw new IllegalArgumentException(name + " takes no recipe parameter " + parameter);
    }
  }

  /** m³ as ml, rounded to a thousandth of a millilitre (no 329.99999999 ml from the units). */
  private static double millilitres(double cubicMetres) {
    return Math.round(cubicMetres * 1e9) / 1e3;
  }

  private void onStart() {
    if (part == null || cycle != null || finished || !faults.isEmpty()) {
      return;
    }
    busy.set(true);
    long fillTime = fill.map(f -> f.nanos(fillVolume)).orElse(0L);
    cycle = simulation.schedule(processTime.sample(random) + fillTime, finish);
  }

  private void onCycleDone() {
    cycle = null;
    busy.set(false);
    if (reject != null) {
      reject.set(part.is(inspect.get()));
    }
    if (partType != null) {
      partType.set(part.type());
    }
    done.set(true);
    finished = true;
    if (holding != null) {
      holding.cancel();
      holding = null;
    }
    if (hold > 0) {
      holding = simulation.schedule(hold, holdOver);
    }
    cycles.set(cycles.intValue() + 1);
    if (!releasedByPlc) {
      tryRelease();
    }
  }

  private void tryRelease() {
    if (part == null || !finished || !faults.isEmpty()) {
      return;
    }
    if (downstream == null) {
      leave();
    } else if (downstream.canReceive(part, part.length())) {
      Part leaving = part;
      leave();
      downstream.receive(leaving, leaving.length());
    } else if (!waitingForDownstream) {
      waitingForDownstream = true;
      downstream.whenReady(part, part.length(), () -> {
        waitingForDownstream = false;
        if (!releasedByPlc || release.booleanValue()) {
          tryRelease();
        }
      });
    }
  }

  private void leave() {
    part = null;
    partPresent.set(false);
    finished = false;
    if (holding == null) {
      clearResults();
    }
    if (waiterForRoom != null) {
      Runnable callback = waiterForRoom;
      waiterForRoom = null;
      simulation.schedule(0, callback::run);
    }
  }

  private void onHoldOver() {
    holding = null;
    if (!finished) {
      clearResults();
    }
  }

  private void clearResults() {
    done.set(false);
    if (reject != null) {
      reject.set(false);
    }
    if (partType != null) {
      partType.set("");
    }
  }

  @Override
  public void injectFault(FaultSpec spec) {
    faults.add(spec.id());
    fault.set(true);
    if (cycle != null) {
      cycle.cancel();
      cycle = null;
      busy.set(false);
    }
  }

  @Override
  public void clearFault(String id) {
    if (faults.remove(id) && faults.isEmpty()) {
      fault.set(false);
      if (!releasedByPlc) {
        tryRelease();
      }
    }
  }
}
