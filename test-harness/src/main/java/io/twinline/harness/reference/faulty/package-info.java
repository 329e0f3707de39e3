/**
 * Deliberately faulty variants of the reference programs, each with one bug a controls engineer
 * makes: the example sequence suites must catch every one with a clear diagnosis (see
 * docs/testing.md). They prove that the harness finds real bugs.
 */
package io.twinline.harness.reference.faulty;
