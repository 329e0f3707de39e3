package io.twinline.sim.plant;

import io.twinline.sim.flow.PartIds;
import io.twinline.sim.kernel.Simulation;
import io.twinline.sim.random.RandomStreams;
import io.twinline.sim.signal.Signal;
import io.twinline.sim.signal.SignalRegistry;
import java.util.SplittableRandom;

/** What every component of one plant shares: the simulation, the signals, randomness, part ids. */
public final class PlantContext {

  private final Simulation simulation;
  private final SignalRegistry signals;
  private final RandomStreams random;
  private final PartIds partIds;
  private final long ioCycle;

  public PlantContext(
      Simulation simulation, SignalRegistry signals, RandomStreams random, long ioCycle) {
    this.simulation = simulation;
    this.signals = signals;
    this.random = random;
    this.partIds = new PartIds();
    this.ioCycle = ioCycle;
  }

  public Simulation simulation() {
    return simulation;
  }

  public SignalRegistry signals() {
    return signals;
  }

  /** The signal {@code name} of {@code component}. */
  public Signal signal(String component, String name) {
    return signals.get(new io.twinline.line.SignalPath(component, name));
  }

  /** A random stream of its own for {@code name} (a component, a fault). */
  public SplittableRandom random(String name) {
    return random.stream(name);
  }

  public RandomStreams randomStreams() {
    return random;
  }

  public PartIds partIds() {
    return partIds;
  }

  /** The I/O cycle in ns: how often continuously changing values are sampled for the PLC. */
  public long ioCycle() {
    return ioCycle;
  }

  public long now() {
    return simulation.now();
  }
}
