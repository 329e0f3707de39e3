package io.twinline.line;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the problems of one definition file so that the user sees all of them at once.
 *
 * <p>Not thread-safe: one reader fills it, then {@link #throwIfAny()} refuses the file.
 */
public final class Problems {

  private final List<Problem> problems = new ArrayList<>();

  public void add(SourceLocation location, String path, String message, String hint) {
    problems.add(new Problem(location, path, message, hint));
  }

  public void add(Problem problem) {
    problems.add(problem);
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  /** The problems in file order. */
  public List<Problem> list() {
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(
        Comparator.comparing((Problem p) -> p.location().file())
            .thenComparingInt(p -> p.location().line())
            .thenComparingInt(p -> p.location().column()));
    return List.copyOf(sorted);
  }

  /** Refuses the definition if anything was found. */
  public void throwIfAny() throws InvalidDefinitionException {
    if (!problems.isEmpty()) {
      throw new InvalidDefinitionException(list());
    }
  }
}
