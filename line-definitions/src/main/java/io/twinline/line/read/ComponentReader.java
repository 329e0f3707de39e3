package io.twinline.line.read;

import io.twinline.line.model.ComponentDefinition;
import java.util.Optional;

/** Reads the keys of one component type. One implementation per type keyword. */
interface ComponentReader {

  /** The type keyword, e.g. {@code conveyor}. */
  String type();

  /** The type in words with its article, for messages: "a conveyor". */
  String article();

  /**
   * Reads the type's own keys ({@code name}, {@code type} and {@code description} are already
   * read). Returns empty if a required value is missing or wrong; the problems are in {@code
   * fields}.
   */
  Optional<ComponentDefinition> read(
      MapReader fields, String name, String description, References references);
}
