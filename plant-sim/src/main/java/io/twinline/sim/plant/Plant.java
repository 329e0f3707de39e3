package io.twinline.sim.plant;

import io.twinline.line.model.LineDefinition;
import io.twinline.line.model.RecipeDefinition;
import io.twinline.sim.fault.FaultManager;
import io.twinline.sim.kernel.Simulation;
import io.twinline.sim.random.RandomStreams;
import io.twinline.sim.signal.Signal;
import io.twinline.sim.signal.SignalRegistry;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A running line: its components, signals, faults, random streams and the simulation they live
 * in. Built from a {@link LineDefinition} by {@link #build}.
 *
 * <p>Everything in here belongs to the simulation thread. Before a runner starts, the building
 * thread may use it; afterwards only commands sent through the runner touch it.
 */
public final class Plant {

  private final LineDefinition definition;
  private final PlantContext context;
  private final Map<String, Component> components;
  private final FaultManager faults;
  private volatile String recipe;

  Plant(
      LineDefinition definition,
      PlantContext context,
      Map<String, Component> components,
      FaultManager faults) {
    this.definition = definition;
    this.context = context;
    this.components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
    this.faults = faults;
  }

  /**
   * Builds the plant of {@code definition} at simulated time 0, ready to run; the faults the
   * line file schedules are scheduled.
   */
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
    return context.simulation();
  }

  public SignalRegistry signals() {
    return context.signals();
  }

  public RandomStreams random() {
    return context.randomStreams();
  }

  public PlantContext context() {
    return context;
  }

  public FaultManager faults() {
    return faults;
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
  public <T> T component(String name, Class<T> type) {
    Component component = components.get(name);
    if (!type.isInstance(component)) {
      throw new IllegalArgumentException(
          "no " + type.getSimpleName() + " named " + name + " in line " + name());
    }
    return type.cast(component);
  }

  /** The signal at {@code "Component/Signal"}, or with that tag. */
  public Signal signal(String pathOrTag) {
    return context.signals().get(pathOrTag);
  }

  /**
   * An operator action on a device: {@code operate("StartButton", "press")}.
   *
   * @throws IllegalArgumentException if there is no such device or action
   */
  public void operate(String device, String action) {
    Component component = components.get(device);
    if (!(component instanceof OperatorDevice operated)) {
      throw new IllegalArgumentException(
          device + " is not an operator device (push button, selector switch, e-stop, guard door)");
    }
    operated.operate(action);
  }

  /**
   * Loads recipe {@code name} of the line: sets the component parameters it names (what takes
   * time physically, such as a guide travelling, starts now and takes its time) and the PLC
   * inputs it names. Simulation thread only.
   *
   * @throws IllegalArgumentException if the line has no such recipe, naming those it has
   */
  public void loadRecipe(String name) {
    RecipeDefinition definition = this.definition.recipe(name).orElseThrow(() ->
        new IllegalArgumentException("line " + this.definition.name() + " has no recipe '"
            + name + "'" + (this.definition.recipes().isEmpty() ? ""
                : "; recipes: " + String.join(", ",
                    this.definition.recipes().stream().map(RecipeDefinition::name).toList()))));
    for (RecipeDefinition.Setting setting : definition.settings()) {
      Component component = components.get(setting.component());
      if (!(component instanceof Tunable tunable)) {
        throw new IllegalStateException(setting.component() + " takes no recipe parameters");
      }
      tunable.tune(setting.parameter(), setting.value());
    }
    definition.signals().forEach((path, value) -> signals().get(path).setValue(value));
    recipe = name;
  }

  /** The recipe loaded last, if any. */
  public Optional<String> recipe() {
    return Optional.ofNullable(recipe);
  }
}
