package io.twinline.cli;

import io.twinline.sim.controller.ControlProgram;
import io.twinline.sim.controller.Controllers;
import io.twinline.harness.report.HtmlReport;
import io.twinline.harness.report.JUnitXml;
import io.twinline.harness.suite.FuzzCampaign;
import io.twinline.harness.suite.SequenceResult;
import io.twinline.harness.suite.Status;
import io.twinline.harness.suite.SuiteResult;
import io.twinline.harness.suite.SequenceReader;
import io.twinline.harness.suite.SuiteSpec;
import io.twinline.line.InvalidDefinitionException;
import io.twinline.line.Problem;
import io.twinline.line.model.LineDefinition;
import io.twinline.sim.time.SimTime;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code twinline fuzz}: runs a sequence file's {@code fuzz:} campaign for many seeds, with random
 * operator actions and faults, checking its invariants; prints every failing seed, which replays
 * exactly with {@code --seed}.
 */
@Command(
    name = "fuzz",
    mixinStandardHelpOptions = true,
    description = {
      "Run a sequence file's 'fuzz:' campaign: random operator actions and faults for many"
          + " seeds, checking the invariants all the time.",
      "A failing seed replays exactly with --seed.",
      "Exit code 0: no invariant broke; 1: some seed failed; 2: the file or options are wrong."
    })
final class FuzzCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "A sequence file with 'fuzz:'.")
  Path file;

  @Option(names = {"-l", "--line"}, paramLabel = "FILE", description = "Line instead of 'line:'.")
  String line;

  @Option(
      names = {"-c", "--controller"},
      paramLabel = "CLASS",
      description = "The program under test (a class name, 'reference' or 'none'); default:"
          + " the file's 'controller:'.")
  String controller;

  @Option(names = "--seeds", paramLabel = "N", description = "How many seeds (default: "
      + "${DEFAULT-VALUE}).")
  int seeds = 20;

  @Option(names = "--first-seed", paramLabel = "S", description = "The first seed (default: "
      + "${DEFAULT-VALUE}).")
  long firstSeed = 1;

  @Option(names = "--seed", paramLabel = "S", description = "Run this one seed (a replay).")
  Long seed;

  @Option(names = "--report", paramLabel = "DIR", description = "Write the HTML report.")
  Path report;

  @Option(names = "--junit", paramLabel = "FILE", description = "Write JUnit XML results.")
  Path junit;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      return run(out, err);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int run(PrintWriter out, PrintWriter err) {
    if (seeds < 1) {
      err.println("twinline fuzz: --seeds must be at least 1, was " + seeds);
      return TestCommand.EXIT_BAD_INPUT;
    }
    SuiteSpec suite;
    try {
      LineDefinition lineOverride = line == null ? null : LineFiles.load(line);
      suite = SequenceReader.read(file, lineOverride);
    } catch (InvalidDefinitionException e) {
      e.problems().stream().map(Problem::format).forEach(err::println);
      err.printf("refused, %d problem%s; nothing ran%n", e.problems().size(),
          e.problems().size() == 1 ? "" : "s");
      return TestCommand.EXIT_BAD_INPUT;
    }
    if (suite.fuzz().isEmpty()) {
      err.println("twinline fuzz: " + file + " has no 'fuzz:' section (see docs/testing.md)");
      return TestCommand.EXIT_BAD_INPUT;
    }
    String name = controller != null ? controller : suite.controller().orElse("none");
    Optional<Supplier<ControlProgram>> program;
    try {
      program = Controllers.resolve(name, suite.line());
    } catch (IllegalArgumentException e) {
      err.println("twinline fuzz: --controller: " + e.getMessage());
      return TestCommand.EXIT_BAD_INPUT;
    }
    long first = seed != null ? seed : firstSeed;
    int count = seed != null ? 1 : seeds;
    out.printf("%s: line %s, controller %s, seeds %d..%d, %s each%n", file,
        suite.line().name(), Controllers.describe(name, suite.line()), first,
        first + count - 1, SimTime.format(suite.fuzz().get().duration().toNanos()));
    out.flush();
    SuiteResult result = FuzzCampaign.run(suite, program,
        Controllers.describe(name, suite.line()), first, count);
    for (SequenceResult run : result.sequences()) {
      if (run.status() == Status.PASSED) {
        continue;
      }
      String replay = "./twinline fuzz " + file + " --seed " + run.name().replace("seed ", "")
          + (controller == null ? "" : " --controller " + controller);
      run.failure().ifPresent(f -> out.printf("  %-5s %s at %s: %s%n        replay: %s%n",
          run.status() == Status.FAILED ? "FAIL" : "ERROR", run.name(),
          SimTime.format(f.time()), f.message(), replay));
    }
    long failed = result.sequences().stream().filter(s -> s.status() != Status.PASSED).count();
    long simulated = result.sequences().stream().mapToLong(SequenceResult::simNanos).sum();
    out.printf("%d seed%s: %d passed, %d failed (%s simulated in %.1f s)%n", count,
        count == 1 ? "" : "s", count - failed, failed, SimTime.format(simulated),
        result.wallNanos() / 1e9);
    try {
      if (junit != null) {
        JUnitXml.write(List.of(result), junit);
      }
      if (report != null) {
        HtmlReport.write(List.of(result), report.resolve("index.html"));
        out.println("Report: " + report.resolve("index.html"));
      }
    } catch (IOException e) {
      err.println("twinline fuzz: cannot write the results: " + e.getMessage());
      return TestCommand.EXIT_BAD_INPUT;
    }
    return failed == 0 ? 0 : TestCommand.EXIT_FAILED;
  }
}
