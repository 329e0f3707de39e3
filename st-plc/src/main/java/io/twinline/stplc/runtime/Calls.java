package io.twinline.stplc.runtime;

/** Calls of function block instances and functions, with their argument bindings. */
public final class Calls {

  private Calls() {}

  /** Moves one argument between the caller's frame and the callee's. */
  public abstract static class Bind {
    public abstract void run(Frame caller, Frame callee);
  }

  public static final class InL extends Bind {
    final Expr value;
    final int slot;

    public InL(Expr value, int slot) {
      this.value = value;
      this.slot = slot;
    }

    @Override
    public void run(Frame caller, Frame callee) {
      callee.l[slot] = value.l(caller);
    }
  }

  public static final class InD extends Bind {
    final Expr value;
    final int slot;

    public InD(Expr value, int slot) {
      this.value = value;
      this.slot = slot;
    }

    @Override
    public void run(Frame caller, Frame callee) {
      callee.d[slot] = value.d(caller);
    }
  }

  /** A string, or (VAR_IN_OUT) a structure, array or instance passed by reference. */
  public static final class InO extends Bind {
    final Expr value;
    final int slot;

    public InO(Expr value, int slot) {
      this.value = value;
      this.slot = slot;
    }

    @Override
    public void run(Frame caller, Frame callee) {
      callee.o[slot] = value.o(caller);
    }
  }

  /** A structure or array input: a copy, so the callee cannot change the caller's. */
  public static final class InCopy extends Bind {
    final Expr value;
    final int slot;

    public InCopy(Expr value, int slot) {
      this.value = value;
      this.slot = slot;
    }

    @Override
    public void run(Frame caller, Frame callee) {
      callee.o[slot] = Values.copy(value.o(caller));
    }
  }

  public static final class OutL extends Bind {
    final int slot;
    final Ref target;

    public OutL(int slot, Ref target) {
      this.slot = slot;
      this.target = target;
    }

    @Override
    public void run(Frame caller, Frame callee) {
      target.setL(caller, callee.l[slot]);
    }
  }

  public static final class OutD extends Bind {
    final int slot;
    final Ref target;

    public OutD(int slot, Ref target) {
      this.slot = slot;
      this.target = target;
    }

    @Override
    public void run(Frame caller, Frame callee) {
      target.setD(caller, callee.d[slot]);
    }
  }

  public static final class OutO extends Bind {
    final int slot;
    final Ref target;

    public OutO(int slot, Ref target) {
      this.slot = slot;
      this.target = target;
    }

    @Override
    public void run(Frame caller, Frame callee) {
      target.setO(caller, Values.copy(callee.o[slot]));
    }
  }

  /** {@code inst(IN := x, Q => y)}: inputs in, the body on the instance, outputs out. */
  public static final class FbCall extends Stmt {
    final Expr instance;
    final Bind[] inputs;
    final Layout layout;
    final Bind[] outputs;

    public FbCall(Expr instance, Bind[] inputs, Layout layout, Bind[] outputs) {
      this.instance = instance;
      this.inputs = inputs;
      this.layout = layout;
      this.outputs = outputs;
    }

    @Override
    public int run(Frame f) {
      Frame inst = (Frame) instance.o(f);
      for (Bind b : inputs) {
        b.run(f, inst);
      }
      layout.body.run(inst);
      for (Bind b : outputs) {
        b.run(f, inst);
      }
      return NEXT;
    }
  }

  /**
   * A call of a user FUNCTION. Its variables start from their initial values on every call;
   * the frame is reused unless an argument calls a function itself (then each call has its own).
   */
  public static final class FnCall extends Expr {
    final Layout layout;
    final Bind[] inputs;
    final Bind[] outputs;
    final int result;
    final Frame scratch;

    public FnCall(Layout layout, Bind[] inputs, Bind[] outputs, boolean shareFrame) {
      super(layout.result.type());
      this.layout = layout;
      this.inputs = inputs;
      this.outputs = outputs;
      this.result = layout.result.slot();
      this.scratch = shareFrame ? layout.create() : null;
    }

    private Frame call(Frame f) {
      Frame callee;
      if (scratch == null) {
        callee = layout.create();
      } else {
        callee = scratch;
        Frame p = layout.prototype();
        System.arraycopy(p.l, 0, callee.l, 0, p.l.length);
        System.arraycopy(p.d, 0, callee.d, 0, p.d.length);
        for (int i = 0; i < p.o.length; i++) {
          callee.o[i] = Values.copy(p.o[i]);
        }
      }
      for (Bind b : inputs) {
        b.run(f, callee);
      }
      layout.body.run(callee);
      for (Bind b : outputs) {
        b.run(f, callee);
      }
      return callee;
    }

    @Override
    public long l(Frame f) {
      return call(f).l[result];
    }

    @Override
    public double d(Frame f) {
      return call(f).d[result];
    }

    @Override
    public Object o(Frame f) {
      return call(f).o[result];
    }
  }
}
