package io.twinline.harness.expr;

import io.twinline.line.SignalDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signals of a line by path and tag, numbered as the plant numbers them (every plant built
 * from one line numbers its signals alike), so that a condition compiled once runs on every fresh
 * plant of the line.
 */
public final class LineSignals implements SignalTable {

  private final List<SignalDefinition> definitions;
  private final Map<String, Ref> byName = new HashMap<>();
  private final List<String> names = new ArrayList<>();

  /** @param definitions the plant's signals in id order */
  public LineSignals(List<SignalDefinition> definitions) {
    this.definitions = List.copyOf(definitions);
    for (int i = 0; i < definitions.size(); i++) {
      SignalDefinition d = definitions.get(i);
      Ref ref = new Ref(i, d.path().toString(), d.type());
      byName.put(ref.path(), ref);
      names.add(ref.path());
      int index = i;
      d.tag().ifPresent(tag -> {
        byName.putIfAbsent(tag, new Ref(index, ref.path(), d.type()));
        names.add(tag);
      });
    }
  }

  @Override
  public Optional<Ref> resolve(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  @Override
  public List<String> names() {
    return Collections.unmodifiableList(names);
  }

  @Override
  public Optional<String> tag(int index) {
    return definitions.get(index).tag();
  }

  public SignalDefinition definition(int index) {
    return definitions.get(index);
  }

  public int size() {
    return definitions.size();
  }
}
