package io.twinline.sim.plant;

import io.twinline.line.fault.FaultSpec;

/** A component that can suffer component faults (jam, overload trip, sticking, ...). */
public interface FaultableComponent extends Component {

  /** Applies a fault; the spec was checked against the line already. */
  void injectFault(FaultSpec fault);

  /** Ends fault {@code id}; the component behaves normally again. */
  void clearFault(String id);
}
