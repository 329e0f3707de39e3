package io.twinline.harness.suite;

import io.twinline.line.SourceLocation;
import io.twinline.line.model.LineDefinition;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A sequence file, read and checked against its line: ready to run.
 *
 * @param file the sequence file
 * @param line the line the sequences run on
 * @param controller the controller the file names ({@code controller:}), if any
 * @param scan the controller's scan period
 * @param setup steps before every sequence
 * @param teardown steps after every sequence, also after a failure
 * @param fuzz the randomised campaign ({@code twinline fuzz}), if the file has one
 */
public record SuiteSpec(
    String file,
    LineDefinition line,
    Optional<String> controller,
    Duration scan,
    List<Step> setup,
    List<Step> teardown,
    List<Sequence> sequences,
    Optional<FuzzSpec> fuzz) {

  /** One sequence (a parameterised sequence gives one per case). */
  public record Sequence(String name, SourceLocation location, List<String> tags, List<Step> steps) {}
}
