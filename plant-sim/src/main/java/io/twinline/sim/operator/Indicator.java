package io.twinline.sim.operator;

import io.twinline.sim.plant.Component;
import io.twinline.sim.signal.Signal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A lamp or stack light: outputs the PLC drives and nothing else reacts to. Every change is
 * recorded with its simulated time, so reports can show what the operator saw.
 */
public final class Indicator implements Component {

  /** One change of one element. */
  public record Change(long time, String element, boolean on) {}

  private final String name;
  private final List<Signal> elements;
  private final List<Change> history = new ArrayList<>();
  private final io.twinline.sim.kernel.Simulation simulation;

  public Indicator(String name, List<Signal> elements,
      io.twinline.sim.kernel.Simulation simulation) {
    this.name = name;
    this.elements = List.copyOf(elements);
    this.simulation = simulation;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void start() {
    for (Signal element : elements) {
      element.addListener(
          s -> history.add(new Change(simulation.now(), s.path().signal(), s.booleanValue())));
    }
  }

  /** Every change so far, in order. */
  public List<Change> history() {
    return Collections.unmodifiableList(history);
  }

  /** Whether {@code element} is on now. */
  public boolean isOn(String element) {
    return elements.stream()
        .filter(s -> s.path().signal().equals(element))
        .findFirst()
        .map(Signal::booleanValue)
        .orElseThrow(() -> new IllegalArgumentException(name + " has no element " + element));
  }
}
