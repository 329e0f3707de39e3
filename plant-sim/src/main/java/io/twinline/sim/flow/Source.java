package io.twinline.sim.flow;

import io.twinline.line.model.PartTemplate;
import io.twinline.sim.kernel.Action;
import io.twinline.sim.kernel.Priority;
import io.twinline.sim.kernel.Simulation;
import io.twinline.sim.plant.Component;
import io.twinline.sim.signal.Signal;

/**
 * Releases a part onto its conveyor every {@code interval}, its leading edge at the start of the
 * conveyor. When the start is still occupied the source shows {@code Blocked}, releases as soon as
 * there is room, and counts the next interval from that release.
 */
public final class Source implements Component {

  private final String name;
  private final Simulation simulation;
  private final long interval;
  private final long firstRelease;
  private final PartTemplate template;
  private final PartIds partIds;
  private final Signal released;
  private final Signal blocked;
  private final Action releaseAction;
  private PartReceiver target;
  private Part waiting;

  public Source(
      String name,
      Simulation simulation,
      long interval,
      long firstRelease,
      PartTemplate template,
      PartIds partIds,
      Signal released,
      Signal blocked) {
    this.name = name;
    this.simulation = simulation;
    this.interval = interval;
    this.firstRelease = firstRelease;
    this.template = template;
    this.partIds = partIds;
    this.released = released;
    this.blocked = blocked;
    this.releaseAction = Action.named(name + ": release a part", this::release);
  }

  public void connect(PartReceiver target) {
    this.target = target;
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
    simulation.scheduleAt(firstRelease, Priority.NORMAL, releaseAction);
  }

  private void release() {
    if (waiting == null) {
      waiting = new Part(partIds.next(), template.type(), template.length(), simulation.now());
    }
    tryRelease();
  }

  private void tryRelease() {
    if (target.canReceive(waiting, 0.0)) {
      Part part = waiting;
      waiting = null;
      blocked.set(false);
      target.receive(part, 0.0);
      released.set(released.intValue() + 1);
      simulation.schedule(interval, releaseAction);
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
