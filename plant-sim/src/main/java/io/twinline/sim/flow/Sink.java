package io.twinline.sim.flow;

import io.twinline.line.SignalPath;
import io.twinline.line.model.SinkDefinition;
import io.twinline.sim.kernel.Simulation;
import io.twinline.sim.plant.Component;
import io.twinline.sim.plant.PlantContext;
import io.twinline.sim.signal.Signal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes every part and counts it, in all, per listed part type and per listed attribute (a full
 * case counts for {@code defective} when it holds a defective product).
 */
public final class Sink implements Component, PartReceiver {

  private final String name;
  private final Simulation simulation;
  private final Signal count;
  private final Map<String, Signal> countByType = new HashMap<>();
  private final Map<String, Signal> countByAttribute = new java.util.LinkedHashMap<>();
  private final Map<String, Integer> tally = new HashMap<>();
  private final List<Part> received = new ArrayList<>();

  public Sink(SinkDefinition definition, PlantContext context) {
    this.name = definition.name();
    this.simulation = context.simulation();
    this.count = context.signal(name, SinkDefinition.COUNT);
    for (String type : definition.countTypes()) {
      countByType.put(type,
          context.signals().get(new SignalPath(name, SinkDefinition.countOf(type))));
    }
    for (String attribute : definition.countAttributes()) {
      countByAttribute.put(attribute,
          context.signals().get(new SignalPath(name, SinkDefinition.countOf(attribute))));
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean canReceive(Part part, double leadPosition) {
    return true;
  }

  @Override
  public void receive(Part part, double leadPosition) {
    received.add(part);
    tally.merge(part.type(), 1, Integer::sum);
    count.set(count.intValue() + 1);
    Signal typed = countByType.get(part.type());
    if (typed != null) {
      typed.set(typed.intValue() + 1);
    }
    countByAttribute.forEach((attribute, signal) -> {
      if (part.is(attribute)) {
        signal.set(signal.intValue() + 1);
      }
    });
  }

  @Override
  public void whenReady(Part part, double leadPosition, Runnable callback) {
    simulation.schedule(0, callback::run);
  }

  /** The parts received so far, in arrival order. */
  public List<Part> received() {
    return Collections.unmodifiableList(received);
  }

  /** Parts received per type. */
  public Map<String, Integer> countsByType() {
    return Collections.unmodifiableMap(tally);
  }
}
