package io.twinline.stplc.compile;

import io.twinline.stplc.runtime.Expr;
import io.twinline.stplc.runtime.Frame;
import io.twinline.stplc.runtime.Site;
import io.twinline.stplc.runtime.StStop;
import io.twinline.stplc.runtime.Type;

/** Run-time checks the compiler inserts. */
final class Checks {

  private Checks() {}

  /** A value stored into a subrange: outside it, the PLC stops. */
  static final class Range extends Expr {
    final Expr a;

    Range(Type type, Expr a, Site site) {
      super(type);
      this.a = a;
      this.site = site;
    }

    final Site site;

    @Override
    public long l(Frame f) {
      long v = a.l(f);
      if (v < type.lo || v > type.hi) {
        throw new StStop("value outside the subrange " + type.lo + ".." + type.hi, site,
            "value = " + v);
      }
      return v;
    }

    @Override
    public boolean isConstant() {
      return a.isConstant();
    }
  }
}
