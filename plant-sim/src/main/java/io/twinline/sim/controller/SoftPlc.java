package io.twinline.sim.controller;

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
  private final Image image;
  private final Action scanAction = Action.named("soft PLC scan", this::scan);
  private EventHandle next;
  private long scans;
  private boolean initialised;
  private ProgramWatch watch;

  /**
   * @param scanPeriod rounded up to a whole number of I/O cycles
   */
  public SoftPlc(Session session, ControlProgram program, Duration scanPeriod) {
    this.session = session;
    this.program = program;
    long cycle = session.ioCycle();
    long period = Math.max(cycle, scanPeriod.toNanos());
    this.scanPeriod = (period + cycle - 1) / cycle * cycle;
    this.image = new Image();
  }

  /** Starts scanning at the next I/O exchange. Call on the simulation thread. */
  public SoftPlc start() {
    session.start();
    long now = session.now();
    long first = now % scanPeriod == 0 ? now : now + scanPeriod - now % scanPeriod;
    next = session.simulation().scheduleAt(first, Priority.LATE, scanAction);
    return this;
  }

  /**
   * Runs a program from {@code programs} on the line {@code runner} serves, in simulated time,
   * from its start and anew after every reset (a fresh program instance: a warm restart of the
   * PLC with the line). Call before the runner starts.
   *
   * @return the number of scans so far, over all restarts (any thread)
   */
  public static java.util.function.LongSupplier serve(io.twinline.sim.run.SimulationRunner runner,
      java.util.function.Supplier<ControlProgram> programs, Duration scanPeriod) {
    java.util.concurrent.atomic.AtomicLong scans = new java.util.concurrent.atomic.AtomicLong();
    SoftPlc[] current = new SoftPlc[1];
    long[] before = new long[1];
    // the first instance, made now, tells what a watchable program's variables are before the
    // first scan; it is the one that runs from the start
    ControlProgram[] first = {programs.get()};
    ProgramWatch watch = first[0] instanceof Watchable probe
        ? new ProgramWatch(probe.watched()) : null;
    if (watch != null) {
      runner.watch(watch);
    }
    runner.subscribe(changes -> {
      if (changes.isSnapshot()) {
        // a start or a reset: the plant is new, so is the PLC's program
        ControlProgram program = first[0] != null ? first[0] : programs.get();
        first[0] = null;
        if (current[0] != null) {
          before[0] += current[0].scans();
          program.restart(current[0].program);
        }
        current[0] = new SoftPlc(runner.session(), program, scanPeriod);
        current[0].watch = watch;
        current[0].start();
      }
      scans.set(before[0] + current[0].scans());
    });
    return scans::get;
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
    if (watch != null) {
      watch.publish((Watchable) program, image.now);
    }
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

  /**
   * The image of one scan. Signals are held by id (a reset builds a new plant with the same ids),
   * the pending writes in arrays indexed by id: no look-up by name for a bound {@link Tag}.
   */
  private final class Image implements ProcessImage {
    private final Map<String, Bound> resolved = new HashMap<>();
    private final Object[] pending;
    private final int[] order;
    private int writes;
    private long now;

    Image() {
      int size = session.plant().signals().size();
      pending = new Object[size];
      order = new int[size];
    }

    void begin() {
      now = session.now();
      for (int i = 0; i < writes; i++) {
        pending[order[i]] = null;
      }
      writes = 0;
    }

    /**
     * Sends the writes that change an output; an output that already has the value is not sent
     * again (a previous scan's write has been applied by the time of the next scan).
     */
    void flush() {
      if (writes == 0) {
        return;
      }
      SignalRegistry signals = session.plant().signals();
      int[] ids = new int[writes];
      Object[] values = new Object[writes];
      int n = 0;
      for (int i = 0; i < writes; i++) {
        int id = order[i];
        // against what this PLC wrote, not what shows: a forced output shows the forced value,
        // and the write kept for its release must follow the program
        if (!pending[id].equals(signals.byId(id).writtenValue())) {
          ids[n] = id;
          values[n] = pending[id];
          n++;
        }
      }
      if (n > 0) {
        session.submit(new Writes(java.util.Arrays.copyOf(ids, n),
            java.util.Arrays.copyOf(values, n)));
      }
    }

    private Bound bound(String name) {
      Bound bound = resolved.get(name);
      if (bound == null) {
        Signal signal = session.plant().signals().get(name);
        bound = new Bound(name, signal.id(), signal.direction() == Direction.OUTPUT);
        resolved.put(name, bound);
      }
      return bound;
    }

    private Bound bound(Tag tag) {
      return tag instanceof Bound b ? b : bound(tag.name());
    }

    /** What the program reads: its own pending write, else what the PLC sees now. */
    private Object read(Bound signal) {
      Object written = pending[signal.id()];
      return written != null ? written : session.plant().signals().byId(signal.id()).plcValue();
    }

    @Override
    public Tag tag(String signal) {
      return bound(signal);
    }

    @Override
    public long now() {
      return now;
    }

    @Override
    public boolean bool(String name) {
      return bool(bound(name));
    }

    @Override
    public boolean bool(Tag tag) {
      Object value = read(bound(tag));
      if (!(value instanceof Boolean b)) {
        throw new IllegalArgumentException(tag.name() + " is not a Boolean signal");
      }
      return b;
    }

    @Override
    public double number(String name) {
      return number(bound(name));
    }

    @Override
    public double number(Tag tag) {
      Object value = read(bound(tag));
      if (value instanceof Boolean b) {
        return b ? 1 : 0;
      }
      if (!(value instanceof Number n)) {
        throw new IllegalArgumentException(tag.name() + " is not a numeric signal");
      }
      return n.doubleValue();
    }

    @Override
    public int integer(String name) {
      return (int) Math.round(number(name));
    }

    @Override
    public int integer(Tag tag) {
      return (int) Math.round(number(tag));
    }

    @Override
    public String text(String name) {
      return String.valueOf(read(bound(name)));
    }

    @Override
    public String text(Tag tag) {
      return String.valueOf(read(bound(tag)));
    }

    private Signal output(Bound bound) {
      if (!bound.output()) {
        throw new IllegalArgumentException(
            bound.name() + " is an input: only the plant drives it, a PLC cannot write it");
      }
      return session.plant().signals().byId(bound.id());
    }

    private void write(Bound bound, Object value) {
      if (pending[bound.id()] == null) {
        order[writes++] = bound.id();
      }
      pending[bound.id()] = value;
    }

    @Override
    public void set(String name, boolean value) {
      set(bound(name), value);
    }

    @Override
    public void set(Tag tag, boolean value) {
      Bound bound = bound(tag);
      output(bound);
      write(bound, value);
    }

    @Override
    public void set(String name, double value) {
      set(bound(name), value);
    }

    @Override
    public void set(Tag tag, double value) {
      Bound bound = bound(tag);
      Signal signal = output(bound);
      write(bound, SignalValues.toObject(signal.type(),
          SignalValues.fromDouble(signal.type(), value)));
    }

    @Override
    public void set(String name, long value) {
      set(bound(name), value);
    }

    @Override
    public void set(Tag tag, long value) {
      Bound bound = bound(tag);
      Signal signal = output(bound);
      write(bound, signal.type().isInteger() ? signal.type().boxInteger(value)
          : SignalValues.toObject(signal.type(), SignalValues.fromDouble(signal.type(), value)));
    }

    @Override
    public void set(String name, String value) {
      Bound bound = bound(name);
      output(bound);
      write(bound, value);
    }
  }

  /** A signal bound by name: its id in the registry and whether a PLC may write it. */
  private record Bound(String name, int id, boolean output) implements ProcessImage.Tag {}

  /** The names bound so far. */
  List<String> resolvedNames() {
    return new ArrayList<>(image.resolved.keySet());
  }
}
