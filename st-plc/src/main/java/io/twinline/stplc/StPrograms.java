package io.twinline.stplc;

import io.twinline.line.InvalidDefinitionException;
import io.twinline.line.Problems;
import io.twinline.line.model.LineDefinition;
import io.twinline.line.units.Quantities;
import io.twinline.line.units.QuantityFormatException;
import io.twinline.sim.controller.ControlProgram;
import io.twinline.stplc.compile.Compiled;
import io.twinline.stplc.compile.Compiler;
import io.twinline.stplc.compile.Source;
import io.twinline.stplc.plcopen.PlcOpenReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Structured Text programs from files: read (ST or PLCopen XML), parsed once, compiled and
 * bound to a line for every run (a fresh PLC memory per run).
 */
public final class StPrograms {

  private StPrograms() {}

  /**
   * What {@code st:FILE[@TASK]} names.
   *
   * @param task the default task's interval; zero runs the programs at every scan
   */
  public record Spec(Path file, Duration task, boolean plcopen) {

    /** Reads {@code FILE} or {@code FILE@20ms}. */
    public static Spec parse(String argument, boolean plcopen) {
      String text = argument.strip();
      if (text.isEmpty()) {
        throw new IllegalArgumentException((plcopen ? "plcopen" : "st")
            + ": name the program's file, e.g. " + (plcopen ? "plcopen:project.xml"
            : "st:main.st or st:main.st@20ms"));
      }
      Duration task = Duration.ZERO;
      int at = text.lastIndexOf('@');
      if (at > 0) {
        task = StPrograms.task(text.substring(at + 1));
        text = text.substring(0, at);
      }
      return new Spec(Path.of(text), task, plcopen);
    }

    public Spec withTask(Duration interval) {
      return new Spec(file, interval, plcopen);
    }
  }

  /** {@code st:FILE}, followed by the notes of reading it (pragmas ignored), if any. */
  static String describe(String scheme, String argument, boolean plcopen) {
    String name = scheme + ":" + argument;
    try {
      List<String> notes = new java.util.ArrayList<>();
      for (Source source : read(Spec.parse(argument, plcopen))) {
        notes.addAll(source.notes);
      }
      return notes.isEmpty() ? name : name + " (" + String.join("; ", notes) + ")";
    } catch (InvalidDefinitionException | IllegalArgumentException e) {
      return name;
    }
  }

  /** A task interval: {@code 20ms}, {@code 20 ms}, {@code T#20ms}. */
  public static Duration task(String text) {
    String t = text.strip();
    if (t.toUpperCase(java.util.Locale.ROOT).startsWith("T#")) {
      t = t.substring(2);
    }
    try {
      Duration d = Quantities.duration(t.replaceAll("(?<=\\d)(?=[a-zA-Z])", " "));
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("a task interval must be positive, not " + text);
      }
      return d;
    } catch (QuantityFormatException e) {
      throw new IllegalArgumentException("task interval '" + text + "': " + e.getMessage()
          + " (e.g. 10ms)");
    }
  }

  /** The sources of {@code spec}, parsed; every syntax problem refuses them. */
  public static List<Source> read(Spec spec) throws InvalidDefinitionException {
    Problems problems = new Problems();
    String text;
    try {
      text = Files.readString(spec.file(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + spec.file() + ": " + e.getMessage());
    }
    String name = spec.file().toString();
    List<Source> sources = spec.plcopen() ? PlcOpenReader.read(name, text, problems)
        : List.of(Source.parse(name, text, problems));
    problems.throwIfAny();
    return sources;
  }

  /** Compiles and binds to {@code line}. */
  public static StProgram program(List<Source> sources, Spec spec, LineDefinition line)
      throws InvalidDefinitionException {
    Compiled compiled = Compiler.compile(sources, spec.task().toNanos());
    Problems problems = new Problems();
    List<LineBinding.Bound> bindings = LineBinding.bind(compiled, line, problems);
    problems.throwIfAny();
    return new StProgram(compiled, bindings);
  }

  /**
   * A controller of the program for {@code line}, checked now (compiled and bound once).
   *
   * @throws IllegalArgumentException with every problem, each at file:line:column with a hint
   */
  public static Supplier<ControlProgram> forLine(Spec spec, LineDefinition line) {
    List<Source> sources;
    try {
      sources = read(spec);
      program(sources, spec, line);
    } catch (InvalidDefinitionException e) {
      throw new IllegalArgumentException(spec.file() + " is not a program Twinline can run on"
          + " line " + line.name() + ": " + e.getMessage(), e);
    }
    return () -> {
      try {
        return program(sources, spec, line);
      } catch (InvalidDefinitionException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    };
  }
}
