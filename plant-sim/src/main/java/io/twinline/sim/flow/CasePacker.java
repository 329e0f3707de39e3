package io.twinline.sim.flow;

import io.twinline.line.fault.FaultSpec;
import io.twinline.line.model.PackerDefinition;
import io.twinline.line.units.DurationDistribution;
import io.twinline.sim.kernel.Action;
import io.twinline.sim.kernel.EventHandle;
import io.twinline.sim.kernel.Simulation;
import io.twinline.sim.plant.FaultableComponent;
import io.twinline.sim.plant.PlantContext;
import io.twinline.sim.signal.Signal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A case packer: collects {@code count} products and one empty case, packs them on a rising
 * {@code Pack} in {@code packTime}, and sends the full case on. {@code Done} stays until the full
 * case has left, and at least {@code hold} (one I/O cycle unless stated). A fault aborts the
 * cycle (products and case stay) and shows {@code Fault} until cleared.
 */
public final class CasePacker implements FaultableComponent, PartReceiver {

  private final String name;
  private final Simulation simulation;
  private final int count;
  private final String caseType;
  private final DurationDistribution packTime;
  private final long hold;
  private final SplittableRandom random;
  private final Signal pack;
  private final Signal collected;
  private final Signal groupReady;
  private final Signal casePresent;
  private final Signal busy;
  private final Signal done;
  private final Signal fault;
  private final Signal packed;
  private final Action finish;
  private final Action holdOver;
  private final List<Part> group = new ArrayList<>();
  private final Set<String> faults = new HashSet<>();
  private final List<Runnable> waitingForRoom = new ArrayList<>();
  private PartReceiver downstream;
  private Part emptyCase;
  private Part fullCase;
  private Part expectedCase;
  private int expectedProducts;
  private EventHandle cycle;
  private EventHandle holding;
  private boolean waitingForDownstream;

  public CasePacker(PackerDefinition definition, PlantContext context) {
    this.name = definition.name();
    this.simulation = context.simulation();
    this.count = definition.count();
    this.caseType = definition.caseType();
    this.packTime = definition.packTime();
    this.hold = definition.hold().map(java.time.Duration::toNanos).orElse(context.ioCycle());
    this.random = context.random("packer:" + name);
    this.pack = context.signal(name, PackerDefinition.PACK);
    this.collected = context.signal(name, PackerDefinition.COUNT);
    this.groupReady = context.signal(name, PackerDefinition.GROUP_READY);
    this.casePresent = context.signal(name, PackerDefinition.CASE_PRESENT);
    this.busy = context.signal(name, PackerDefinition.BUSY);
    this.done = context.signal(name, PackerDefinition.DONE);
    this.fault = context.signal(name, PackerDefinition.FAULT);
    this.packed = context.signal(name, PackerDefinition.PACKED);
    this.finish = Action.named(name + ": case packed", this::onPacked);
    this.holdOver = Action.named(name + ": Done held long enough", this::onHoldOver);
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
    pack.addListener(s -> {
      if (pack.booleanValue()) {
        onPack();
      }
    });
  }

  /** The products collected for the next case. */
  public List<Part> group() {
    return List.copyOf(group);
  }

  private boolean isCase(Part part) {
    return part.type().equals(caseType);
  }

  /** Nothing comes in while a cycle runs or a full case waits to leave. */
  private boolean open() {
    return cycle == null && fullCase == null;
  }

  @Override
  public boolean canReceive(Part part, double leadPosition) {
    if (!open()) {
      return false;
    }
    if (isCase(part)) {
      return emptyCase == null && (expectedCase == null || expectedCase == part);
    }
    return group.size() + expectedProducts < count;
  }

  @Override
  public void expect(Part part) {
    if (isCase(part)) {
      expectedCase = part;
    } else {
      expectedProducts++;
    }
  }

  @Override
  public void forget(Part part) {
    if (expectedCase == part) {
      expectedCase = null;
    } else if (!isCase(part) && expectedProducts > 0) {
      expectedProducts--;
    }
  }

  @Override
  public void receive(Part part, double leadPosition) {
    if (isCase(part)) {
      if (expectedCase == part) {
        expectedCase = null;
      }
      emptyCase = part;
      casePresent.set(true);
      return;
    }
    // A product announced by expect() or put down at once (a pusher, a station).
    if (expectedProducts > 0) {
      expectedProducts--;
    }
    group.add(part);
    collected.set(group.size());
    groupReady.set(group.size() >= count);
  }

  @Override
  public void whenReady(Part part, double leadPosition, Runnable callback) {
    waitingForRoom.add(callback);
  }

  private void onPack() {
    if (!open() || emptyCase == null || group.size() < count || !faults.isEmpty()) {
      return;
    }
    busy.set(true);
    cycle = simulation.schedule(packTime.sample(random), finish);
  }

  private void onPacked() {
    cycle = null;
    Map<String, String> attributes = new LinkedHashMap<>(emptyCase.attributes());
    attributes.put(PackerDefinition.CONTENTS, Integer.toString(group.size()));
    attributes.put(Part.DEFECTIVE, Boolean.toString(group.stream().anyMatch(p -> p.is(Part.DEFECTIVE))));
    fullCase = new Part(emptyCase.id(), emptyCase.type(), emptyCase.length(),
        emptyCase.releasedAt(), attributes);
    emptyCase = null;
    group.clear();
    busy.set(false);
    casePresent.set(false);
    collected.set(0);
    groupReady.set(false);
    done.set(true);
    packed.set(packed.intValue() + 1);
    holding = simulation.schedule(hold, holdOver);
    release();
  }

  private void release() {
    if (fullCase == null || !faults.isEmpty()) {
      return;
    }
    if (downstream.canReceive(fullCase, fullCase.length())) {
      Part leaving = fullCase;
      fullCase = null;
      downstream.receive(leaving, leaving.length());
      if (holding == null) {
        done.set(false);
      }
      List<Runnable> ready = new ArrayList<>(waitingForRoom);
      waitingForRoom.clear();
      ready.forEach(callback -> simulation.schedule(0, callback::run));
    } else if (!waitingForDownstream) {
      waitingForDownstream = true;
      downstream.whenReady(fullCase, fullCase.length(), () -> {
        waitingForDownstream = false;
        release();
      });
    }
  }

  private void onHoldOver() {
    holding = null;
    if (fullCase == null) {
      done.set(false);
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
      release();
    }
  }
}
