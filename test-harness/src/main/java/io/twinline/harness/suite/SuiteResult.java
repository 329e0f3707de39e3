package io.twinline.harness.suite;

import io.twinline.harness.run.Coverage;
import java.util.List;

/**
 * A sequence file as it ran.
 *
 * @param file the sequence file
 * @param line the line's name
 * @param controller what was under test (a class name, or "none")
 * @param seed the seed of the line's random streams
 * @param coverage what all its sequences exercised together
 * @param notes what a reader must know about how it ran (the mode against a real PLC, state the
 *     sequences share), one sentence each; empty in process
 */
public record SuiteResult(
    String file,
    String line,
    String controller,
    long seed,
    List<SequenceResult> sequences,
    Coverage coverage,
    long wallNanos,
    List<String> notes) {

  public SuiteResult {
    notes = List.copyOf(notes);
  }

  public SuiteResult(String file, String line, String controller, long seed,
      List<SequenceResult> sequences, Coverage coverage, long wallNanos) {
    this(file, line, controller, seed, sequences, coverage, wallNanos, List.of());
  }

  public long count(Status status) {
    return sequences.stream().filter(s -> s.status() == status).count();
  }

  public boolean passed() {
    return sequences.stream().allMatch(s -> s.status() == Status.PASSED);
  }
}
