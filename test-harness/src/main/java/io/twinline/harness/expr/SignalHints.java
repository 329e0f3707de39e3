package io.twinline.harness.expr;

import io.twinline.line.read.Suggestions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean ...?" for a signal name: a close spelling of a path or tag, or else the path
 * whose signal part the name spells ({@code MotorOn} for {@code Infeed/MotorOn}, {@code
 * Infeed/MotorOnn} too when the component is wrong).
 */
public final class SignalHints {

  private SignalHints() {}

  /** The name most likely meant, if any. */
  public static Optional<String> closest(String name, Collection<String> names) {
    Optional<String> spelt = Suggestions.closest(name, names);
    if (spelt.isPresent()) {
      return spelt;
    }
    String last = name.substring(name.lastIndexOf('/') + 1);
    List<String> sameSignal = new ArrayList<>();
    for (String candidate : names) {
      int slash = candidate.lastIndexOf('/');
      if (slash >= 0 && candidate.substring(slash + 1).equalsIgnoreCase(last)) {
        sameSignal.add(candidate);
      }
    }
    if (sameSignal.size() == 1) {
      return Optional.of(sameSignal.get(0));
    }
    List<String> lastParts = new ArrayList<>();
    for (String candidate : names) {
      lastParts.add(candidate.substring(candidate.lastIndexOf('/') + 1));
    }
    Optional<String> part = Suggestions.closest(last, lastParts);
    if (part.isPresent() && sameSignal.isEmpty()) {
      List<String> matching = names.stream()
          .filter(c -> c.substring(c.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT)
              .equals(part.get().toLowerCase(Locale.ROOT)))
          .toList();
      if (matching.size() == 1) {
        return Optional.of(matching.get(0));
      }
    }
    return Optional.empty();
  }

  /** The hint for an unknown signal: the likely name, or how signals are named. */
  public static String hint(String name, Collection<String> names) {
    return closest(name, names).map(c -> "did you mean '" + c + "'?")
        .orElse("name a signal as Component/Signal, or by its tag");
  }
}
