package io.twinline.stplc.runtime;

import java.util.Locale;

/** Copies and text forms of values. */
public final class Values {

  private Values() {}

  /** A deep copy of an object-stored value (strings are immutable and shared). */
  public static Object copy(Object value) {
    if (value instanceof Frame f) {
      return f.copy();
    }
    if (value instanceof ArrayValue a) {
      return a.copy();
    }
    return value;
  }

  /** A value as ST would write it, for messages. */
  public static String format(Type type, long l, double d, Object o) {
    return switch (type.kind) {
      case BOOL -> l != 0 ? "TRUE" : "FALSE";
      case INT -> type.signed || type.bits < 64 ? Long.toString(l) : Long.toUnsignedString(l);
      case REAL -> type.bits == 32 ? Float.toString((float) d) : Double.toString(d);
      case TIME -> Times.format(l);
      case ENUM -> {
        for (int i = 0; i < type.memberValues.length; i++) {
          if (type.memberValues[i] == l) {
            yield type.name + "#" + type.members.get(i);
          }
        }
        yield type.name + "#" + l;
      }
      case STRING -> "'" + o + "'";
      default -> type.kind.name().toLowerCase(Locale.ROOT) + " " + (o == null ? l : o);
    };
  }
}
