package io.twinline.sim.fault;

import io.twinline.line.SignalDefinition;
import io.twinline.line.fault.FaultChecks;
import io.twinline.line.fault.FaultKind;
import io.twinline.line.fault.FaultSpec;
import io.twinline.line.model.ComponentDefinition;
import io.twinline.sim.kernel.Action;
import io.twinline.sim.kernel.EventHandle;
import io.twinline.sim.kernel.Priority;
import io.twinline.sim.plant.Component;
import io.twinline.sim.plant.FaultableComponent;
import io.twinline.sim.plant.PlantContext;
import io.twinline.sim.signal.Signal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Injects and clears faults, now or at a simulated time, for a duration or until cleared. What is
 * in force is shown on the system signals {@code Simulation/ActiveFaults} (one line per fault)
 * and {@code Simulation/FaultCount}, so every observer knows what was injected.
 *
 * <p>Simulation thread only.
 */
public final class FaultManager {

  private final PlantContext context;
  private final Map<String, Component> components;
  private final Collection<ComponentDefinition> componentDefinitions;
  private final List<SignalDefinition> signalDefinitions;
  private final Signal activeSignal;
  private final Signal countSignal;
  private final Map<String, ActiveFault> active = new LinkedHashMap<>();
  private final Map<String, Signal> faultedSignals = new LinkedHashMap<>();
  private final Map<String, EventHandle> scheduled = new LinkedHashMap<>();
  private final Map<String, EventHandle> expiries = new LinkedHashMap<>();

  public FaultManager(
      PlantContext context,
      Map<String, Component> components,
      Collection<ComponentDefinition> componentDefinitions,
      List<SignalDefinition> signalDefinitions,
      Signal activeSignal,
      Signal countSignal) {
    this.context = context;
    this.components = components;
    this.componentDefinitions = componentDefinitions;
    this.signalDefinitions = signalDefinitions;
    this.activeSignal = activeSignal;
    this.countSignal = countSignal;
  }

  /**
   * Injects {@code spec} at its start time (at once if it has none or it has passed) and clears
   * it when its duration is over.
   *
   * @throws IllegalArgumentException if the fault does not fit the line, or its id is in use
   */
  public void schedule(FaultSpec spec) {
    check(spec);
    long now = context.now();
    long start = spec.at().map(java.time.Duration::toNanos).orElse(now);
    if (start <= now) {
      inject(spec);
    } else {
      scheduled.put(
          spec.id(),
          context
              .simulation()
              .scheduleAt(start, Priority.NORMAL,
                  Action.named("fault " + spec.id() + " starts", () -> {
                    scheduled.remove(spec.id());
                    inject(spec);
                  })));
    }
  }

  private void check(FaultSpec spec) {
    if (active.containsKey(spec.id()) || scheduled.containsKey(spec.id())) {
      throw new IllegalArgumentException("fault id '" + spec.id() + "' is in use");
    }
    FaultChecks.problem(spec, componentDefinitions, signalDefinitions)
        .ifPresent(problem -> {
          throw new IllegalArgumentException(problem);
        });
  }

  private void inject(FaultSpec spec) {
    long now = context.now();
    if (spec.kind().scope() == FaultKind.Scope.SIGNAL) {
      Signal signal = context.signals().get(spec.target());
      signal.addFault(
          SignalFaults.stage(spec, signal, context.simulation(), context.ioCycle(),
              context.random("fault:" + spec.id())));
      faultedSignals.put(spec.id(), signal);
    } else {
      ((FaultableComponent) components.get(spec.target())).injectFault(spec);
    }
    long until = spec.duration().map(d -> now + d.toNanos()).orElse(Long.MAX_VALUE);
    active.put(spec.id(), new ActiveFault(spec, now, until));
    if (until != Long.MAX_VALUE) {
      expiries.put(
          spec.id(),
          context.simulation().scheduleAt(until, Priority.NORMAL,
              Action.named("fault " + spec.id() + " expires", () -> {
                expiries.remove(spec.id());
                clear(spec.id());
              })));
    }
    show();
  }

  /**
   * Ends fault {@code id} (or cancels it if it has not started yet).
   *
   * @return false if there is no such fault
   */
  public boolean clear(String id) {
    EventHandle pending = scheduled.remove(id);
    if (pending != null) {
      pending.cancel();
      return true;
    }
    ActiveFault fault = active.remove(id);
    if (fault == null) {
      return false;
    }
    EventHandle expiry = expiries.remove(id);
    if (expiry != null) {
      expiry.cancel();
    }
    Signal signal = faultedSignals.remove(id);
    if (signal != null) {
      signal.removeFault(id);
    } else {
      ((FaultableComponent) components.get(fault.spec().target())).clearFault(id);
    }
    show();
    return true;
  }

  /** Clears every fault, active and scheduled. */
  public void clearAll() {
    for (String id : new ArrayList<>(scheduled.keySet())) {
      clear(id);
    }
    for (String id : new ArrayList<>(active.keySet())) {
      clear(id);
    }
  }

  /** Whether a fault of id {@code id} is in force or scheduled. */
  public boolean has(String id) {
    return active.containsKey(id) || scheduled.containsKey(id);
  }

  /** The ids of the faults in force and scheduled, in force first. */
  public List<String> ids() {
    List<String> ids = new ArrayList<>(active.keySet());
    ids.addAll(scheduled.keySet());
    return ids;
  }

  /** The faults in force, in the order they were injected. */
  public List<ActiveFault> active() {
    return List.copyOf(active.values());
  }

  /** Ids of faults scheduled to start later. */
  public List<String> pending() {
    return List.copyOf(scheduled.keySet());
  }

  private void show() {
    StringBuilder text = new StringBuilder();
    for (ActiveFault fault : active.values()) {
      if (text.length() > 0) {
        text.append('\n');
      }
      text.append(fault.spec().describe());
    }
    activeSignal.set(text.toString());
    countSignal.set(active.size());
  }
}
