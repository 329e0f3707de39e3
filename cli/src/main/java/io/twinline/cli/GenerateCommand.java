package io.twinline.cli;

import io.twinline.line.generate.LineGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code twinline generate}: writes a big line for scale tests and benchmarks. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Write a generated line of many signals, for scale tests: cells of 100 variables"
          + " (counters, Booleans and analog values in and out) and a probe conveyor with a"
          + " motor."
    })
final class GenerateCommand implements Callable<Integer> {

  @Option(names = "--signals", paramLabel = "N", required = true,
      description = "How many signals (rounded up to whole cells of 100).")
  int signals;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE",
      description = "Write the line here instead of to standard output.")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (signals < 1 || signals > 10_000_000) {
      err.println("twinline generate: --signals must be 1 to 10000000, was " + signals);
      err.flush();
      return ServeCommand.EXIT_BAD_INPUT;
    }
    String yaml = LineGenerator.generate(signals);
    if (out == null) {
      spec.commandLine().getOut().print(yaml);
      spec.commandLine().getOut().flush();
      return 0;
    }
    try {
      Files.writeString(out, yaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println("twinline generate: cannot write " + out + ": " + e.getMessage());
      err.flush();
      return ServeCommand.EXIT_BAD_INPUT;
    }
    spec.commandLine().getOut().printf("wrote %s (%d cells of %d signals)%n", out,
        (signals + LineGenerator.CELL - 1) / LineGenerator.CELL, LineGenerator.CELL);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
