package io.twinline.stplc.compile;

import io.twinline.stplc.runtime.Expr;
import io.twinline.stplc.runtime.Frame;
import io.twinline.stplc.runtime.Ints;
import io.twinline.stplc.runtime.Type;
import org.antlr.v4.runtime.ParserRuleContext;

/** MIN, MAX, LIMIT, SEL, MUX and the bit shifts. */
final class Selection {

  private Selection() {}

  static Expr minMax(boolean max, Expr[] a, Functions fns, Scope scope, ParserRuleContext ctx) {
    if (a == null) {
      return ExprCompiler.error();
    }
    Type t = a[0].type;
    boolean unsigned64 = t.isInteger() && !t.signed && t.bits == 64;
    return switch (t.storage()) {
      case L -> new Expr(t) {
        @Override
        public long l(Frame f) {
          long best = a[0].l(f);
          for (int i = 1; i < a.length; i++) {
            long v = a[i].l(f);
            int cmp = unsigned64 ? Long.compareUnsigned(v, best) : Long.compare(v, best);
            if (max ? cmp > 0 : cmp < 0) {
              best = v;
            }
          }
          return best;
        }

        @Override
        public boolean isConstant() {
          return allConstant(a);
        }
      };
      case D -> new Expr(t) {
        @Override
        public double d(Frame f) {
          double best = a[0].d(f);
          for (int i = 1; i < a.length; i++) {
            double v = a[i].d(f);
            best = max ? Math.max(best, v) : Math.min(best, v);
          }
          return best;
        }

        @Override
        public boolean isConstant() {
          return allConstant(a);
        }
      };
      case O -> new Expr(t) {
        @Override
        public Object o(Frame f) {
          String best = (String) a[0].o(f);
          for (int i = 1; i < a.length; i++) {
            String v = (String) a[i].o(f);
            int cmp = v.compareTo(best);
            if (max ? cmp > 0 : cmp < 0) {
              best = v;
            }
          }
          return best;
        }
      };
    };
  }

  static boolean allConstant(Expr[] a) {
    for (Expr e : a) {
      if (!e.isConstant()) {
        return false;
      }
    }
    return true;
  }

  /** LIMIT(MN, IN, MX). */
  static Expr limit(Expr[] a) {
    Type t = a[0].type;
    if (t.storage() == Type.Storage.D) {
      return new Expr(t) {
        @Override
        public double d(Frame f) {
          return Math.min(Math.max(a[1].d(f), a[0].d(f)), a[2].d(f));
        }

        @Override
        public boolean isConstant() {
          return allConstant(a);
        }
      };
    }
    return new Expr(t) {
      @Override
      public long l(Frame f) {
        return Math.min(Math.max(a[1].l(f), a[0].l(f)), a[2].l(f));
      }

      @Override
      public boolean isConstant() {
        return allConstant(a);
      }
    };
  }

  /** SEL(G, IN0, IN1) and MUX(K, IN0, ...): the input the selector names (clamped to the last). */
  static Expr mux(Expr k, Expr[] a) {
    Type t = a[0].type;
    return new Expr(t) {
      private int pick(Frame f) {
        long i = k.l(f);
        return (int) Math.max(0, Math.min(a.length - 1, i));
      }

      @Override
      public long l(Frame f) {
        return a[pick(f)].l(f);
      }

      @Override
      public double d(Frame f) {
        return a[pick(f)].d(f);
      }

      @Override
      public Object o(Frame f) {
        return a[pick(f)].o(f);
      }

      @Override
      public boolean isConstant() {
        return k.isConstant() && allConstant(a);
      }
    };
  }

  static Expr shift(String op, Type t, Expr in, Expr n) {
    int bits = t.bits;
    int wrap = t.wrapCode();
    long mask = bits == 64 ? -1L : (1L << bits) - 1;
    return new Expr(t) {
      @Override
      public long l(Frame f) {
        long v = in.l(f) & mask;
        long s = n.l(f);
        long r;
        switch (op) {
          case "SHL" -> r = s >= bits || s < 0 ? 0 : v << s;
          case "SHR" -> r = s >= bits || s < 0 ? 0 : v >>> s;
          case "ROL" -> {
            int k = (int) Math.floorMod(s, bits);
            r = k == 0 ? v : (v << k) | (v >>> (bits - k));
          }
          default -> {
            int k = (int) Math.floorMod(s, bits);
            r = k == 0 ? v : (v >>> k) | (v << (bits - k));
          }
        }
        return Ints.wrap(wrap, r & mask);
      }

      @Override
      public boolean isConstant() {
        return in.isConstant() && n.isConstant();
      }
    };
  }
}
