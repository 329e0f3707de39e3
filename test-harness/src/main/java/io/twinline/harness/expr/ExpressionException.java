package io.twinline.harness.expr;

/** A condition that does not parse or does not type-check; {@link #column} is 1-based. */
public final class ExpressionException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final int column;
  private final String hint;

  public ExpressionException(int column, String message, String hint) {
    super(message);
    this.column = column;
    this.hint = hint;
  }

  /** The column in the condition's text, from 1. */
  public int column() {
    return column;
  }

  public String hint() {
    return hint;
  }
}
