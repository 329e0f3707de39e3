package io.twinline.line.yaml;

import io.twinline.line.SourceLocation;
import java.util.List;

/** A YAML sequence. */
public record YamlList(SourceLocation location, List<YamlNode> items) implements YamlNode {

  public YamlList {
    items = List.copyOf(items);
  }

  @Override
  public String kind() {
    return "a list";
  }
}
