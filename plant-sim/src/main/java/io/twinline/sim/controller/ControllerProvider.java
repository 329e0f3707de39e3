package io.twinline.sim.controller;

import io.twinline.line.model.LineDefinition;
import java.util.function.Supplier;

/**
 * Makes controllers of one kind from a specification: {@code class:com.acme.Program} (built in),
 * {@code reference} (the example lines' programs, from the harness), {@code st:main.st} (the
 * Structured Text runtime, when it is on the class path). Providers are found with {@link
 * java.util.ServiceLoader}; {@link Controllers} picks the one whose {@link #scheme()} the
 * specification starts with.
 */
public interface ControllerProvider {

  /** The word before the colon (or the whole specification, for one without arguments). */
  String scheme();

  /** One line for {@code --help} and error messages: what the scheme takes. */
  String usage();

  /**
   * The controller {@code argument} names for {@code line}: a fresh program per call (programs
   * keep their state in fields).
   *
   * @param argument what follows {@code scheme:} (empty if nothing does)
   * @throws IllegalArgumentException saying why no controller can be made of it
   */
  Supplier<ControlProgram> controller(String argument, LineDefinition line);

  /** A name for reports (the program's class, its file). */
  default String describe(String argument, LineDefinition line) {
    return argument.isEmpty() ? scheme() : scheme() + ":" + argument;
  }
}
