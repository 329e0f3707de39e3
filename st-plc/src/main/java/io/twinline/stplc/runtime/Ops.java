package io.twinline.stplc.runtime;

/**
 * The operators, one small node each, typed at compile time: integer results wrap at their
 * type's width, integer division truncates toward zero and stops the PLC on a zero divisor, REAL
 * results are rounded to single precision.
 */
public final class Ops {

  private Ops() {}

  /** The operator codes of the generic nodes. */
  public static final int ADD = 0, SUB = 1, MUL = 2, DIV = 3, MOD = 4, AND = 5, OR = 6, XOR = 7,
      EQ = 8, NE = 9, LT = 10, LE = 11, GT = 12, GE = 13, POW = 14;

  public abstract static class BinL extends Expr {
    final Expr a;
    final Expr b;
    final int wrap;

    BinL(Type type, Expr a, Expr b) {
      super(type);
      this.a = a;
      this.b = b;
      this.wrap = type.wrapCode();
    }

    @Override
    public boolean isConstant() {
      return a.isConstant() && b.isConstant();
    }
  }

  public static final class AddL extends BinL {
    public AddL(Type type, Expr a, Expr b) {
      super(type, a, b);
    }

    @Override
    public long l(Frame f) {
      return Ints.wrap(wrap, a.l(f) + b.l(f));
    }
  }

  public static final class SubL extends BinL {
    public SubL(Type type, Expr a, Expr b) {
      super(type, a, b);
    }

    @Override
    public long l(Frame f) {
      return Ints.wrap(wrap, a.l(f) - b.l(f));
    }
  }

  public static final class MulL extends BinL {
    public MulL(Type type, Expr a, Expr b) {
      super(type, a, b);
    }

    @Override
    public long l(Frame f) {
      return Ints.wrap(wrap, a.l(f) * b.l(f));
    }
  }

  public static final class DivL extends BinL {
    final Site site;
    final boolean unsigned64;
    final boolean modulo;

    public DivL(Type type, Expr a, Expr b, Site site, boolean modulo) {
      super(type, a, b);
      this.site = site;
      this.unsigned64 = !type.signed && type.bits == 64 && type.kind == Type.Kind.INT;
      this.modulo = modulo;
    }

    @Override
    public long l(Frame f) {
      long x = a.l(f);
      long y = b.l(f);
      if (y == 0) {
        throw new StStop(modulo ? "MOD by zero" : "division by zero", site,
            "dividend = " + Values.format(a.type, x, 0, null));
      }
      if (unsigned64) {
        return modulo ? Long.remainderUnsigned(x, y) : Long.divideUnsigned(x, y);
      }
      return Ints.wrap(wrap, modulo ? x % y : x / y);
    }
  }

  public static final class NegL extends Expr {
    final Expr a;
    final int wrap;

    public NegL(Type type, Expr a) {
      super(type);
      this.a = a;
      this.wrap = type.wrapCode();
    }

    @Override
    public long l(Frame f) {
      return Ints.wrap(wrap, -a.l(f));
    }

    @Override
    public boolean isConstant() {
      return a.isConstant();
    }
  }

  /** AND, OR, XOR of BOOLs (0/1) or bit strings: both operands are always evaluated (IEC). */
  public static final class AndL extends BinL {
    public AndL(Type type, Expr a, Expr b) {
      super(type, a, b);
    }

    @Override
    public long l(Frame f) {
      return a.l(f) & b.l(f);
    }
  }

  public static final class OrL extends BinL {
    public OrL(Type type, Expr a, Expr b) {
      super(type, a, b);
    }

    @Override
    public long l(Frame f) {
      return a.l(f) | b.l(f);
    }
  }

  public static final class XorL extends BinL {
    public XorL(Type type, Expr a, Expr b) {
      super(type, a, b);
    }

    @Override
    public long l(Frame f) {
      return a.l(f) ^ b.l(f);
    }
  }

  /** NOT: of a BOOL, or the complement of a bit string at its width. */
  public static final class NotL extends Expr {
    final Expr a;
    final int wrap;
    final boolean bool;

    public NotL(Type type, Expr a) {
      super(type);
      this.a = a;
      this.wrap = type.wrapCode();
      this.bool = type.kind == Type.Kind.BOOL;
    }

    @Override
    public long l(Frame f) {
      return bool ? a.l(f) ^ 1 : Ints.wrap(wrap, ~a.l(f));
    }

    @Override
    public boolean isConstant() {
      return a.isConstant();
    }
  }

  public static final class EqL extends BinL {
    public EqL(Expr a, Expr b) {
      super(Type.BOOL, a, b);
    }

    @Override
    public long l(Frame f) {
      return a.l(f) == b.l(f) ? 1 : 0;
    }
  }

  public static final class NeL extends BinL {
    public NeL(Expr a, Expr b) {
      super(Type.BOOL, a, b);
    }

    @Override
    public long l(Frame f) {
      return a.l(f) != b.l(f) ? 1 : 0;
    }
  }

  public static final class LtL extends BinL {
    public LtL(Expr a, Expr b) {
      super(Type.BOOL, a, b);
    }

    @Override
    public long l(Frame f) {
      return a.l(f) < b.l(f) ? 1 : 0;
    }
  }

  public static final class LeL extends BinL {
    public LeL(Expr a, Expr b) {
      super(Type.BOOL, a, b);
    }

    @Override
    public long l(Frame f) {
      return a.l(f) <= b.l(f) ? 1 : 0;
    }
  }

  /** Comparisons of 64-bit unsigned integers. */
  public static final class CmpU extends BinL {
    final int op;

    public CmpU(int op, Expr a, Expr b) {
      super(Type.BOOL, a, b);
      this.op = op;
    }

    @Override
    public long l(Frame f) {
      return test(op, Long.compareUnsigned(a.l(f), b.l(f))) ? 1 : 0;
    }
  }

  static boolean test(int op, int c) {
    return switch (op) {
      case EQ -> c == 0;
      case NE -> c != 0;
      case LT -> c < 0;
      case LE -> c <= 0;
      case GT -> c > 0;
      default -> c >= 0;
    };
  }

  public static final class CmpD extends Expr {
    final Expr a;
    final Expr b;
    final int op;

    public CmpD(int op, Expr a, Expr b) {
      super(Type.BOOL);
      this.a = a;
      this.b = b;
      this.op = op;
    }

    @Override
    public long l(Frame f) {
      double x = a.d(f);
      double y = b.d(f);
      boolean r = switch (op) {
        case EQ -> x == y;
        case NE -> x != y;
        case LT -> x < y;
        case LE -> x <= y;
        case GT -> x > y;
        default -> x >= y;
      };
      return r ? 1 : 0;
    }

    @Override
    public boolean isConstant() {
      return a.isConstant() && b.isConstant();
    }
  }

  /** Comparison of strings (character by character). */
  public static final class CmpO extends Expr {
    final Expr a;
    final Expr b;
    final int op;

    public CmpO(int op, Expr a, Expr b) {
      super(Type.BOOL);
      this.a = a;
      this.b = b;
      this.op = op;
    }

    @Override
    public long l(Frame f) {
      return test(op, ((String) a.o(f)).compareTo((String) b.o(f))) ? 1 : 0;
    }

    @Override
    public boolean isConstant() {
      return a.isConstant() && b.isConstant();
    }
  }

  /** REAL and LREAL arithmetic; REAL rounds every result to single precision. */
  public static final class ArithD extends Expr {
    final Expr a;
    final Expr b;
    final int op;
    final boolean single;

    public ArithD(Type type, int op, Expr a, Expr b) {
      super(type);
      this.a = a;
      this.b = b;
      this.op = op;
      this.single = type.bits == 32;
    }

    @Override
    public double d(Frame f) {
      double x = a.d(f);
      double y = b.d(f);
      double r = switch (op) {
        case ADD -> x + y;
        case SUB -> x - y;
        case MUL -> x * y;
        case DIV -> x / y;
        case MOD -> x % y;
        default -> Math.pow(x, y);
      };
      return single ? (float) r : r;
    }

    @Override
    public boolean isConstant() {
      return a.isConstant() && b.isConstant();
    }
  }

  public static final class NegD extends Expr {
    final Expr a;

    public NegD(Type type, Expr a) {
      super(type);
      this.a = a;
    }

    @Override
    public double d(Frame f) {
      return -a.d(f);
    }

    @Override
    public boolean isConstant() {
      return a.isConstant();
    }
  }
}
