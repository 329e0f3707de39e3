package io.twinline.stplc.runtime;

/** Statements: assignments, selections, loops. */
public final class Flow {

  private Flow() {}

  /** How many iterations one loop may run in one scan before the watchdog stops the PLC. */
  public static final long WATCHDOG = 50_000_000L;

  public static final class Block extends Stmt {
    final Stmt[] body;

    public Block(Stmt[] body) {
      this.body = body;
    }

    @Override
    public int run(Frame f) {
      for (Stmt s : body) {
        int r = s.run(f);
        if (r != NEXT) {
          return r;
        }
      }
      return NEXT;
    }
  }

  public static final class AssignL extends Stmt {
    final Ref target;
    final Expr value;

    public AssignL(Ref target, Expr value) {
      this.target = target;
      this.value = value;
    }

    @Override
    public int run(Frame f) {
      target.setL(f, value.l(f));
      return NEXT;
    }
  }

  public static final class AssignD extends Stmt {
    final Ref target;
    final Expr value;

    public AssignD(Ref target, Expr value) {
      this.target = target;
      this.value = value;
    }

    @Override
    public int run(Frame f) {
      target.setD(f, value.d(f));
      return NEXT;
    }
  }

  /** A string (immutable: the reference is stored). */
  public static final class AssignO extends Stmt {
    final Ref target;
    final Expr value;

    public AssignO(Ref target, Expr value) {
      this.target = target;
      this.value = value;
    }

    @Override
    public int run(Frame f) {
      target.setO(f, value.o(f));
      return NEXT;
    }
  }

  /** A structure or array: its values are copied into the target's. */
  public static final class AssignCopy extends Stmt {
    final Ref target;
    final Expr value;

    public AssignCopy(Ref target, Expr value) {
      this.target = target;
      this.value = value;
    }

    @Override
    public int run(Frame f) {
      Object from = value.o(f);
      Object to = target.o(f);
      if (to instanceof Frame t) {
        t.assign((Frame) from);
      } else {
        ((ArrayValue) to).assign((ArrayValue) from);
      }
      return NEXT;
    }
  }

  /** A statement of an expression (a function called for its outputs). */
  public static final class Evaluate extends Stmt {
    final Expr call;

    public Evaluate(Expr call) {
      this.call = call;
    }

    @Override
    public int run(Frame f) {
      switch (call.type.storage()) {
        case L -> call.l(f);
        case D -> call.d(f);
        case O -> call.o(f);
      }
      return NEXT;
    }
  }

  public static final class If extends Stmt {
    final Expr[] conditions;
    final Stmt[] branches;
    final Stmt otherwise;

    public If(Expr[] conditions, Stmt[] branches, Stmt otherwise) {
      this.conditions = conditions;
      this.branches = branches;
      this.otherwise = otherwise;
    }

    @Override
    public int run(Frame f) {
      for (int i = 0; i < conditions.length; i++) {
        if (conditions[i].l(f) != 0) {
          return branches[i].run(f);
        }
      }
      return otherwise.run(f);
    }
  }

  /** CASE: the first element with a label range holding the value; no match is no error. */
  public static final class Case extends Stmt {
    final Expr selector;
    final long[] lo;
    final long[] hi;
    final int[] branchOf;
    final Stmt[] branches;
    final Stmt otherwise;

    public Case(Expr selector, long[] lo, long[] hi, int[] branchOf, Stmt[] branches,
        Stmt otherwise) {
      this.selector = selector;
      this.lo = lo;
      this.hi = hi;
      this.branchOf = branchOf;
      this.branches = branches;
      this.otherwise = otherwise;
    }

    @Override
    public int run(Frame f) {
      long v = selector.l(f);
      for (int i = 0; i < lo.length; i++) {
        if (v >= lo[i] && v <= hi[i]) {
          return branches[branchOf[i]].run(f);
        }
      }
      return otherwise.run(f);
    }
  }

  /** FOR: bounds and step evaluated once; the variable holds the value past the end after it. */
  public static final class For extends Stmt {
    final Ref variable;
    final Expr from;
    final Expr to;
    final Expr by;
    final Stmt body;
    final int wrap;
    final Site site;

    public For(Ref variable, Expr from, Expr to, Expr by, Stmt body, Site site) {
      this.variable = variable;
      this.from = from;
      this.to = to;
      this.by = by;
      this.body = body;
      this.wrap = variable.type.wrapCode();
      this.site = site;
    }

    @Override
    public int run(Frame f) {
      long i = from.l(f);
      long end = to.l(f);
      long step = by == null ? 1 : by.l(f);
      if (step == 0) {
        throw new StStop("FOR with a step of 0", site, "");
      }
      long n = 0;
      while (step > 0 ? i <= end : i >= end) {
        variable.setL(f, Ints.wrap(wrap, i));
        int r = body.run(f);
        if (r == EXIT) {
          return NEXT;
        }
        if (r == RETURN) {
          return RETURN;
        }
        i = variable.l(f) + step;
        if (++n > WATCHDOG) {
          throw new StStop("watchdog: the loop did not end", site, "");
        }
      }
      variable.setL(f, Ints.wrap(wrap, i));
      return NEXT;
    }
  }

  public static final class While extends Stmt {
    final Expr condition;
    final Stmt body;
    final Site site;

    public While(Expr condition, Stmt body, Site site) {
      this.condition = condition;
      this.body = body;
      this.site = site;
    }

    @Override
    public int run(Frame f) {
      long n = 0;
      while (condition.l(f) != 0) {
        int r = body.run(f);
        if (r == EXIT) {
          return NEXT;
        }
        if (r == RETURN) {
          return RETURN;
        }
        if (++n > WATCHDOG) {
          throw new StStop("watchdog: the loop did not end", site, "");
        }
      }
      return NEXT;
    }
  }

  public static final class Repeat extends Stmt {
    final Stmt body;
    final Expr until;
    final Site site;

    public Repeat(Stmt body, Expr until, Site site) {
      this.body = body;
      this.until = until;
      this.site = site;
    }

    @Override
    public int run(Frame f) {
      long n = 0;
      do {
        int r = body.run(f);
        if (r == EXIT) {
          return NEXT;
        }
        if (r == RETURN) {
          return RETURN;
        }
        if (++n > WATCHDOG) {
          throw new StStop("watchdog: the loop did not end", site, "");
        }
      } while (until.l(f) == 0);
      return NEXT;
    }
  }

  /** EXIT, CONTINUE, RETURN. */
  public static final class Jump extends Stmt {
    final int code;

    public Jump(int code) {
      this.code = code;
    }

    @Override
    public int run(Frame f) {
      return code;
    }
  }
}
