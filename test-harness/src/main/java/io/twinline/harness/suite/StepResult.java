package io.twinline.harness.suite;

import io.twinline.line.SourceLocation;

/**
 * One step of a sequence as it ran.
 *
 * @param location where the step is written
 * @param text the step as a person reads it ({@code expect Tower/Green within 100 ms})
 * @param start simulated time when the step began, ns
 * @param end simulated time when it ended, ns
 * @param message why it failed, or empty
 */
public record StepResult(
    SourceLocation location, String text, Status status, long start, long end, String message) {}
