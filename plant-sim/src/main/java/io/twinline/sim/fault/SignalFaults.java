package io.twinline.sim.fault;

import io.twinline.line.Analog;
import io.twinline.line.SignalType;
import io.twinline.line.fault.FaultSpec;
import io.twinline.sim.kernel.Action;
import io.twinline.sim.kernel.EventHandle;
import io.twinline.sim.kernel.Simulation;
import io.twinline.sim.signal.Signal;
import io.twinline.sim.signal.SignalFaultStage;
import io.twinline.sim.signal.SignalValues;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;

/** The fault stages that sit on a signal: one class per kind. */
final class SignalFaults {

  private SignalFaults() {}

  /** Builds the stage for {@code spec} on {@code signal}; the spec was checked already. */
  static SignalFaultStage stage(
      FaultSpec spec, Signal signal, Simulation simulation, long ioCycle, SplittableRandom random) {
    SignalType type = signal.type();
    return switch (spec.kind()) {
      case STUCK_AT -> new Fixed(spec.id(),
          SignalValues.toBits(type, type.parseValue(spec.value().orElseThrow())));
      case INVERTED -> new Inverted(spec.id());
      case DROP_OUT -> new DropOut(spec.id(), signal, simulation,
          spec.period().orElseThrow().toNanos());
      case DELAY -> new Delay(spec.id(), signal, simulation, spec.delay().orElseThrow().toNanos());
      case NOISE -> new Noise(spec.id(), signal, simulation, ioCycle, spec.amplitude().orElseThrow(),
          random);
      case OPEN_WIRE -> new Fixed(spec.id(), openWire(signal));
      default -> throw new IllegalArgumentException(spec.kind().keyword() + " is not a signal fault");
    };
  }

  /** What a broken 4–20 mA loop reads: a quarter of the span below the bottom of the range. */
  private static long openWire(Signal signal) {
    Analog range = signal.definition().analog().orElseThrow();
    return SignalValues.fromDouble(signal.type(), range.min() - 0.25 * range.span());
  }

  /** Stuck at a value, or at what an open wire reads. */
  private record Fixed(String faultId, long bits) implements SignalFaultStage {
    @Override
    public long apply(long input) {
      return bits;
    }
  }

  private record Inverted(String faultId) implements SignalFaultStage {
    @Override
    public long apply(long input) {
      return input == 0 ? 1 : 0;
    }
  }

  /** A Boolean that reads false for the second half of every period. */
  private static final class DropOut implements SignalFaultStage {
    private final String id;
    private final Signal signal;
    private final Simulation simulation;
    private final long half;
    private final Action blink;
    private boolean dropped;
    private EventHandle next;

    DropOut(String id, Signal signal, Simulation simulation, long period) {
      this.id = id;
      this.signal = signal;
      this.simulation = simulation;
      this.half = Math.max(1, period / 2);
      this.blink = Action.named(signal.path() + ": drop-out " + id, this::toggle);
      this.next = simulation.schedule(half, blink);
    }

    private void toggle() {
      dropped = !dropped;
      next = simulation.schedule(half, blink);
      signal.refresh();
    }

    @Override
    public String faultId() {
      return id;
    }

    @Override
    public long apply(long input) {
      return dropped ? 0 : input;
    }

    @Override
    public void detach() {
      next.cancel();
    }
  }

  /** Every change arrives {@code delay} later. */
  private static final class Delay implements SignalFaultStage {
    private final String id;
    private final Signal signal;
    private final Simulation simulation;
    private final long delay;
    private final Deque<long[]> pending = new ArrayDeque<>();
    private final Action arrive;
    private long lastInput;
    private long output;
    private boolean primed;
    private EventHandle next;

    Delay(String id, Signal signal, Simulation simulation, long delay) {
      this.id = id;
      this.signal = signal;
      this.simulation = simulation;
      this.delay = delay;
      this.arrive = Action.named(signal.path() + ": delayed value " + id, this::arrive);
    }

    @Override
    public String faultId() {
      return id;
    }

    @Override
    public long apply(long input) {
      if (!primed) {
        primed = true;
        lastInput = input;
        output = input;
      } else if (input != lastInput) {
        lastInput = input;
        pending.addLast(new long[] {simulation.now() + delay, input});
        if (next == null) {
          next = simulation.scheduleAt(pending.peekFirst()[0],
              io.twinline.sim.kernel.Priority.NORMAL, arrive);
        }
      }
      return output;
    }

    private void arrive() {
      next = null;
      while (!pending.isEmpty() && pending.peekFirst()[0] <= simulation.now()) {
        output = pending.removeFirst()[1];
      }
      if (!pending.isEmpty()) {
        next = simulation.scheduleAt(pending.peekFirst()[0],
            io.twinline.sim.kernel.Priority.NORMAL, arrive);
      }
      signal.refresh();
    }

    @Override
    public void detach() {
      if (next != null) {
        next.cancel();
      }
    }
  }

  /** Gaussian noise, a new sample every I/O cycle. */
  private static final class Noise implements SignalFaultStage {
    private final String id;
    private final Signal signal;
    private final Simulation simulation;
    private final long interval;
    private final double amplitude;
    private final SplittableRandom random;
    private final Action resample;
    private double noise;
    private EventHandle next;

    Noise(String id, Signal signal, Simulation simulation, long interval, double amplitude,
        SplittableRandom random) {
      this.id = id;
      this.signal = signal;
      this.simulation = simulation;
      this.interval = interval;
      this.amplitude = amplitude;
      this.random = random;
      this.resample = Action.named(signal.path() + ": noise " + id, this::resample);
      this.noise = gaussian();
      this.next = simulation.schedule(interval, resample);
    }

    private double gaussian() {
      double u1 = 1.0 - random.nextDouble();
      double u2 = random.nextDouble();
      return amplitude * Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    private void resample() {
      noise = gaussian();
      next = simulation.schedule(interval, resample);
      signal.refresh();
    }

    @Override
    public String faultId() {
      return id;
    }

    @Override
    public long apply(long input) {
      double value = SignalValues.toDouble(signal.type(), input) + noise;
      return SignalValues.fromDouble(signal.type(), value);
    }

    @Override
    public void detach() {
      next.cancel();
    }
  }
}
