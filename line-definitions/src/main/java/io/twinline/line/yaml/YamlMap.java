package io.twinline.line.yaml;

import io.twinline.line.SourceLocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A YAML mapping with string keys, in the order they were written. */
public final class YamlMap implements YamlNode {

  /** One key of a mapping with the place the key itself was written. */
  public record Entry(String key, SourceLocation keyLocation, YamlNode value) {}

  private final SourceLocation location;
  private final Map<String, Entry> entries;

  public YamlMap(SourceLocation location, Map<String, Entry> entries) {
    this.location = location;
    this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  @Override
  public SourceLocation location() {
    return location;
  }

  @Override
  public String kind() {
    return "a mapping";
  }

  public Optional<Entry> entry(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  public Optional<YamlNode> get(String key) {
    return entry(key).map(Entry::value);
  }

  public Set<String> keys() {
    return entries.keySet();
  }

  public Iterable<Entry> entries() {
    return entries.values();
  }
}
