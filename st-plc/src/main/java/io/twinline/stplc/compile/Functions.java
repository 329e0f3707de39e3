package io.twinline.stplc.compile;

import io.twinline.stplc.parse.StParser;
import io.twinline.stplc.runtime.Access;
import io.twinline.stplc.runtime.Convert;
import io.twinline.stplc.runtime.Expr;
import io.twinline.stplc.runtime.Frame;
import io.twinline.stplc.runtime.Ints;
import io.twinline.stplc.runtime.Ops;
import io.twinline.stplc.runtime.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * The standard functions: type conversions ({@code *_TO_*}, {@code TO_*}, TRUNC), numeric,
 * bit shifts, selection, and strings (positions count from 1, as IEC says).
 */
final class Functions {

  static final List<String> NAMES = List.of("ABS", "SQRT", "LN", "LOG", "EXP", "SIN", "COS",
      "TAN", "ASIN", "ACOS", "ATAN", "EXPT", "MIN", "MAX", "LIMIT", "SEL", "MUX", "SHL", "SHR",
      "ROL", "ROR", "MOVE", "TRUNC", "LEN", "LEFT", "RIGHT", "MID", "CONCAT", "INSERT", "DELETE",
      "REPLACE", "FIND", "INT_TO_REAL", "REAL_TO_INT", "BOOL_TO_INT", "TIME_TO_DINT");

  private final Compiler c;
  private final ExprCompiler exprs;

  Functions(Compiler compiler, ExprCompiler exprs) {
    this.c = compiler;
    this.exprs = exprs;
  }

  void problem(Scope scope, ParserRuleContext ctx, String message, String hint) {
    c.problem(scope.source, ctx, message, hint);
  }

  /** The standard function {@code name} called with {@code call}'s arguments; null if none. */
  Expr call(String name, StParser.CallContext call, Scope scope) {
    if (!known(name)) {
      return null;
    }
    List<Expr> args = new ArrayList<>();
    for (ExprCompiler.Argument a : ExprCompiler.arguments(call)) {
      if (a.output()) {
        problem(scope, a.ctx(), name + " has no outputs", "");
        return ExprCompiler.error();
      }
      Expr e = exprs.expr(a.value(), scope);
      if (ExprCompiler.bad(e)) {
        return e;
      }
      args.add(e);
    }
    Expr result = build(name, args, scope, call);
    return result;
  }

  private static boolean known(String name) {
    return NAMES.contains(name) || name.startsWith("TO_") || name.contains("_TO_")
        || name.startsWith("TRUNC_");
  }

  private boolean arity(String name, List<Expr> args, int n, Scope scope, ParserRuleContext ctx) {
    if (args.size() != n) {
      problem(scope, ctx, name + " takes " + n + " argument" + (n == 1 ? "" : "s") + ", not "
          + args.size(), "");
      return false;
    }
    return true;
  }

  private Expr build(String name, List<Expr> args, Scope scope, StParser.CallContext ctx) {
    if (name.contains("_TO_") || name.startsWith("TO_") || name.equals("TRUNC")
        || name.startsWith("TRUNC_")) {
      return conversion(name, args, scope, ctx);
    }
    switch (name) {
      case "ABS" -> {
        if (!arity(name, args, 1, scope, ctx)) {
          return ExprCompiler.error();
        }
        Expr a = args.get(0);
        if (a.type.isInteger()) {
          Type t = a.type == Type.ANY_INT ? Type.LINT : a.type;
          int wrap = t.wrapCode();
          return new Expr(t) {
            @Override
            public long l(Frame f) {
              return Ints.wrap(wrap, Math.abs(a.l(f)));
            }
          };
        }
        return real(name, a, Math::abs, scope, ctx);
      }
      case "SQRT" -> {
        return arity(name, args, 1, scope, ctx) ? real(name, args.get(0), Math::sqrt, scope, ctx)
            : ExprCompiler.error();
      }
      case "LN" -> {
        return arity(name, args, 1, scope, ctx) ? real(name, args.get(0), Math::log, scope, ctx)
            : ExprCompiler.error();
      }
      case "LOG" -> {
        return arity(name, args, 1, scope, ctx) ? real(name, args.get(0), Math::log10, scope, ctx)
            : ExprCompiler.error();
      }
      case "EXP" -> {
        return arity(name, args, 1, scope, ctx) ? real(name, args.get(0), Math::exp, scope, ctx)
            : ExprCompiler.error();
      }
      case "SIN", "COS", "TAN", "ASIN", "ACOS", "ATAN" -> {
        if (!arity(name, args, 1, scope, ctx)) {
          return ExprCompiler.error();
        }
        DoubleUnaryOperator op = switch (name) {
          case "SIN" -> Math::sin;
          case "COS" -> Math::cos;
          case "TAN" -> Math::tan;
          case "ASIN" -> Math::asin;
          case "ACOS" -> Math::acos;
          default -> Math::atan;
        };
        return real(name, args.get(0), op, scope, ctx);
      }
      case "EXPT" -> {
        if (!arity(name, args, 2, scope, ctx)) {
          return ExprCompiler.error();
        }
        Type t = args.get(0).type.kind == Type.Kind.REAL && args.get(0).type != Type.ANY_REAL
            ? args.get(0).type : Type.LREAL;
        return new Ops.ArithD(t, Ops.POW, toReal(args.get(0), scope, ctx),
            toReal(args.get(1), scope, ctx));
      }
      case "MOVE" -> {
        return arity(name, args, 1, scope, ctx) ? args.get(0) : ExprCompiler.error();
      }
      case "MIN", "MAX" -> {
        if (args.size() < 2) {
          problem(scope, ctx, name + " takes at least 2 arguments", "");
          return ExprCompiler.error();
        }
        return Selection.minMax(name.equals("MAX"), common(args, scope, ctx), this, scope, ctx);
      }
      case "LIMIT" -> {
        if (!arity(name, args, 3, scope, ctx)) {
          return ExprCompiler.error();
        }
        Expr[] a = common(args, scope, ctx);
        return a == null ? ExprCompiler.error() : Selection.limit(a);
      }
      case "SEL" -> {
        if (!arity(name, args, 3, scope, ctx)) {
          return ExprCompiler.error();
        }
        Expr g = args.get(0);
        if (g.type.kind != Type.Kind.BOOL) {
          problem(scope, ctx, "SEL's first argument G must be a BOOL, not " + g.type, "");
          return ExprCompiler.error();
        }
        Expr[] a = common(args.subList(1, 3), scope, ctx);
        return a == null ? ExprCompiler.error() : Selection.mux(g, a);
      }
      case "MUX" -> {
        if (args.size() < 2) {
          problem(scope, ctx, "MUX takes K and at least one input", "");
          return ExprCompiler.error();
        }
        Expr k = args.get(0);
        if (!k.type.isInteger()) {
          problem(scope, ctx, "MUX's first argument K must be an integer, not " + k.type, "");
          return ExprCompiler.error();
        }
        Expr[] a = common(args.subList(1, args.size()), scope, ctx);
        return a == null ? ExprCompiler.error() : Selection.mux(k, a);
      }
      case "SHL", "SHR", "ROL", "ROR" -> {
        if (!arity(name, args, 2, scope, ctx)) {
          return ExprCompiler.error();
        }
        Expr in = args.get(0);
        Expr n = args.get(1);
        if (!in.type.isInteger() || !n.type.isInteger()) {
          problem(scope, ctx, name + " takes a bit string and a count, not " + in.type + " and "
              + n.type, "");
          return ExprCompiler.error();
        }
        return Selection.shift(name, in.type == Type.ANY_INT ? Type.DWORD : in.type, in, n);
      }
      default -> {
        return Strings.build(name, args, this, scope, ctx);
      }
    }
  }

  Expr toReal(Expr a, Scope scope, ParserRuleContext ctx) {
    return exprs.coerce(a, Type.LREAL, scope.source, ctx, "");
  }

  private Expr real(String name, Expr a, DoubleUnaryOperator op, Scope scope,
      ParserRuleContext ctx) {
    if (!a.type.isNumeric()) {
      problem(scope, ctx, name + " takes a number, not " + a.type, "");
      return ExprCompiler.error();
    }
    Type t = a.type.kind == Type.Kind.REAL && a.type != Type.ANY_REAL ? a.type : Type.LREAL;
    Expr x = toReal(a, scope, ctx);
    boolean single = t.bits == 32;
    return new Expr(t) {
      @Override
      public double d(Frame f) {
        double r = op.applyAsDouble(x.d(f));
        return single ? (float) r : r;
      }

      @Override
      public boolean isConstant() {
        return x.isConstant();
      }
    };
  }

  /** The arguments converted to their common type; null (reported) if they have none. */
  Expr[] common(List<Expr> args, Scope scope, ParserRuleContext ctx) {
    Type t = args.get(0).type;
    for (Expr a : args) {
      if (a.type.isNumeric() && t.isNumeric()) {
        t = ExprCompiler.common(t, a.type);
      } else if (a.type.kind != t.kind) {
        problem(scope, ctx, "arguments of different types: " + t + " and " + a.type, "");
        return null;
      }
    }
    if (t == Type.ANY_INT) {
      t = Type.DINT;
    } else if (t == Type.ANY_REAL) {
      t = Type.LREAL;
    } else if (t.kind == Type.Kind.STRING) {
      int length = 0;
      for (Expr a : args) {
        length = Math.max(length, a.type.length);
      }
      t = Type.string(length, t.wide);
    }
    Expr[] out = new Expr[args.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = t.kind == Type.Kind.STRING ? args.get(i)
          : exprs.coerce(args.get(i), t, scope.source, ctx, "");
    }
    return out;
  }

  // ---- conversions

  private Expr conversion(String name, List<Expr> args, Scope scope, ParserRuleContext ctx) {
    if (!arity(name, args, 1, scope, ctx)) {
      return ExprCompiler.error();
    }
    Expr a = args.get(0);
    String to;
    if (name.equals("TRUNC")) {
      to = "DINT";
    } else if (name.startsWith("TRUNC_")) {
      to = name.substring(6);
    } else {
      to = name.substring(name.lastIndexOf("TO_") + 3);
      if (!name.startsWith("TO_")) {
        String from = name.substring(0, name.indexOf("_TO_"));
        Type declared = Type.ELEMENTARY.get(from);
        if (declared == null) {
          return null;
        }
        if (!compatible(declared, a.type)) {
          problem(scope, ctx, name + " takes a " + from + ", not a " + a.type,
              "use " + ExprCompiler.base(a.type).name.replace("ANY_INT", "DINT")
                  .replace("ANY_REAL", "LREAL") + "_TO_" + to + ", or TO_" + to);
          return ExprCompiler.error();
        }
        if (a.type == Type.ANY_INT || a.type == Type.ANY_REAL) {
          a = exprs.coerce(a, declared, scope.source, ctx, "");
        }
      }
    }
    Type target = Type.ELEMENTARY.get(to);
    if (target == null) {
      return null;
    }
    if (target.kind == Type.Kind.STRING) {
      return new Convert.ToText(target, a);
    }
    boolean truncate = name.startsWith("TRUNC");
    return convert(a, target, truncate, scope, ctx, name);
  }

  private static boolean compatible(Type declared, Type actual) {
    if (actual == Type.ANY_INT) {
      return declared.isInteger() || declared.kind == Type.Kind.REAL;
    }
    if (actual == Type.ANY_REAL) {
      return declared.kind == Type.Kind.REAL;
    }
    if (declared.kind == Type.Kind.STRING) {
      return actual.kind == Type.Kind.STRING;
    }
    return declared.kind == actual.kind && (declared.kind != Type.Kind.INT
        || (declared.bits == actual.bits && declared.signed == actual.signed));
  }

  private Expr convert(Expr a, Type target, boolean truncate, Scope scope,
      ParserRuleContext ctx, String name) {
    Type from = a.type;
    switch (from.kind) {
      case STRING -> {
        return new Convert.FromText(target, a);
      }
      case BOOL, INT, ENUM -> {
        if (target.kind == Type.Kind.BOOL) {
          return new Ops.NeL(a, new Access.ConstL(from, 0));
        }
        if (target.isInteger()) {
          return new Convert.Narrow(target, a);
        }
        if (target.kind == Type.Kind.REAL) {
          return new Convert.IntToReal(target, a);
        }
        if (target.kind == Type.Kind.TIME) {
          return new Convert.Scale(target, a, 1_000_000L, 1);
        }
      }
      case REAL -> {
        if (target.isInteger() || target.kind == Type.Kind.BOOL) {
          Expr i = new Convert.RealToInt(target.kind == Type.Kind.BOOL ? Type.LINT : target, a,
              truncate);
          return target.kind == Type.Kind.BOOL ? new Ops.NeL(i, new Access.ConstL(Type.LINT, 0))
              : i;
        }
        if (target.kind == Type.Kind.REAL) {
          return new Convert.RealToReal(target, a);
        }
        if (target.kind == Type.Kind.TIME) {
          return new Convert.RealToTime(target, a, 1e6);
        }
      }
      case TIME -> {
        if (target.isInteger()) {
          return new Convert.Scale(target, a, 1, 1_000_000L);
        }
        if (target.kind == Type.Kind.REAL) {
          return new Ops.ArithD(target, Ops.DIV, new Convert.IntToReal(Type.LREAL, a),
              new Access.ConstD(Type.LREAL, 1e6));
        }
        if (target.kind == Type.Kind.TIME) {
          return a;
        }
      }
      case DATE, TOD, DT -> {
        if (target.kind == from.kind) {
          return a;
        }
        if (target.isInteger()) {
          return new Convert.Scale(target, a, 1, 1_000_000_000L);
        }
      }
      default -> { }
    }
    problem(scope, ctx, name + ": no conversion from " + from + " to " + target, "");
    return ExprCompiler.error();
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
