package io.twinline.line.units;

/** A quantity could not be read; the message says what is wrong and the hint how to write it. */
public final class QuantityFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String hint;

  public QuantityFormatException(String message, String hint) {
    super(message);
    this.hint = hint;
  }

  public String hint() {
    return hint;
  }
}
