package io.twinline.line.read;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The components declared in a file (name to type), known before any component is read in
 * full, so that a reference such as {@code to: Infeed} is checked where it is written.
 */
final class References {

  /** Components that take parts at their entry. */
  static final Set<String> PART_RECEIVERS = Set.of("conveyor", "station", "buffer", "sink", "packer");

  private final Map<String, String> typeByName;
  private final Set<String> allNames;

  /**
   * @param typeByName the components whose type is known
   * @param allNames every name declared, also of components with an unknown type
   */
  References(Map<String, String> typeByName, Set<String> allNames) {
    this.typeByName = Map.copyOf(typeByName);
    this.allNames = Set.copyOf(allNames);
  }

  /**
   * Reads the name of another component under {@code key} and checks that it exists and is of
   * one of {@code allowedTypes}.
   */
  Optional<String> read(
      MapReader fields, String key, boolean required, String self, Set<String> allowedTypes) {
    Optional<String> target = fields.name(key, required, example(allowedTypes));
    if (target.isEmpty()) {
      return target;
    }
    String name = target.get();
    String type = typeByName.get(name);
    String accepted = String.join(" or ", allowedTypes.stream().sorted().toList());
    if (type == null && allNames.contains(name)) {
      // The target exists but its type is wrong; that problem is reported where it is.
      return Optional.empty();
    }
    if (type == null) {
      List<String> candidates = namesOf(allowedTypes);
      String guess =
          Suggestions.closest(name, candidates.isEmpty() ? allNames : candidates)
              .map(c -> "did you mean '" + c + "'? ")
              .orElse("");
      fields.problem(
          key,
          "there is no component named '" + name + "'",
          guess
              + (candidates.isEmpty()
                  ? "declare a " + accepted + " named '" + name + "' in 'components'"
                  : "the " + accepted + " components are: " + String.join(", ", candidates)));
      return Optional.empty();
    }
    if (name.equals(self)) {
      fields.problem(key, "'" + name + "' refers to itself", "name another component");
      return Optional.empty();
    }
    if (!allowedTypes.contains(type)) {
      List<String> candidates = namesOf(allowedTypes);
      fields.problem(
          key,
          "'" + name + "' is a " + type + ", but '" + key + "' needs a " + accepted,
          candidates.isEmpty()
              ? "declare " + accepted + " and name it here"
              : "the " + accepted + " components are: " + String.join(", ", candidates));
      return Optional.empty();
    }
    return target;
  }

  private List<String> namesOf(Collection<String> types) {
    return typeByName.entrySet().stream()
        .filter(e -> types.contains(e.getValue()))
        .map(Map.Entry::getKey)
        .sorted()
        .collect(Collectors.toList());
  }

  private static String example(Set<String> allowedTypes) {
    return "<name of a " + String.join(" or ", allowedTypes.stream().sorted().toList()) + ">";
  }

  /** The type of a declared component, if known. */
  java.util.Optional<String> typeOf(String name) {
    return java.util.Optional.ofNullable(typeByName.get(name));
  }
}
