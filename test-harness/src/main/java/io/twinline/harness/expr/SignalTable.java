package io.twinline.harness.expr;

import io.twinline.line.SignalType;
import java.util.List;
import java.util.Optional;

/** Resolves the names in a condition (signal paths or tags) to numbered signals. */
public interface SignalTable {

  /** A resolved signal: its number in the table, its path, its type. */
  record Ref(int index, String path, SignalType type) {}

  Optional<Ref> resolve(String name);

  /** The tag of signal {@code index}, if the line gives it one. */
  default Optional<String> tag(int index) {
    return Optional.empty();
  }

  /** Every name that could be meant, for "did you mean" hints. */
  List<String> names();
}
