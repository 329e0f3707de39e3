package io.twinline.harness.suite;

import io.twinline.line.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * One sequence (or one case of a parameterised sequence) as it ran.
 *
 * @param name the sequence's name, with the case's in brackets: {@code Fill level [large]}
 * @param simNanos simulated time the sequence took
 * @param wallNanos wall-clock time it took
 */
public record SequenceResult(
    String name,
    SourceLocation location,
    List<String> tags,
    Status status,
    long simNanos,
    long wallNanos,
    List<StepResult> steps,
    Optional<Failure> failure) {}
