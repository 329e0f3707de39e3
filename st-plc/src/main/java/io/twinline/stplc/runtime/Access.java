package io.twinline.stplc.runtime;

/** Literals and the variables a program reads and writes, each at its resolved slot. */
public final class Access {

  private Access() {}

  public static final class ConstL extends Expr {
    final long value;

    public ConstL(Type type, long value) {
      super(type);
      this.value = value;
    }

    @Override
    public long l(Frame f) {
      return value;
    }

    @Override
    public boolean isConstant() {
      return true;
    }
  }

  public static final class ConstD extends Expr {
    final double value;

    public ConstD(Type type, double value) {
      super(type);
      this.value = value;
    }

    @Override
    public double d(Frame f) {
      return value;
    }

    @Override
    public boolean isConstant() {
      return true;
    }
  }

  public static final class ConstO extends Expr {
    final Object value;

    public ConstO(Type type, Object value) {
      super(type);
      this.value = value;
    }

    @Override
    public Object o(Frame f) {
      return value;
    }

    @Override
    public boolean isConstant() {
      return true;
    }
  }

  /** A variable of the running instance. */
  public static final class LocalL extends Ref {
    final int slot;

    public LocalL(Type type, int slot) {
      super(type);
      this.slot = slot;
    }

    @Override
    public long l(Frame f) {
      return f.l[slot];
    }

    @Override
    public void setL(Frame f, long v) {
      f.l[slot] = v;
    }
  }

  public static final class LocalD extends Ref {
    final int slot;

    public LocalD(Type type, int slot) {
      super(type);
      this.slot = slot;
    }

    @Override
    public double d(Frame f) {
      return f.d[slot];
    }

    @Override
    public void setD(Frame f, double v) {
      f.d[slot] = v;
    }
  }

  public static final class LocalO extends Ref {
    final int slot;

    public LocalO(Type type, int slot) {
      super(type);
      this.slot = slot;
    }

    @Override
    public Object o(Frame f) {
      return f.o[slot];
    }

    @Override
    public void setO(Frame f, Object v) {
      f.o[slot] = v;
    }
  }

  /** A variable of a frame fixed at link time: a global, a program's variable seen from outside. */
  public static final class FixedL extends Ref {
    final long[] store;
    final int slot;

    public FixedL(Type type, Frame frame, int slot) {
      super(type);
      this.store = frame.l;
      this.slot = slot;
    }

    @Override
    public long l(Frame f) {
      return store[slot];
    }

    @Override
    public void setL(Frame f, long v) {
      store[slot] = v;
    }
  }

  public static final class FixedD extends Ref {
    final double[] store;
    final int slot;

    public FixedD(Type type, Frame frame, int slot) {
      super(type);
      this.store = frame.d;
      this.slot = slot;
    }

    @Override
    public double d(Frame f) {
      return store[slot];
    }

    @Override
    public void setD(Frame f, double v) {
      store[slot] = v;
    }
  }

  public static final class FixedO extends Ref {
    final Object[] store;
    final int slot;

    public FixedO(Type type, Frame frame, int slot) {
      super(type);
      this.store = frame.o;
      this.slot = slot;
    }

    @Override
    public Object o(Frame f) {
      return store[slot];
    }

    @Override
    public void setO(Frame f, Object v) {
      store[slot] = v;
    }
  }

  /** A member of a structure or an instance: {@code motor.Q}. */
  public static final class MemberL extends Ref {
    final Expr base;
    final int slot;

    public MemberL(Type type, Expr base, int slot) {
      super(type);
      this.base = base;
      this.slot = slot;
    }

    @Override
    public long l(Frame f) {
      return ((Frame) base.o(f)).l[slot];
    }

    @Override
    public void setL(Frame f, long v) {
      ((Frame) base.o(f)).l[slot] = v;
    }
  }

  public static final class MemberD extends Ref {
    final Expr base;
    final int slot;

    public MemberD(Type type, Expr base, int slot) {
      super(type);
      this.base = base;
      this.slot = slot;
    }

    @Override
    public double d(Frame f) {
      return ((Frame) base.o(f)).d[slot];
    }

    @Override
    public void setD(Frame f, double v) {
      ((Frame) base.o(f)).d[slot] = v;
    }
  }

  public static final class MemberO extends Ref {
    final Expr base;
    final int slot;

    public MemberO(Type type, Expr base, int slot) {
      super(type);
      this.base = base;
      this.slot = slot;
    }

    @Override
    public Object o(Frame f) {
      return ((Frame) base.o(f)).o[slot];
    }

    @Override
    public void setO(Frame f, Object v) {
      ((Frame) base.o(f)).o[slot] = v;
    }
  }

  /** An array element; every index is checked against its dimension's bounds. */
  public static final class Element extends Ref {
    final Expr base;
    final Expr[] index;
    final int[] lower;
    final int[] upper;
    final int[] stride;
    final Site site;

    public Element(Type arrayType, Expr base, Expr[] index, Site site) {
      super(arrayType.element);
      this.base = base;
      this.index = index;
      this.lower = arrayType.lower;
      this.upper = arrayType.upper;
      this.stride = new int[lower.length];
      int s = 1;
      for (int i = lower.length - 1; i >= 0; i--) {
        stride[i] = s;
        s *= upper[i] - lower[i] + 1;
      }
      this.site = site;
    }

    private int offset(Frame f) {
      int offset = 0;
      for (int i = 0; i < index.length; i++) {
        long k = index[i].l(f);
        if (k < lower[i] || k > upper[i]) {
          throw new StStop("array index out of bounds", site,
              "index " + (index.length > 1 ? (i + 1) + " " : "") + "= " + k + ", bounds "
                  + lower[i] + ".." + upper[i]);
        }
        offset += (int) (k - lower[i]) * stride[i];
      }
      return offset;
    }

    @Override
    public long l(Frame f) {
      ArrayValue a = (ArrayValue) base.o(f);
      return a.l[offset(f)];
    }

    @Override
    public double d(Frame f) {
      ArrayValue a = (ArrayValue) base.o(f);
      return a.d[offset(f)];
    }

    @Override
    public Object o(Frame f) {
      ArrayValue a = (ArrayValue) base.o(f);
      return a.o[offset(f)];
    }

    @Override
    public void setL(Frame f, long v) {
      ArrayValue a = (ArrayValue) base.o(f);
      a.l[offset(f)] = v;
    }

    @Override
    public void setD(Frame f, double v) {
      ArrayValue a = (ArrayValue) base.o(f);
      a.d[offset(f)] = v;
    }

    @Override
    public void setO(Frame f, Object v) {
      ArrayValue a = (ArrayValue) base.o(f);
      a.o[offset(f)] = v;
    }
  }

  /** One bit of an integer: {@code status.3}. */
  public static final class Bit extends Ref {
    final Ref base;
    final int bit;

    public Bit(Ref base, int bit) {
      super(Type.BOOL);
      this.base = base;
      this.bit = bit;
    }

    @Override
    public long l(Frame f) {
      return (base.l(f) >>> bit) & 1;
    }

    @Override
    public void setL(Frame f, long v) {
      long word = base.l(f);
      base.setL(f, v != 0 ? word | (1L << bit) : word & ~(1L << bit));
    }
  }
}
