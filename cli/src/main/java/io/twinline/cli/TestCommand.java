package io.twinline.cli;

import io.twinline.sim.controller.ControlProgram;
import io.twinline.sim.controller.Controllers;
import io.twinline.harness.report.CoverageJson;
import io.twinline.harness.report.HtmlReport;
import io.twinline.harness.report.JUnitXml;
import io.twinline.harness.run.Coverage;
import io.twinline.harness.run.Harness;
import io.twinline.harness.suite.SequenceReader;
import io.twinline.harness.suite.SequenceResult;
import io.twinline.harness.suite.Status;
import io.twinline.harness.suite.SuiteResult;
import io.twinline.harness.suite.Shard;
import io.twinline.harness.suite.SuiteRunner;
import io.twinline.harness.suite.SuiteSpec;
import io.twinline.harness.suite.TraceFiles;
import io.twinline.line.InvalidDefinitionException;
import io.twinline.line.Problem;
import io.twinline.line.model.LineDefinition;
import io.twinline.line.units.Quantities;
import io.twinline.line.units.QuantityFormatException;
import io.twinline.opcua.ServedLine;
import io.twinline.opcua.ServerOptions;
import io.twinline.opcua.TwinlineServer;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.run.SimulationRunner;
import io.twinline.sim.run.TimeMode;
import io.twinline.sim.time.SimTime;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code twinline test}: runs sequence files against a line and a controller, in simulated time,
 * and reports for people (console, HTML) and for CI (exit code, JUnit XML).
 */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = {
      "Run sequence files (how the PLC program must behave) against the simulated line.",
      "Exit code 0: every sequence passed; 1: some failed; 2: the files or options are wrong."
    })
final class TestCommand implements Callable<Integer> {

  static final int EXIT_FAILED = 1;
  static final int EXIT_BAD_INPUT = 2;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Sequence files, or folders to search for them (*.yaml with 'sequences:').")
  List<String> paths;

  @Option(
      names = {"-l", "--line"},
      paramLabel = "FILE",
      description = "Line file (or example line name) instead of each file's 'line:'.")
  String line;

  @Option(
      names = {"-c", "--controller"},
      paramLabel = "CLASS",
      description = "The program under test: a ControlProgram class name, 'reference' (the"
          + " example line's reference program) or 'none'; default: each file's 'controller:',"
          + " else none.")
  String controller;

  @Option(
      names = "--tags",
      split = ",",
      paramLabel = "TAG",
      description = "Run only the sequences with one of these tags; a tag written '!TAG'"
          + " leaves out the sequences that have it (--tags '!long' runs all but those).")
  List<String> tags = new ArrayList<>();

  @Option(
      names = "--exclude-tags",
      split = ",",
      paramLabel = "TAG",
      description = "Leave out the sequences with one of these tags, whatever --tags says.")
  List<String> excludeTags = new ArrayList<>();

  @Option(
      names = "--shard",
      paramLabel = "I/N",
      description = "Run part I of N of the selected sequences (dealt out in turn over the"
          + " files, in order): spread one campaign over N CI runners.")
  String shard;

  private Predicate<SuiteSpec.Sequence> selection;

  private TraceFiles.Options traceOptions;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed of the line's random streams instead of the line's own.")
  Long seed;

  @Option(
      names = "--report",
      paramLabel = "DIR",
      description = "Write the HTML report (index.html) and the I/O coverage (coverage.json).")
  Path report;

  @Option(names = "--junit", paramLabel = "FILE", description = "Write JUnit XML results.")
  Path junit;

  @Option(
      names = "--trace",
      paramLabel = "DIR",
      description = "Write every sequence's signal trace: the values at the start, then one"
          + " change per line (JSON lines, gzip-compressed: DIR/<file>/<sequence>.jsonl.gz).")
  Path trace;

  @Option(
      names = "--trace-signals",
      split = ",",
      paramLabel = "SIGNAL",
      description = "With --trace: trace only these signals, by path or tag; '*' matches any"
          + " characters (Tank/*, Q_*). Default: every signal.")
  List<String> traceSignals = new ArrayList<>();

  @Option(
      names = "--trace-deadband",
      paramLabel = "NUMBER",
      description = "With --trace: write an analog value only when it differs from the one"
          + " written last by at least this much (default: ${DEFAULT-VALUE}, every change)."
          + " Booleans, integers and text are always written.")
  double traceDeadband = 0;

  @Option(
      names = "--trace-compress",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "With --trace: gzip the traces (the default); --no-trace-compress writes"
          + " plain .jsonl files.")
  boolean traceCompress = true;

  @Option(
      names = "--record",
      paramLabel = "DIR",
      description = "Record every sequence as a session file (DIR/<file>/<sequence>.jsonl.gz),"
          + " for 'twinline replay' and 'twinline compare'.")
  Path record;

  @Option(
      names = "--plc",
      description = "Test a real PLC: serve the line over OPC UA (see --port), wait for the PLC"
          + " to connect, and run the sequences in real time (or --speed), the line reset"
          + " before each sequence. --controller does not apply.")
  boolean plc;

  @Option(names = "--lock-step",
      description = "With --plc: run in lock-step with the PLC over Simulation/StepRequest and"
          + " StepAck: time moves one I/O cycle per scan the PLC acknowledges, as fast as the PLC"
          + " answers, and the run is the same every time (docs/opcua.md).")
  boolean lockStep;

  @Option(names = "--port", paramLabel = "PORT",
      description = "With --plc: the OPC UA port (default: ${DEFAULT-VALUE}; 0 picks one).")
  int port = ServerOptions.DEFAULT_PORT;

  @Option(names = "--bind", paramLabel = "ADDRESS",
      description = "With --plc: the address to listen on (default: ${DEFAULT-VALUE}).")
  String bind = "0.0.0.0";

  @Option(names = "--hostname", paramLabel = "NAME",
      description = "With --plc: the host name in the endpoint URL.")
  String hostname;

  @Option(names = "--pki", paramLabel = "DIR",
      description = "With --plc: the PKI folder (default: ${DEFAULT-VALUE}).")
  Path pki = Path.of("pki");

  @Option(names = "--speed", paramLabel = "FACTOR",
      description = "With --plc: simulated seconds per wall second (default: ${DEFAULT-VALUE}).")
  double speed = 1.0;

  @Option(names = "--wait-for-plc", paramLabel = "TIME",
      description = "With --plc: how long to wait for the PLC's OPC UA session before the"
          + " first sequence (default: ${DEFAULT-VALUE}; 0 s starts at once).")
  String waitForPlc = "60 s";

  @Option(names = "--settle", paramLabel = "TIME",
      description = "With --plc: wall-clock time to give the PLC after it connected (to browse,"
          + " subscribe, go to run) before the first sequence (default: ${DEFAULT-VALUE}).")
  String settle = "2 s";

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
    List<Path> files;
    try {
      files = sequenceFiles(paths);
    } catch (IllegalArgumentException | IOException e) {
      err.println("twinline test: " + e.getMessage());
      return EXIT_BAD_INPUT;
    }
    LineDefinition lineOverride = null;
    List<Problem> problems = new ArrayList<>();
    if (line != null) {
      try {
        lineOverride = LineFiles.load(line);
      } catch (InvalidDefinitionException e) {
        problems.addAll(e.problems());
      }
    }
    List<SuiteSpec> suites = new ArrayList<>();
    if (problems.isEmpty()) {
      for (Path file : files) {
        try {
          suites.add(SequenceReader.read(file, lineOverride));
        } catch (InvalidDefinitionException e) {
          problems.addAll(e.problems());
        }
      }
    }
    TraceFiles.Options traceOptions = null;
    if (problems.isEmpty() && trace != null) {
      try {
        traceOptions = traceOptions(suites);
      } catch (IllegalArgumentException e) {
        err.println("twinline test: " + e.getMessage());
        return EXIT_BAD_INPUT;
      }
    }
    this.traceOptions = traceOptions;
    if (!problems.isEmpty()) {
      problems.forEach(p -> err.println(p.format()));
      err.printf("refused, %d problem%s; nothing ran%n", problems.size(),
          problems.size() == 1 ? "" : "s");
      return EXIT_BAD_INPUT;
    }
    try {
      Shard part = shard == null ? Shard.ALL : Shard.parse(shard);
      List<String> filter = new ArrayList<>(tags);
      excludeTags.forEach(t -> filter.add("!" + t.strip()));
      selection = part.of(suites, SuiteRunner.tagged(filter));
    } catch (IllegalArgumentException e) {
      err.println("twinline test: --shard: " + e.getMessage());
      return EXIT_BAD_INPUT;
    }

    if (plc) {
      return runWithPlc(suites, out, err);
    }
    List<SuiteResult> results = new ArrayList<>();
    long wallStart = System.nanoTime();
    for (SuiteSpec suite : suites) {
      String name = controller != null ? controller : suite.controller().orElse("none");
      Optional<Supplier<ControlProgram>> program;
      try {
        program = Controllers.resolve(name, suite.line());
      } catch (IllegalArgumentException e) {
        err.println("twinline test: " + suite.file() + ": --controller: " + e.getMessage());
        return EXIT_BAD_INPUT;
      }
      SuiteRunner runner =
          new SuiteRunner(program, Controllers.describe(name, suite.line()), seed,
              selection);
      java.util.function.BiConsumer<SuiteSpec.Sequence, io.twinline.harness.run.Harness> after =
          (sequence, harness) -> { };
      if (trace != null) {
        after = after.andThen(TraceFiles.writer(trace, suite, traceOptions));
      }
      if (record != null) {
        after = after.andThen(io.twinline.harness.rehearsal.SessionRecorder.writer(record, suite,
            name));
      }
      runner.onFinished(after);
      SuiteResult result = runner.run(suite);
      results.add(result);
      print(out, result);
    }
    return finish(results, System.nanoTime() - wallStart, out, err);
  }

  private int finish(List<SuiteResult> results, long wall, PrintWriter out, PrintWriter err) {
    summary(out, results, wall);

    try {
      if (junit != null) {
        JUnitXml.write(results, junit);
        out.println("JUnit XML: " + junit);
      }
      if (report != null) {
        HtmlReport.write(results, report.resolve("index.html"));
        CoverageJson.write(results, report.resolve("coverage.json"));
        out.println("Report: " + report.resolve("index.html"));
      }
    } catch (IOException e) {
      err.println("twinline test: cannot write the results: " + e.getMessage());
      return EXIT_BAD_INPUT;
    }
    boolean passed = results.stream().allMatch(SuiteResult::passed);
    long ran = results.stream().mapToLong(r -> r.sequences().size()).sum();
    if (ran == 0) {
      err.println("twinline test: no sequence matched" + (tags.isEmpty() ? "" : " the tags "
          + String.join(", ", tags)) + (excludeTags.isEmpty() ? "" : " without the tags "
          + String.join(", ", excludeTags)));
      return EXIT_BAD_INPUT;
    }
    return passed ? 0 : EXIT_FAILED;
  }

  /** The trace options, the signal patterns checked against every suite's line. */
  private TraceFiles.Options traceOptions(List<SuiteSpec> suites) {
    TraceFiles.Options options;
    try {
      options = TraceFiles.Options.DEFAULT.withCompressed(traceCompress)
          .withDeadband(traceDeadband).withSignals(traceSignals);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--trace-deadband: " + e.getMessage());
    }
    for (SuiteSpec suite : suites) {
      List<String> unmatched = options.unmatched(suite.line().signals());
      if (!unmatched.isEmpty()) {
        throw new IllegalArgumentException("--trace-signals: " + String.join(", ", unmatched)
            + (unmatched.size() == 1 ? " matches" : " match") + " no signal of line "
            + suite.line().name() + " (" + suite.file() + ")");
      }
    }
    return options;
  }

  /**
   * Serves the line the suites are for, waits for the PLC, and runs every sequence on the served
   * line in real time: the plant is reset before each, the PLC stays connected.
   */
  private int runWithPlc(List<SuiteSpec> suites, PrintWriter out, PrintWriter err) {
    LineDefinition line = suites.get(0).line();
    for (SuiteSpec suite : suites) {
      if (!suite.line().equals(line)) {
        err.println("twinline test --plc: all files must be for one line; " + suite.file()
            + " is for " + suite.line().name() + ", not " + line.name());
        return EXIT_BAD_INPUT;
      }
    }
    Duration wait;
    Duration settleTime;
    try {
      wait = Quantities.duration(waitForPlc);
      settleTime = Quantities.duration(settle);
    } catch (QuantityFormatException e) {
      err.println("twinline test: --wait-for-plc / --settle: " + e.getMessage());
      return EXIT_BAD_INPUT;
    }
    if (!(speed > 0)) {
      err.println("twinline test: --speed must be positive, was " + speed);
      return EXIT_BAD_INPUT;
    }
    LineDefinition seeded = seed == null ? line : line.withSeed(seed);
    ServedLine served;
    try {
      ServerOptions options = ServerOptions.defaults()
          .withPort(port).withBindAddress(bind).withPki(pki);
      if (hostname != null) {
        options = options.withHostname(hostname);
      }
      ServedLine.Options serving = ServedLine.Options.of(seeded)
          .withTime(speed == 1.0 ? TimeMode.REALTIME : TimeMode.SCALED, speed)
          .withServer(options);
      // in lock-step the PLC is offered steps only while a sequence runs, so that it scans the
      // same steps in every run however early it connected
      served = ServedLine.start(lockStep ? serving.withTime(TimeMode.STEPPED, 1.0) : serving,
          runner -> {
            if (lockStep) {
              runner.lockStep(Duration.ofSeconds(10), true);
            }
          });
    } catch (IOException | RuntimeException e) {
      err.println("twinline test --plc: " + e.getMessage());
      return EXIT_BAD_INPUT;
    }
    SimulationRunner runner = served.runner();
    TwinlineServer server = served.opcUa();
    try {
      out.printf("Serving line %s for the PLC under test at %s%n", line.name(),
          server.endpointUrl());
      out.flush();
      long deadline = System.nanoTime() + wait.toNanos();
      while (server.sessionCount() == 0 && System.nanoTime() < deadline) {
        LockSupport.parkNanos(50_000_000L);
      }
      if (server.sessionCount() == 0 && !wait.isZero()) {
        err.printf("twinline test --plc: no PLC connected within %s%n", waitForPlc);
        return EXIT_BAD_INPUT; // nothing was tested
      }
      out.printf("PLC connected (%d session%s); running the sequences in %s%n",
          server.sessionCount(), server.sessionCount() == 1 ? "" : "s", settle);
      out.flush();
      LockSupport.parkNanos(settleTime.toNanos());
      List<SuiteResult> results = new ArrayList<>();
      long wallStart = System.nanoTime();
      String controllerName = "PLC at " + server.endpointUrl() + (lockStep ? " (lock-step)" : "");
      for (SuiteSpec suite : suites) {
        SuiteRunner suiteRunner =
            new SuiteRunner(Optional.empty(), controllerName, seed, selection);
        java.util.function.BiConsumer<SuiteSpec.Sequence, Harness> after = (q, h) -> { };
        if (trace != null) {
          after = after.andThen(TraceFiles.writer(trace, suite, traceOptions));
        }
        if (record != null) {
          after = after.andThen(io.twinline.harness.rehearsal.SessionRecorder.writer(record,
              suite, controllerName));
        }
        java.util.function.BiConsumer<SuiteSpec.Sequence, Harness> finished = after;
        long suiteStart = System.nanoTime();
        List<SequenceResult> sequences = new ArrayList<>();
        Coverage coverage = null;
        for (SuiteSpec.Sequence sequence : suite.sequences()) {
          if (!selection.test(sequence)) {
            continue;
          }
          runner.reset().get(30, TimeUnit.SECONDS);
          Coverage[] used = new Coverage[1];
          SequenceResult result = runner.runScript(ctx -> {
            // in lock-step the PLC scans once per step, one I/O cycle
            Harness harness = Harness.attach(ctx, lockStep ? line.ioCycle() : suite.scan());
            used[0] = harness.coverage();
            SequenceResult ran = suiteRunner.run(suite, sequence, harness);
            finished.accept(sequence, harness);
            return ran;
          }).get();
          if (lockStep) {
            awaitPlcAnswer(runner);
          }
          sequences.add(result);
          if (coverage == null) {
            coverage = used[0].empty();
          }
          coverage.add(used[0]);
        }
        SuiteResult result = new SuiteResult(suite.file(), line.name(),
            controllerName, seeded.seed(), sequences, coverage,
            System.nanoTime() - suiteStart, plcNotes());
        results.add(result);
        print(out, result);
      }
      return finish(results, System.nanoTime() - wallStart, out, err);
    } catch (ExecutionException | TimeoutException e) {
      err.println("twinline test --plc: the simulation failed: " + e.getCause());
      return EXIT_BAD_INPUT;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return EXIT_BAD_INPUT;
    } finally {
      served.close();
    }
  }

  /** What the report says about a run against a real PLC: the mode, and the state it keeps. */
  private List<String> plcNotes() {
    return List.of(
        lockStep
            ? "Mode: lock-step. Simulated time moved one I/O cycle per PLC scan"
                + " (Simulation/StepRequest, StepAck), so this run is the same every time."
            : "Mode: real time" + (speed == 1.0 ? "" : ", " + speed + " times faster")
                + ". The PLC scanned on its own clock, so timings vary from run to run;"
                + " --lock-step makes them repeatable.",
        "The line was reset before every sequence (Simulation/ResetCount counts the resets);"
            + " the PLC was not. Unless its program re-initialises when ResetCount changes"
            + " ('twinline plc --restart-on-reset' does), the sequences share the PLC's state.");
  }

  /**
   * Waits (at most 10 s) until the PLC has answered the step offered last, so that it has scanned
   * the same steps in every run when the line is reset for the next sequence.
   */
  private static void awaitPlcAnswer(SimulationRunner runner)
      throws InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!runner.lockStepAnswered().get(10, TimeUnit.SECONDS)
        && System.nanoTime() < deadline) {
      LockSupport.parkNanos(1_000_000L);
    }
  }

  /** The sequence files among {@code paths}: files as given, folders searched. */
  static List<Path> sequenceFiles(List<String> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String name : paths) {
      Path path = Path.of(name);
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          for (Path candidate : walk.filter(p -> p.toString().endsWith(".yaml")
              || p.toString().endsWith(".yml")).sorted().toList()) {
            String text;
            try {
              text = io.twinline.line.TextFiles.read(candidate, "");
            } catch (io.twinline.line.InvalidDefinitionException notText) {
              files.add(candidate); // not UTF-8 text: reading it says so, located
              continue;
            }
            if (SequenceReader.isSequenceFile(text)) {
              files.add(candidate);
            }
          }
        }
      } else if (Files.exists(path)) {
        files.add(path);
      } else {
        throw new IllegalArgumentException("no such file or folder: " + name);
      }
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no sequence files in " + String.join(", ", paths)
          + " (a sequence file is YAML with 'sequences:')");
    }
    return files;
  }

  private static void print(PrintWriter out, SuiteResult result) {
    out.printf("%s: line %s, controller %s, seed %d%n", result.file(), result.line(),
        result.controller(), result.seed());
    result.notes().forEach(note -> out.println("  " + note));
    for (SequenceResult sequence : result.sequences()) {
      out.printf("  %-5s %s  (%s simulated)%n", label(sequence.status()), sequence.name(),
          io.twinline.harness.run.Times.format(sequence.simNanos()));
      sequence.failure().ifPresent(f -> {
        out.printf("        %s:%d:%d: %s%n", f.location().file(), f.location().line(),
            f.location().column(), f.message());
      });
    }
    out.flush();
  }

  private static String label(Status status) {
    return switch (status) {
      case PASSED -> "PASS";
      case FAILED -> "FAIL";
      case ERROR -> "ERROR";
      case SKIPPED -> "SKIP";
      case INTERRUPTED -> "STOP";
    };
  }

  private static void summary(PrintWriter out, List<SuiteResult> results, long wallNanos) {
    long passed = results.stream().mapToLong(r -> r.count(Status.PASSED)).sum();
    long failed = results.stream().mapToLong(r -> r.count(Status.FAILED)).sum();
    long errors = results.stream().mapToLong(r -> r.count(Status.ERROR)).sum();
    long simulated = results.stream().flatMap(r -> r.sequences().stream())
        .mapToLong(SequenceResult::simNanos).sum();
    out.printf("%d sequence%s: %d passed, %d failed, %d error%s (%s simulated in %.1f s)%n",
        passed + failed + errors, passed + failed + errors == 1 ? "" : "s", passed, failed,
        errors, errors == 1 ? "" : "s", io.twinline.harness.run.Times.format(simulated), wallNanos / 1e9);
  }
}
