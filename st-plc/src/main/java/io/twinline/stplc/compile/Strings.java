package io.twinline.stplc.compile;

import io.twinline.stplc.runtime.Expr;
import io.twinline.stplc.runtime.Frame;
import io.twinline.stplc.runtime.Type;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * The string functions. Positions count from 1; a length or position outside the string is
 * clamped to it (a result is never longer than the string it comes from).
 */
final class Strings {

  private Strings() {}

  static Expr build(String name, List<Expr> args, Functions fns, Scope scope,
      ParserRuleContext ctx) {
    int n = switch (name) {
      case "LEN" -> 1;
      case "LEFT", "RIGHT", "FIND" -> 2;
      case "MID", "INSERT", "DELETE" -> 3;
      case "REPLACE" -> 4;
      case "CONCAT" -> -1;
      default -> throw new IllegalStateException("no function " + name);
    };
    if (n >= 0 && args.size() != n) {
      fns.problem(scope, ctx, name + " takes " + n + " arguments, not " + args.size(), "");
      return ExprCompiler.error();
    }
    if (n < 0 && args.size() < 2) {
      fns.problem(scope, ctx, "CONCAT takes at least 2 strings", "");
      return ExprCompiler.error();
    }
    // which arguments are strings, which integers
    String shape = switch (name) {
      case "LEN" -> "s";
      case "LEFT", "RIGHT" -> "si";
      case "FIND" -> "ss";
      case "MID", "DELETE" -> "sii";
      case "INSERT" -> "ssi";
      case "REPLACE" -> "ssii";
      default -> "s".repeat(args.size());
    };
    for (int i = 0; i < args.size(); i++) {
      Type t = args.get(i).type;
      boolean ok = shape.charAt(i) == 's' ? t.kind == Type.Kind.STRING : t.isInteger();
      if (!ok) {
        fns.problem(scope, ctx, name + ": argument " + (i + 1) + " must be "
            + (shape.charAt(i) == 's' ? "a STRING" : "an integer") + ", not " + t,
            shape.charAt(i) == 's' ? "convert it with TO_STRING(...)" : "");
        return ExprCompiler.error();
      }
    }
    Expr[] a = args.toArray(Expr[]::new);
    int length = 0;
    for (Expr e : a) {
      length += e.type.kind == Type.Kind.STRING ? e.type.length : 0;
    }
    Type string = Type.string(Math.max(1, Math.min(65535, length)), a[0].type.wide);
    return switch (name) {
      case "LEN" -> new Expr(Type.INT) {
        @Override
        public long l(Frame f) {
          return s(a[0], f).length();
        }

        @Override
        public boolean isConstant() {
          return a[0].isConstant();
        }
      };
      case "FIND" -> new Expr(Type.INT) {
        @Override
        public long l(Frame f) {
          return s(a[0], f).indexOf(s(a[1], f)) + 1;
        }
      };
      default -> new Expr(string) {
        @Override
        public Object o(Frame f) {
          String s = s(a[0], f);
          int len = s.length();
          switch (name) {
            case "LEFT" -> {
              return s.substring(0, clamp(a[1].l(f), 0, len));
            }
            case "RIGHT" -> {
              return s.substring(len - clamp(a[1].l(f), 0, len));
            }
            case "MID" -> { // MID(IN, L, P)
              int p = clamp(a[2].l(f), 1, len + 1) - 1;
              int l = clamp(a[1].l(f), 0, len - p);
              return s.substring(p, p + l);
            }
            case "INSERT" -> { // INSERT(IN1, IN2, P): IN2 after the P-th character of IN1
              int p = clamp(a[2].l(f), 0, len);
              return s.substring(0, p) + s(a[1], f) + s.substring(p);
            }
            case "DELETE" -> { // DELETE(IN, L, P)
              int p = clamp(a[2].l(f), 1, len + 1) - 1;
              int l = clamp(a[1].l(f), 0, len - p);
              return s.substring(0, p) + s.substring(p + l);
            }
            case "REPLACE" -> { // REPLACE(IN1, IN2, L, P)
              int p = clamp(a[3].l(f), 1, len + 1) - 1;
              int l = clamp(a[2].l(f), 0, len - p);
              return s.substring(0, p) + s(a[1], f) + s.substring(p + l);
            }
            default -> {
              StringBuilder out = new StringBuilder(s);
              for (int i = 1; i < a.length; i++) {
                out.append(s(a[i], f));
              }
              return out.toString();
            }
          }
        }

        @Override
        public boolean isConstant() {
          return Selection.allConstant(a);
        }
      };
    };
  }

  private static String s(Expr e, Frame f) {
    return (String) e.o(f);
  }

  private static int clamp(long v, int lo, int hi) {
    return (int) Math.max(lo, Math.min(hi, v));
  }
}
