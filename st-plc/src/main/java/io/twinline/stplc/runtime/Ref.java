package io.twinline.stplc.runtime;

/** An expression that can be assigned: a variable, a member, an array element, a bit. */
public abstract class Ref extends Expr {

  protected Ref(Type type) {
    super(type);
  }

  public void setL(Frame f, long v) {
    throw new IllegalStateException(getClass().getSimpleName() + " stores no integer");
  }

  public void setD(Frame f, double v) {
    throw new IllegalStateException(getClass().getSimpleName() + " stores no real");
  }

  public void setO(Frame f, Object v) {
    throw new IllegalStateException(getClass().getSimpleName() + " stores no object");
  }
}
