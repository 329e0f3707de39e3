package io.twinline.stplc;

import io.twinline.sim.controller.WatchedVariable;
import io.twinline.stplc.compile.Compiled;
import io.twinline.stplc.runtime.Frame;
import io.twinline.stplc.runtime.Type;
import io.twinline.stplc.runtime.Values;
import io.twinline.stplc.runtime.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * The variables of a compiled program an engineer can watch: the globals and each program
 * instance's variables of elementary types, and the outputs of its function block instances
 * ({@code t1.Q}, {@code t1.ET}). Each is read at its resolved slot; nothing is looked up by
 * name when the values are copied.
 */
final class StWatch {

  /** One watched variable: in {@code frame} (or in the instance at {@code instanceSlot}). */
  private record Point(WatchedVariable variable, Frame frame, int instanceSlot, Var var) {

    Object value() {
      Frame f = instanceSlot < 0 ? frame : (Frame) frame.o[instanceSlot];
      Type type = var.type();
      return switch (variable.kind()) {
        case BOOL -> f.l[var.slot()] != 0;
        case INTEGER -> f.l[var.slot()];
        case REAL -> f.d[var.slot()];
        case TEXT -> type.kind == Type.Kind.STRING ? String.valueOf(f.o[var.slot()])
            : switch (type.storage()) {
          case L -> Values.format(type, f.l[var.slot()], 0, null);
          case D -> Values.format(type, 0, f.d[var.slot()], null);
          case O -> Values.format(type, 0, 0, f.o[var.slot()]);
        };
      };
    }
  }

  private final List<WatchedVariable> variables = new ArrayList<>();
  private final Point[] points;

  StWatch(Compiled program) {
    List<Point> found = new ArrayList<>();
    add(found, "Globals", program.globals(), program.globalLayout().vars());
    for (Compiled.Instance instance : program.instances()) {
      add(found, instance.name(), instance.frame(), instance.layout().vars());
    }
    points = found.toArray(Point[]::new);
    for (Point p : points) {
      variables.add(p.variable());
    }
  }

  private static void add(List<Point> found, String owner, Frame frame, List<Var> vars) {
    for (Var var : vars) {
      if (var.section() == Var.Section.TEMP || var.section() == Var.Section.EXTERNAL) {
        continue; // a temporary has no value between scans; an external is shown as a global
      }
      WatchedVariable.Kind kind = kind(var.type());
      if (kind != null) {
        found.add(new Point(new WatchedVariable(owner + "/" + var.name(), kind,
            var.type().name), frame, -1, var));
      } else if (var.type().kind == Type.Kind.FB) {
        for (Var output : var.type().layout.vars()) {
          WatchedVariable.Kind outputKind = kind(output.type());
          if (output.section() == Var.Section.OUTPUT && outputKind != null) {
            found.add(new Point(new WatchedVariable(owner + "/" + var.name() + "."
                + output.name(), outputKind, output.type().name), frame, var.slot(), output));
          }
        }
      }
    }
  }

  /** How a value of an elementary type is given; null for arrays, structures and instances. */
  private static WatchedVariable.Kind kind(Type type) {
    return switch (type.kind) {
      case BOOL -> WatchedVariable.Kind.BOOL;
      case INT, DATE, TOD, DT -> WatchedVariable.Kind.INTEGER; // the dates: ns, as stored
      case REAL -> WatchedVariable.Kind.REAL;
      case TIME, STRING, ENUM -> WatchedVariable.Kind.TEXT;
      default -> null;
    };
  }

  List<WatchedVariable> variables() {
    return variables;
  }

  void copy(Object[] values) {
    for (int i = 0; i < points.length; i++) {
      values[i] = points[i].value();
    }
  }
}
