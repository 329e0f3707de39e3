package io.twinline.stplc;

import io.twinline.line.InvalidDefinitionException;
import io.twinline.stplc.compile.Compiled;
import io.twinline.stplc.compile.Compiler;
import io.twinline.stplc.runtime.Frame;
import io.twinline.stplc.runtime.StStop;
import io.twinline.stplc.runtime.Var;

/** A compiled program scanned by hand, at times the test gives: for language tests. */
final class Plc {

  final Compiled compiled;
  long now;

  private Plc(Compiled compiled) {
    this.compiled = compiled;
  }

  static Plc of(String text) throws InvalidDefinitionException {
    return new Plc(Compiler.compile("test.st", text, 0));
  }

  /** One scan of every program at simulated time {@code timeNs}. */
  Plc scanAt(long timeNs) {
    now = timeNs;
    compiled.clock().now = timeNs;
    for (Compiled.Instance instance : compiled.instances()) {
      try {
        instance.layout().body.run(instance.frame());
      } catch (StStop stop) {
        throw stop.at(timeNs);
      }
    }
    return this;
  }

  /** {@code n} scans, {@code stepNs} apart, the first {@code stepNs} after the last one. */
  Plc scans(int n, long stepNs) {
    for (int i = 0; i < n; i++) {
      scanAt(now + stepNs);
    }
    return this;
  }

  /** A variable of the first program (or a global), formatted as ST writes values. */
  String get(String name) {
    Compiled.Instance main = compiled.instances().get(0);
    String[] parts = name.split("\\.");
    Var var = main.layout().get(parts[0]);
    Frame frame = main.frame();
    if (var == null) {
      var = compiled.globalLayout().get(parts[0]);
      frame = compiled.globals();
    }
    if (var == null) {
      throw new IllegalArgumentException("no variable " + name);
    }
    for (int i = 1; i < parts.length; i++) {
      frame = (Frame) frame.o[var.slot()];
      var = frame.layout.get(parts[i]);
      if (var == null) {
        throw new IllegalArgumentException("no member " + parts[i] + " in " + name);
      }
    }
    return var.format(frame);
  }
}
