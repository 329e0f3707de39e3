package io.twinline.line.model;

import io.twinline.line.SignalDefinition;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A whole production line as written in a line file. Immutable; build the running plant from it.
 *
 * @param name the line's name, the first level below {@code Twinline} in the address space
 * @param description text for engineers
 * @param ioCycle how often the PLC side is exchanged
 * @param seed seed of every random stream of the line; the same seed gives the same run
 * @param components in file order
 * @param file where it was read from
 */
public record LineDefinition(
    String name,
    String description,
    Duration ioCycle,
    long seed,
    List<ComponentDefinition> components,
    String file) {

  public LineDefinition {
    components = List.copyOf(components);
  }

  public Optional<ComponentDefinition> component(String componentName) {
    return components.stream().filter(c -> c.name().equals(componentName)).findFirst();
  }

  /** Every signal of the line, component by component in file order. */
  public List<SignalDefinition> signals() {
    return components.stream().flatMap(c -> c.signals().stream()).toList();
  }
}
