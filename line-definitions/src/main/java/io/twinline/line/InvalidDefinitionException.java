package io.twinline.line;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A definition file was refused; {@link #problems()} lists every mistake found, each with its
 * file, line, column and a hint. The message is ready to print to a user as it is.
 */
public final class InvalidDefinitionException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public InvalidDefinitionException(List<Problem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String describe(List<Problem> problems) {
    String header =
        problems.size() == 1 ? "1 problem" : problems.size() + " problems";
    return header
        + ":"
        + System.lineSeparator()
        + problems.stream().map(Problem::format).collect(Collectors.joining(System.lineSeparator()));
  }
}
