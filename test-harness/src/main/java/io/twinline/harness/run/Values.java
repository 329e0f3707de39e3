package io.twinline.harness.run;

import io.twinline.line.SignalType;
import java.util.Locale;

/** Values for signals from what people write: {@code true}, {@code 1}, {@code 12.5}, {@code 'A'}. */
public final class Values {

  private Values() {}

  /**
   * {@code value} as the Java type of a signal of {@code type}: Boolean, Long for integers,
   * Float, Double, String.
   *
   * @throws IllegalArgumentException naming the signal and what it takes
   */
  public static Object convert(SignalType type, Object value, String signal) {
    if (value == null) {
      throw new IllegalArgumentException(signal + " needs a value");
    }
    String text = value.toString().strip();
    try {
      return switch (type) {
        case BOOLEAN -> {
          if (value instanceof Boolean b) {
            yield b;
          }
          yield switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1", "on" -> Boolean.TRUE;
            case "false", "0", "off" -> Boolean.FALSE;
            default -> throw new NumberFormatException();
          };
        }
        case STRING -> text;
        case FLOAT -> value instanceof Number n ? n.floatValue() : Float.parseFloat(text);
        case DOUBLE -> value instanceof Number n ? n.doubleValue() : Double.parseDouble(text);
        default -> {
          long integer =
              value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                  ? n.longValue()
                  : Long.parseLong(text);
          if (integer < type.min() || integer > type.max()) {
            throw new IllegalArgumentException(signal + " is " + type.displayName() + " ("
                + type.min() + ".." + type.max() + "); " + integer + " does not fit");
          }
          yield integer;
        }
      };
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(signal + " is " + type.displayName() + "; '" + text
          + "' is not " + (type == SignalType.BOOLEAN ? "true or false" : "a number of that type"));
    }
  }
}
