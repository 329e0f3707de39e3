package io.twinline.sim.flow;

import io.twinline.line.model.VisionDefinition;
import io.twinline.sim.kernel.Action;
import io.twinline.sim.kernel.EventHandle;
import io.twinline.sim.kernel.Simulation;
import io.twinline.sim.plant.Component;
import io.twinline.sim.plant.PlantContext;
import io.twinline.sim.signal.Signal;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A camera or code reader over a conveyor. It sees each part once, the moment its leading edge
 * reaches the camera's position, and never stops it. The result shows for {@code hold} (one I/O
 * cycle unless stated), so a PLC always reads it; the next part's result replaces it.
 */
public final class VisionCheck implements Component, BeltDevice {

  private final String name;
  private final double position;
  private final Simulation simulation;
  private final Optional<String> inspect;
  private final double failRate;
  private final Optional<String> read;
  private final long hold;
  private final SplittableRandom random;
  private final Signal pass;
  private final Signal fail;
  private final Signal checked;
  private final Signal failed;
  private final Signal code;
  private final Action resultOver;
  private EventHandle clear;
  private long lastSeen = -1;

  public VisionCheck(VisionDefinition definition, PlantContext context) {
    this.name = definition.name();
    this.position = definition.position();
    this.simulation = context.simulation();
    this.inspect = definition.inspect();
    this.failRate = definition.failRate();
    this.read = definition.read();
    this.hold = definition.hold().map(java.time.Duration::toNanos).orElse(context.ioCycle());
    this.random = context.random("vision:" + name);
    this.pass = context.signal(name, VisionDefinition.PASS);
    this.fail = context.signal(name, VisionDefinition.FAIL);
    this.checked = context.signal(name, VisionDefinition.CHECKED);
    this.failed = context.signal(name, VisionDefinition.FAILED);
    this.code = read.isPresent() ? context.signal(name, VisionDefinition.CODE) : null;
    this.resultOver = Action.named(name + ": result over", this::onResultOver);
  }

  public void mountOn(Conveyor belt) {
    belt.mount(name, this);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public double position() {
    return position;
  }

  @Override
  public boolean holdsParts() {
    return false;
  }

  @Override
  public boolean takesParts() {
    return true;
  }

  /** Looks at the part passing under the camera; it rides on. */
  @Override
  public boolean take(Part part) {
    if (part.id() == lastSeen) {
      return false; // offered again after a device changed: already seen
    }
    lastSeen = part.id();
    boolean bad = inspect.map(part::is).orElse(false);
    if (failRate > 0 && random.nextDouble() < failRate) {
      bad = true;
    }
    if (clear != null) {
      clear.cancel();
    }
    pass.set(!bad);
    fail.set(bad);
    checked.set(checked.intValue() + 1);
    if (bad) {
      failed.set(failed.intValue() + 1);
    }
    if (code != null) {
      String attribute = read.get();
      code.set(attribute.equals(VisionDefinition.READ_TYPE)
          ? part.type()
          : part.attributes().getOrDefault(attribute, ""));
    }
    clear = simulation.schedule(hold, resultOver);
    return false;
  }

  private void onResultOver() {
    clear = null;
    pass.set(false);
    fail.set(false);
    if (code != null) {
      code.set("");
    }
  }
}
