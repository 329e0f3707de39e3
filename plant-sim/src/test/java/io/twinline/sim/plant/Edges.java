package io.twinline.sim.plant;

import io.twinline.sim.signal.Signal;
import java.util.ArrayList;
import java.util.List;

/** Records what the PLC sees of a signal: "value@time" strings, easy to assert on. */
public final class Edges {

  private final List<String> changes = new ArrayList<>();

  private Edges() {}

  public static Edges of(Plant plant, String path) {
    Edges edges = new Edges();
    Signal signal = plant.signal(path);
    signal.addPlcListener(s -> edges.changes.add(s.plcValue() + "@" + plant.simulation().now()));
    return edges;
  }

  public List<String> list() {
    return List.copyOf(changes);
  }

  /** The times (ns) at which the signal became {@code value}. */
  public List<Long> timesOf(Object value) {
    List<Long> times = new ArrayList<>();
    for (String change : changes) {
      int at = change.lastIndexOf('@');
      if (change.substring(0, at).equals(String.valueOf(value))) {
        times.add(Long.parseLong(change.substring(at + 1)));
      }
    }
    return times;
  }

  @Override
  public String toString() {
    return changes.toString();
  }
}
