package io.twinline.stplc;

import io.twinline.sim.controller.ControlProgram;
import io.twinline.sim.controller.ProcessImage;
import io.twinline.stplc.compile.Compiled;
import io.twinline.stplc.runtime.Frame;
import io.twinline.stplc.runtime.Ints;
import io.twinline.stplc.runtime.StStop;
import io.twinline.stplc.runtime.Type;
import java.util.List;

/**
 * A compiled Structured Text program as a controller. Every scan: the clock is set to the
 * scan's simulated time, the bound inputs are copied into their variables, each due task runs
 * its programs (by priority), and the bound outputs are written to the image. A run-time error
 * stops the PLC: the scan throws a {@link StStop} naming the POU, line and simulated time.
 */
public final class StProgram implements ControlProgram, io.twinline.sim.controller.Watchable {

  private final Compiled program;
  private final Point[] inputs;
  private final Point[] outputs;
  private final Compiled.Task[] tasks;
  private final long[] due;
  private final Frame[][] frames;
  private final io.twinline.stplc.runtime.Stmt[][] bodies;
  private boolean stopped;
  private StWatch watch;

  /** A variable bound to a signal, at its slot. */
  private static final class Point {
    final String path;
    final long[] l;
    final double[] d;
    final Object[] o;
    final int slot;
    final Type type;
    final int wrap;
    ProcessImage.Tag tag;

    Point(LineBinding.Bound b) {
      this.path = b.path();
      Frame f = b.variable().frame();
      this.type = b.variable().var().type();
      this.slot = b.variable().var().slot();
      this.l = f.l;
      this.d = f.d;
      this.o = f.o;
      this.wrap = type.wrapCode();
    }
  }

  public StProgram(Compiled program, List<LineBinding.Bound> bindings) {
    this.program = program;
    this.inputs = bindings.stream().filter(b -> !b.output()).map(Point::new).toArray(Point[]::new);
    this.outputs = bindings.stream().filter(LineBinding.Bound::output).map(Point::new)
        .toArray(Point[]::new);
    this.tasks = program.tasks().toArray(Compiled.Task[]::new);
    this.due = new long[tasks.length];
    this.frames = new Frame[tasks.length][];
    this.bodies = new io.twinline.stplc.runtime.Stmt[tasks.length][];
    for (int i = 0; i < tasks.length; i++) {
      List<Compiled.Instance> programs = tasks[i].programs();
      frames[i] = programs.stream().map(Compiled.Instance::frame).toArray(Frame[]::new);
      bodies[i] = programs.stream().map(p -> p.layout().body)
          .toArray(io.twinline.stplc.runtime.Stmt[]::new);
      due[i] = Long.MIN_VALUE;
    }
  }

  public Compiled compiled() {
    return program;
  }

  @Override
  public List<io.twinline.sim.controller.WatchedVariable> watched() {
    return watch().variables();
  }

  @Override
  public void copyWatched(Object[] values) {
    watch().copy(values);
  }

  private StWatch watch() {
    if (watch == null) {
      watch = new StWatch(program);
    }
    return watch;
  }

  /**
   * A warm restart: the RETAIN and PERSISTENT variables of the globals and of each program
   * instance take the values they had in {@code previous} (the same program before the reset).
   */
  @Override
  public void restart(ControlProgram previous) {
    if (!(previous instanceof StProgram before)) {
      return;
    }
    retain(before.program.globalLayout(), before.program.globals(), program.globalLayout(),
        program.globals());
    for (Compiled.Instance instance : program.instances()) {
      for (Compiled.Instance old : before.program.instances()) {
        if (old.name().equals(instance.name())) {
          retain(old.layout(), old.frame(), instance.layout(), instance.frame());
        }
      }
    }
  }

  private static void retain(io.twinline.stplc.runtime.Layout fromLayout, Frame from,
      io.twinline.stplc.runtime.Layout toLayout, Frame to) {
    for (io.twinline.stplc.runtime.Var var : toLayout.vars()) {
      io.twinline.stplc.runtime.Var old = fromLayout.get(var.name());
      if (!var.retain() || old == null || !old.type().name.equals(var.type().name)) {
        continue;
      }
      switch (var.type().storage()) {
        case L -> to.l[var.slot()] = from.l[old.slot()];
        case D -> to.d[var.slot()] = from.d[old.slot()];
        case O -> to.o[var.slot()] = io.twinline.stplc.runtime.Values.copy(from.o[old.slot()]);
      }
    }
  }

  @Override
  public void init(ProcessImage io) {
    for (Point p : inputs) {
      p.tag = io.tag(p.path);
    }
    for (Point p : outputs) {
      p.tag = io.tag(p.path);
    }
  }

  @Override
  public void scan(ProcessImage io) {
    if (stopped) {
      return;
    }
    long now = io.now();
    program.clock().now = now;
    for (Point p : inputs) {
      read(io, p);
    }
    try {
      for (int t = 0; t < tasks.length; t++) {
        if (now < due[t]) {
          continue;
        }
        long interval = tasks[t].interval();
        due[t] = interval <= 0 ? now : (due[t] == Long.MIN_VALUE ? now : due[t]) + interval;
        if (due[t] <= now && interval > 0) {
          due[t] = now + interval; // fell behind: resume the grid from now
        }
        Frame[] f = frames[t];
        io.twinline.stplc.runtime.Stmt[] b = bodies[t];
        for (int k = 0; k < f.length; k++) {
          b[k].run(f[k]);
        }
      }
    } catch (StStop stop) {
      stopped = true;
      throw stop.at(now);
    } catch (StackOverflowError e) {
      stopped = true;
      throw new IllegalStateException("PLC STOP: stack overflow (a recursive call?) at"
          + " simulated time " + now / 1e9 + " s", e);
    }
    for (Point p : outputs) {
      write(io, p);
    }
  }

  private static void read(ProcessImage io, Point p) {
    switch (p.type.kind) {
      case BOOL -> p.l[p.slot] = io.bool(p.tag) ? 1 : 0;
      case REAL -> {
        double v = io.number(p.tag);
        p.d[p.slot] = p.type.bits == 32 ? (float) v : v;
      }
      case STRING -> {
        String s = io.text(p.tag);
        p.o[p.slot] = s.length() > p.type.length ? s.substring(0, p.type.length) : s;
      }
      default -> p.l[p.slot] = Ints.wrap(p.wrap, (long) io.number(p.tag));
    }
  }

  /** Every scan, as a PLC's output image is: the image sends only what changes. */
  private static void write(ProcessImage io, Point p) {
    switch (p.type.kind) {
      case BOOL -> io.set(p.tag, p.l[p.slot] != 0);
      case REAL -> io.set(p.tag, p.d[p.slot]);
      case STRING -> io.set(p.path, (String) p.o[p.slot]);
      default -> io.set(p.tag, p.l[p.slot]);
    }
  }
}
