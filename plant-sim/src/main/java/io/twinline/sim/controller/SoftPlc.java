package io.twinline.harness.controller;

import io.twinline.line.Direction;
import io.twinline.sim.kernel.Action;
import io.twinline.sim.kernel.EventHandle;
import io.twinline.sim.kernel.Priority;
import io.twinline.sim.run.Command;
import io.twinline.sim.run.Session;
import io.twinline.sim.signal.Signal;
import io.twinline.sim.signal.SignalRegistry;
import io.twinline.sim.signal.SignalValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link ControlProgram} bound in-process to a {@link Session}: deterministic, in virtual
 * time. Every scan period (a multiple of the I/O cycle) the program scans at the end of an I/O
 * exchange instant: it reads what the PLC sees of the inputs (faults included), and its writes
 * are queued as PLC writes, which the plant gets at the next exchange. That is the timing of a
 * real PLC coupled over the network, one I/O cycle of transport delay included.
 */
public final class SoftPlc {

  private final Session session;
  private final ControlProgram program;
  private final long scanPeriod;
  private final Image image = new Image();
  private final Action scanAction = Action.named("soft PLC scan", this::scan);
  private EventHandle next;
  private long scans;
  private boolean initialised;

  /**
   * @param scanPeriod rounded up to a whole number of I/O cycles
   */
  public SoftPlc(Session session, ControlProgram program, Duration scanPeriod) {
    this.session = session;
    this.program = program;
    long cycle = session.ioCycle();
    long period = Math.max(cycle, scanPeriod.toNanos());
    this.scanPeriod = (period + cycle - 1) / cycle * cycle;
  }

  /** Starts scanning at the next I/O exchange. Call on the simulation thread. */
  public SoftPlc start() {
    session.start();
    long now = session.now();
    long first = now % scanPeriod == 0 ? now : now + scanPeriod - now % scanPeriod;
    next = session.simulation().scheduleAt(first, Priority.LATE, scanAction);
    return this;
  }

  /** Stops scanning; outputs keep their last values. */
  public void stop() {
    if (next != null) {
      next.cancel();
      next = null;
    }
  }

  public long scans() {
    return scans;
  }

  public Duration scanPeriod() {
    return Duration.ofNanos(scanPeriod);
  }

  private void scan() {
    scans++;
    image.begin();
    if (!initialised) {
      initialised = true;
      program.init(image);
    }
    program.scan(image);
    image.flush();
    next = session.simulation().schedule(scanPeriod, Priority.LATE, scanAction);
  }

  /**
   * Writes of one scan that change an output, applied together at the next exchange. Signals are
   * named by id, so that a replay on a fresh plant of the same line finds them.
   */
  private record Writes(int[] ids, Object[] values) implements Command {
    @Override
    public void apply(io.twinline.sim.plant.Plant plant) {
      SignalRegistry signals = plant.signals();
      for (int i = 0; i < ids.length; i++) {
        signals.byId(ids[i]).setValue(values[i]);
      }
    }
  }

  private final class Image implements ProcessImage {
    private final Map<String, Signal> resolved = new HashMap<>();
    private final Map<Signal, Object> writes = new LinkedHashMap<>();
    private long now;

    void begin() {
      now = session.now();
      writes.clear();
    }

    /**
     * Sends the writes that change an output; an output that already has the value is not sent
     * again (a previous scan's write has been applied by the time of the next scan).
     */
    void flush() {
      if (writes.isEmpty()) {
        return;
      }
      int[] ids = new int[writes.size()];
      Object[] values = new Object[writes.size()];
      int n = 0;
      for (Map.Entry<Signal, Object> write : writes.entrySet()) {
        if (!write.getValue().equals(write.getKey().plcValue())) {
          ids[n] = write.getKey().id();
          values[n] = write.getValue();
          n++;
        }
      }
      if (n > 0) {
        session.submit(new Writes(java.util.Arrays.copyOf(ids, n),
            java.util.Arrays.copyOf(values, n)));
      }
    }

    private Signal signal(String name) {
      Signal signal = resolved.get(name);
      if (signal == null) {
        SignalRegistry signals = session.plant().signals();
        signal = signals.get(name);
        resolved.put(name, signal);
      }
      return signal;
    }

    /** What the program reads: its own pending write, else what the PLC sees now. */
    private Object read(Signal signal) {
      Object written = writes.get(signal);
      return written != null ? written : signal.plcValue();
    }

    @Override
    public long now() {
      return now;
    }

    @Override
    public boolean bool(String name) {
      Object value = read(signal(name));
      if (!(value instanceof Boolean b)) {
        throw new IllegalArgumentException(name + " is not a Boolean signal");
      }
      return b;
    }

    @Override
    public double number(String name) {
      Object value = read(signal(name));
      if (value instanceof Boolean b) {
        return b ? 1 : 0;
      }
      if (!(value instanceof Number n)) {
        throw new IllegalArgumentException(name + " is not a numeric signal");
      }
      return n.doubleValue();
    }

    @Override
    public int integer(String name) {
      return (int) Math.round(number(name));
    }

    @Override
    public String text(String name) {
      return String.valueOf(read(signal(name)));
    }

    private Signal output(String name) {
      Signal signal = signal(name);
      if (signal.direction() != Direction.OUTPUT) {
        throw new IllegalArgumentException(
            name + " is an input: only the plant drives it, a PLC cannot write it");
      }
      return signal;
    }

    @Override
    public void set(String name, boolean value) {
      writes.put(output(name), value);
    }

    @Override
    public void set(String name, double value) {
      Signal signal = output(name);
      writes.put(signal, SignalValues.toObject(signal.type(),
          SignalValues.fromDouble(signal.type(), value)));
    }

    @Override
    public void set(String name, long value) {
      Signal signal = output(name);
      writes.put(signal, signal.type().isInteger() ? signal.type().boxInteger(value)
          : SignalValues.toObject(signal.type(), SignalValues.fromDouble(signal.type(), value)));
    }

    @Override
    public void set(String name, String value) {
      writes.put(output(name), value);
    }
  }

  /** For tests: the names resolved so far. */
  List<String> resolvedNames() {
    return new ArrayList<>(image.resolved.keySet());
  }
}
