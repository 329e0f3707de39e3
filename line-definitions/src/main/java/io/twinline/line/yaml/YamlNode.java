package io.twinline.line.yaml;

import io.twinline.line.SourceLocation;

/**
 * A node of a YAML document that remembers where it was written, so that every problem found
 * later can name the file, line and column.
 */
public sealed interface YamlNode permits YamlMap, YamlList, YamlScalar {

  SourceLocation location();

  /** What kind of node this is, in words for error messages ("a mapping", "a list", ...). */
  String kind();
}
