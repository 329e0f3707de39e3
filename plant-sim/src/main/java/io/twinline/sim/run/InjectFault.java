package io.twinline.sim.run;

import io.twinline.line.fault.FaultChecks;
import io.twinline.line.fault.FaultKind;
import io.twinline.line.fault.FaultSpec;
import io.twinline.line.model.LineDefinition;
import io.twinline.sim.plant.Plant;
import java.util.Optional;

/** Injects a fault (now, or at its start time) for its duration or until cleared. */
public record InjectFault(FaultSpec fault) implements Command {

  @Override
  public void apply(Plant plant) {
    plant.faults().schedule(fault);
  }

  /** Refused if the target does not exist (not found) or cannot have such a fault. */
  @Override
  public Optional<Refusal> refusal(LineDefinition line) {
    if (fault == null) {
      return Optional.of(Refusal.invalidArgument("no fault given"));
    }
    boolean targetExists = fault.kind().scope() == FaultKind.Scope.COMPONENT
        ? line.component(fault.target()).isPresent()
        : FaultChecks.signal(fault.target(), line.signals()).isPresent();
    return FaultChecks.problem(fault, line.components(), line.signals())
        .map(problem -> targetExists
            ? Refusal.invalidArgument(problem) : Refusal.notFound(problem));
  }

  /** Also refused while another fault, in force or scheduled, has the same id. */
  @Override
  public Optional<Refusal> check(Plant plant) {
    Optional<Refusal> refusal = refusal(plant.definition());
    if (refusal.isPresent()) {
      return refusal;
    }
    if (plant.faults().has(fault.id())) {
      return Optional.of(Refusal.invalidState("fault id '" + fault.id() + "' is in use; clear it"
          + " first or give the new fault another id"));
    }
    return Optional.empty();
  }

  @Override
  public String describe() {
    return "inject " + fault.describe();
  }
}
