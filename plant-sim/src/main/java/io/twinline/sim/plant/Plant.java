package io.twinline.sim.plant;

import io.twinline.line.model.LineDefinition;
import io.twinline.sim.kernel.Simulation;
import io.twinline.sim.random.RandomStreams;
import io.twinline.sim.signal.Signal;
import io.twinline.sim.signal.SignalRegistry;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A running line: its components, signals, random streams and the simulation they live in.
 * Built from a {@link LineDefinition} by {@link #build}.
 *
 * <p>Everything in here belongs to the simulation thread. Before a runner starts, the building
 * thread may use it; afterwards only commands sent through the runner touch it.
 */
public final class Plant {

  private final LineDefinition definition;
  private final Simulation simulation;
  private final SignalRegistry signals;
  private final RandomStreams random;
  private final Map<String, Component> components;

  Plant(
      LineDefinition definition,
      Simulation simulation,
      SignalRegistry signals,
      RandomStreams random,
      Map<String, Component> components) {
    this.definition = definition;
    this.simulation = simulation;
    this.signals = signals;
    this.random = random;
    this.components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
  }

  /** Builds the plant of {@code definition} at simulated time 0, ready to run. */
  public static Plant build(LineDefinition definition) {
    return PlantBuilder.build(definition);
  }

  public LineDefinition definition() {
    return definition;
  }

  public String name() {
    return definition.name();
  }

  public Simulation simulation() {
    return simulation;
  }

  public SignalRegistry signals() {
    return signals;
  }

  public RandomStreams random() {
    return random;
  }

  public Map<String, Component> components() {
    return components;
  }

  public Optional<Component> component(String name) {
    return Optional.ofNullable(components.get(name));
  }

  /**
   * The component {@code name} as a {@code type}.
   *
   * @throws IllegalArgumentException if there is none of that name and type
   */
  public <T extends Component> T component(String name, Class<T> type) {
    Component component = components.get(name);
    if (!type.isInstance(component)) {
      throw new IllegalArgumentException(
          "no " + type.getSimpleName() + " named " + name + " in line " + name());
    }
    return type.cast(component);
  }

  /** The signal at {@code "Component/Signal"}. */
  public Signal signal(String path) {
    return signals.get(path);
  }
}
