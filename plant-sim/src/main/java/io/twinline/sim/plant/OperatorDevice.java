package io.twinline.sim.plant;

import java.util.Set;

/** A device an operator handles: a button pressed, a door opened, a switch turned. */
public interface OperatorDevice extends Component {

  /** The actions it understands, e.g. {@code press}, {@code release}, {@code select:Auto}. */
  Set<String> actions();

  /**
   * Does {@code action}.
   *
   * @throws IllegalArgumentException if the device has no such action; the message lists them
   */
  void operate(String action);

  /** For implementations: the refusal of an unknown action. */
  static IllegalArgumentException unknownAction(Component device, String action, Set<String> known) {
    return new IllegalArgumentException(
        device.name() + " has no action '" + action + "'; it has: "
            + String.join(", ", known.stream().sorted().toList()));
  }
}
