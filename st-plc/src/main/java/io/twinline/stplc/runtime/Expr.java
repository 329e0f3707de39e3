package io.twinline.stplc.runtime;

/**
 * A compiled expression. It is evaluated in the storage of its type: {@link #l} for BOOL (0 or
 * 1), integers, times and enumerations, {@link #d} for REAL and LREAL, {@link #o} for strings,
 * arrays, structures and instances. {@code f} is the frame of the POU instance that runs.
 */
public abstract class Expr {

  public final Type type;

  protected Expr(Type type) {
    this.type = type;
  }

  public long l(Frame f) {
    throw new IllegalStateException(getClass().getSimpleName() + " (" + type + ") has no integer value");
  }

  public double d(Frame f) {
    throw new IllegalStateException(getClass().getSimpleName() + " (" + type + ") has no real value");
  }

  public Object o(Frame f) {
    throw new IllegalStateException(getClass().getSimpleName() + " (" + type + ") has no object value");
  }

  /** Whether the value is known without running (literals, constants and what folds of them). */
  public boolean isConstant() {
    return false;
  }

  /** The value, formatted for a message. */
  public String format(Frame f) {
    return switch (type.storage()) {
      case L -> Values.format(type, l(f), 0, null);
      case D -> Values.format(type, 0, d(f), null);
      case O -> Values.format(type, 0, 0, o(f));
    };
  }
}
