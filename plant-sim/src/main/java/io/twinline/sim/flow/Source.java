package io.twinline.sim.flow;

import io.twinline.line.model.PartTemplate;
import io.twinline.line.model.SourceDefinition;
import io.twinline.line.units.DurationDistribution;
import io.twinline.sim.kernel.Action;
import io.twinline.sim.kernel.Priority;
import io.twinline.sim.kernel.Simulation;
import io.twinline.sim.plant.Component;
import io.twinline.sim.plant.PlantContext;
import io.twinline.sim.signal.Signal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Releases a part onto its conveyor every interval (fixed or drawn at random), its leading edge at
 * the start of the conveyor. When the start is still occupied the source shows {@code Blocked},
 * releases as soon as there is room, and counts the next interval from that release. With
 * several part types it picks one by weight; a defect rate marks parts {@code defective}.
 */
public final class Source implements Component, io.twinline.sim.plant.Tunable {

  private final String name;
  private final Simulation simulation;
  private DurationDistribution interval;
  private final long firstRelease;
  private List<PartTemplate> templates;
  private double totalWeight;
  private final PartIds partIds;
  private final SplittableRandom random;
  private final Signal released;
  private final Signal blocked;
  private final Action releaseAction;
  private PartReceiver target;
  private Part waiting;

  public Source(SourceDefinition definition, PlantContext context) {
    this.name = definition.name();
    this.simulation = context.simulation();
    this.interval = definition.interval();
    this.firstRelease = definition.firstRelease().toNanos();
    this.templates = definition.parts();
    this.totalWeight = templates.stream().mapToDouble(PartTemplate::weight).sum();
    this.partIds = context.partIds();
    this.random = context.random("source:" + name);
    this.released = context.signal(name, SourceDefinition.RELEASED);
    this.blocked = context.signal(name, SourceDefinition.BLOCKED);
    this.releaseAction = Action.named(name + ": release a part", this::release);
  }

  /**
   * A recipe's {@code interval} (from the next release on) or {@code parts} (the parts released
   * from now on; those on their way keep theirs).
   */
  @Override
  @SuppressWarnings("unchecked")
  public void tune(String parameter, Object value) {
    switch (parameter) {
      case "interval" -> interval = (DurationDistribution) value;
      case "parts" -> {
        templates = List.copyOf((List<PartTemplate>) value);
        totalWeight = templates.stream().mapToDouble(PartTemplate::weight).sum();
      }
      default -> throw new IllegalArgumentException(name + " takes no recipe parameter " + parameter);
    }
  }

  public void connect(PartReceiver receiver) {
    this.target = receiver;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void start() {
    if (target == null) {
      throw new IllegalStateException("source " + name + " is not connected");
    }
    simulation.scheduleAt(simulation.now() + firstRelease, Priority.NORMAL, releaseAction);
  }

  private void release() {
    if (waiting == null) {
      waiting = newPart();
    }
    tryRelease();
  }

  private Part newPart() {
    PartTemplate template = templates.get(0);
    if (templates.size() > 1) {
      double pick = random.nextDouble() * totalWeight;
      for (PartTemplate candidate : templates) {
        template = candidate;
        pick -= candidate.weight();
        if (pick < 0) {
          break;
        }
      }
    }
    Map<String, String> attributes = template.attributes();
    if (template.defectRate() > 0) {
      attributes = new HashMap<>(attributes);
      attributes.put(Part.DEFECTIVE, Boolean.toString(random.nextDouble() < template.defectRate()));
    }
    return new Part(
        partIds.next(), template.type(), template.length(), simulation.now(), attributes);
  }

  private void tryRelease() {
    if (target.canReceive(waiting, 0.0)) {
      Part part = waiting;
      waiting = null;
      blocked.set(false);
      target.receive(part, 0.0);
      released.set(released.intValue() + 1);
      simulation.schedule(interval.sample(random), releaseAction);
    } else {
      blocked.set(true);
      target.whenReady(waiting, 0.0, this::tryRelease);
    }
  }

  /** Parts released so far. */
  public int releasedCount() {
    return released.intValue();
  }
}
