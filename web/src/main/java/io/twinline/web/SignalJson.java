package io.twinline.web;

import io.twinline.line.Analog;
import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalType;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/** Signals and their values in JSON, both ways. */
final class SignalJson {

  private SignalJson() {}

  /** A value as JSON: Booleans, numbers and strings as they are; NaN and infinities as text. */
  static Object value(Object value) {
    if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
      return d.toString();
    }
    if (value instanceof Float f) {
      return f.isNaN() || f.isInfinite() ? f.toString() : (Object) f.doubleValue();
    }
    if (value instanceof Byte || value instanceof Short) {
      return ((Number) value).intValue();
    }
    return value;
  }

  /**
   * The Java form of a JSON value for a signal of {@code definition}'s type: true/false for a
   * Boolean (or 0/1), a whole number in range for an integer type, any number for Float and
   * Double, text for String; text is also read as the type reads it ("true", "42").
   *
   * @throws IllegalArgumentException saying what the signal takes, if the value does not fit
   */
  static Object read(SignalDefinition definition, Object json) {
    SignalType type = definition.type();
    String takes = definition.path() + " takes a " + type.displayName();
    if (json == null) {
      throw new IllegalArgumentException("'value' is missing: " + takes);
    }
    if (type == SignalType.STRING) {
      if (json instanceof String text) {
        return text;
      }
      throw new IllegalArgumentException(takes + ", not " + json);
    }
    if (json instanceof String text) {
      return type.parseValue(text);
    }
    if (type == SignalType.BOOLEAN) {
      if (json instanceof Boolean b) {
        return b;
      }
      if (json instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) {
        return n.doubleValue() == 1;
      }
      throw new IllegalArgumentException(takes + " (true or false), not " + json);
    }
    if (!(json instanceof Number number)) {
      throw new IllegalArgumentException(takes + ", not " + json);
    }
    if (type.isFloatingPoint()) {
      return type == SignalType.FLOAT ? (Object) number.floatValue() : number.doubleValue();
    }
    double d = number.doubleValue();
    if (d != Math.rint(d)) {
      throw new IllegalArgumentException(takes + " (a whole number), not " + json);
    }
    return type.parseValue(Long.toString(number.longValue()));
  }

  /** What does not change about a signal: path, tag, type, direction, unit and range. */
  static JsonObject definition(int id, SignalDefinition definition) {
    JsonObject json = new JsonObject()
        .put("id", id)
        .put("path", definition.path().toString())
        .put("component", definition.path().component())
        .put("signal", definition.path().signal())
        .put("tag", definition.tag().orElse(null))
        .put("type", definition.type().displayName())
        .put("direction", definition.direction().name().toLowerCase(Locale.ROOT))
        .put("writable", definition.clientWritable())
        .put("description", definition.description());
    if (definition.analog().isPresent()) {
      Analog range = definition.analog().get();
      json.put("unit", range.unit()).put("min", range.min()).put("max", range.max());
    }
    return json;
  }
}
