package io.twinline.sim.process;

import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BracketedUnivariateSolver;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.events.AbstractODEDetector;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventHandler;

/**
 * Hipparchus' view of a {@link Threshold}: the switching function is the watched state variable
 * minus the level of the next crossing; the handler notes which threshold fired and stops the
 * integration there.
 */
final class ThresholdDetector extends AbstractODEDetector<ThresholdDetector> {

  /** Which threshold stopped the integration (at most one per prediction). */
  static final class Found {
    Threshold threshold;
  }

  /** Crossing times are found to within a nanosecond. */
  private static final double TIME_THRESHOLD = 1e-9;

  private final Threshold threshold;
  private final double level;

  ThresholdDetector(Threshold threshold, Found found, double maxCheck) {
    this(
        AdaptableInterval.of(maxCheck),
        DEFAULT_MAX_ITER,
        new BracketingNthOrderBrentSolver(0, TIME_THRESHOLD, 0, 5),
        (state, detector, increasing) -> {
          found.threshold = threshold;
          return Action.STOP;
        },
        threshold);
  }

  private ThresholdDetector(
      AdaptableInterval maxCheck,
      int maxIter,
      BracketedUnivariateSolver<UnivariateFunction> solver,
      ODEEventHandler handler,
      Threshold threshold) {
    super(maxCheck, maxIter, solver, handler);
    this.threshold = threshold;
    this.level = threshold.nextLevel();
  }

  @Override
  protected ThresholdDetector create(
      AdaptableInterval newMaxCheck,
      int newMaxIter,
      BracketedUnivariateSolver<UnivariateFunction> newSolver,
      ODEEventHandler newHandler) {
    return new ThresholdDetector(newMaxCheck, newMaxIter, newSolver, newHandler, threshold);
  }

  @Override
  public double g(ODEStateAndDerivative state) {
    return state.getPrimaryState()[threshold.index()] - level;
  }
}
