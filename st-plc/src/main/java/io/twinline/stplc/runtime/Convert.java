package io.twinline.stplc.runtime;

/** Type conversions, implicit (widening) and the {@code *_TO_*} functions. */
public final class Convert {

  private Convert() {}

  /** An integer (or TIME, BOOL) as a real. */
  public static final class IntToReal extends Expr {
    final Expr a;
    final boolean unsigned64;
    final boolean single;

    public IntToReal(Type type, Expr a) {
      super(type);
      this.a = a;
      this.unsigned64 = a.type.kind == Type.Kind.INT && !a.type.signed && a.type.bits == 64;
      this.single = type.bits == 32;
    }

    @Override
    public double d(Frame f) {
      long v = a.l(f);
      double r = unsigned64 && v < 0 ? (double) (v >>> 1) * 2.0 + (v & 1) : (double) v;
      return single ? (float) r : r;
    }

    @Override
    public boolean isConstant() {
      return a.isConstant();
    }
  }

  /** A real as an integer: rounded to nearest (halves away from zero), or truncated (TRUNC). */
  public static final class RealToInt extends Expr {
    final Expr a;
    final boolean truncate;
    final int wrap;

    public RealToInt(Type type, Expr a, boolean truncate) {
      super(type);
      this.a = a;
      this.truncate = truncate;
      this.wrap = type.wrapCode();
    }

    @Override
    public long l(Frame f) {
      double v = a.d(f);
      double r = truncate ? v : (v < 0 ? -Math.floor(-v + 0.5) : Math.floor(v + 0.5));
      return Ints.wrap(wrap, (long) r);
    }

    @Override
    public boolean isConstant() {
      return a.isConstant();
    }
  }

  /** An integer to another integer type: wraps to the target's width; to BOOL: not zero. */
  public static final class Narrow extends Expr {
    final Expr a;
    final int wrap;

    public Narrow(Type type, Expr a) {
      super(type);
      this.a = a;
      this.wrap = type.wrapCode();
    }

    @Override
    public long l(Frame f) {
      return Ints.wrap(wrap, a.l(f));
    }

    @Override
    public boolean isConstant() {
      return a.isConstant();
    }
  }

  /** {@code a * mul / div}, wrapped: TIME (ns) to and from milliseconds. */
  public static final class Scale extends Expr {
    final Expr a;
    final long mul;
    final long div;
    final int wrap;

    public Scale(Type type, Expr a, long mul, long div) {
      super(type);
      this.a = a;
      this.mul = mul;
      this.div = div;
      this.wrap = type.wrapCode();
    }

    @Override
    public long l(Frame f) {
      return Ints.wrap(wrap, a.l(f) * mul / div);
    }

    @Override
    public boolean isConstant() {
      return a.isConstant();
    }
  }

  /** REAL to LREAL and back. */
  public static final class RealToReal extends Expr {
    final Expr a;
    final boolean single;

    public RealToReal(Type type, Expr a) {
      super(type);
      this.a = a;
      this.single = type.bits == 32;
    }

    @Override
    public double d(Frame f) {
      double v = a.d(f);
      return single ? (float) v : v;
    }

    @Override
    public boolean isConstant() {
      return a.isConstant();
    }
  }

  /** A real as a TIME (milliseconds to ns). */
  public static final class RealToTime extends Expr {
    final Expr a;
    final double scale;

    public RealToTime(Type type, Expr a, double scale) {
      super(type);
      this.a = a;
      this.scale = scale;
    }

    @Override
    public long l(Frame f) {
      return Math.round(a.d(f) * scale);
    }
  }

  /** Any elementary value as text. */
  public static final class ToText extends Expr {
    final Expr a;

    public ToText(Type type, Expr a) {
      super(type);
      this.a = a;
    }

    @Override
    public Object o(Frame f) {
      return switch (a.type.kind) {
        case BOOL -> a.l(f) != 0 ? "TRUE" : "FALSE";
        case REAL -> {
          double v = a.d(f);
          yield a.type.bits == 32 ? Float.toString((float) v) : Double.toString(v);
        }
        case STRING -> a.o(f);
        case TIME -> Times.format(a.l(f));
        default -> a.type.kind == Type.Kind.INT && !a.type.signed && a.type.bits == 64
            ? Long.toUnsignedString(a.l(f)) : Long.toString(a.l(f));
      };
    }
  }

  /** Text as a number (an integer or BOOL in {@code l}, a real in {@code d}); 0 if it is none. */
  public static final class FromText extends Expr {
    final Expr a;
    final int wrap;

    public FromText(Type type, Expr a) {
      super(type);
      this.a = a;
      this.wrap = type.wrapCode();
    }

    @Override
    public long l(Frame f) {
      String s = ((String) a.o(f)).strip().replace("_", "");
      if (type.kind == Type.Kind.BOOL) {
        return s.equalsIgnoreCase("TRUE") || s.equals("1") ? 1 : 0;
      }
      try {
        return Ints.wrap(wrap, Long.parseLong(s));
      } catch (NumberFormatException e) {
        try {
          return Ints.wrap(wrap, (long) Double.parseDouble(s));
        } catch (NumberFormatException e2) {
          return 0;
        }
      }
    }

    @Override
    public double d(Frame f) {
      try {
        double v = Double.parseDouble(((String) a.o(f)).strip().replace("_", ""));
        return type.bits == 32 ? (float) v : v;
      } catch (NumberFormatException e) {
        return 0;
      }
    }
  }

  /** A string cut to its type's declared length. */
  public static final class Truncate extends Expr {
    final Expr a;
    final int length;

    public Truncate(Type type, Expr a) {
      super(type);
      this.a = a;
      this.length = type.length;
    }

    @Override
    public Object o(Frame f) {
      String s = (String) a.o(f);
      return s.length() > length ? s.substring(0, length) : s;
    }

    @Override
    public boolean isConstant() {
      return a.isConstant();
    }
  }
}
