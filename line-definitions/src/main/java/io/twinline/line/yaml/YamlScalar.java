package io.twinline.line.yaml;

import io.twinline.line.SourceLocation;

/**
 * A scalar as written in the file. {@link #text()} is the text without quotes; {@link #type()}
 * says how YAML resolved it, so that {@code 5} (a number) and {@code "5 s"} (text) can be told
 * apart.
 */
public record YamlScalar(SourceLocation location, String text, Type type) implements YamlNode {

  public enum Type {
    STRING,
    INTEGER,
    FLOAT,
    BOOLEAN,
    NULL
  }

  @Override
  public String kind() {
    return switch (type) {
      case STRING -> "a text value";
      case INTEGER, FLOAT -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "an empty value";
    };
  }
}
