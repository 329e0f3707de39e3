package io.twinline.sim.signal;

/**
 * Told on the simulation thread, at once, when a signal's value changes; the component that
 * listens reacts at the same simulated instant (e.g. a conveyor when its motor output changes).
 */
@FunctionalInterface
public interface SignalListener {

  void signalChanged(Signal signal);
}
