package io.twinline.cli;

import io.twinline.harness.suite.SequenceReader;
import io.twinline.harness.suite.SuiteSpec;
import io.twinline.line.InvalidDefinitionException;
import io.twinline.line.Problem;
import io.twinline.line.model.LineDefinition;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code twinline validate FILE...}: checks line files and lists every problem. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check line files and sequence files, and list every problem with file:line:column and"
          + " a hint. A sequence file is checked against its line (its 'line:' or --line).",
      "Exit code 0: every file is valid; 2: a file has problems or cannot be read."
    })
final class ValidateCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to check.")
  List<String> files;

  @picocli.CommandLine.Option(
      names = {"-l", "--line"},
      paramLabel = "FILE",
      description = "The line for sequence files, instead of their 'line:'.")
  String line;

  @Spec CommandSpec spec;

  private static boolean isSequenceFile(String file) {
    try {
      return SequenceReader.isSequenceFile(
          java.nio.file.Files.readString(java.nio.file.Path.of(file)));
    } catch (java.io.IOException e) {
      return false; // the line reader says why it cannot be read
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int invalid = 0;
    // a line file named twice (given, and as a sequence file's line) is reported once
    java.util.Set<String> printed = new java.util.HashSet<>();
    for (String file : files) {
      try {
        if (isSequenceFile(file)) {
          LineDefinition lineOverride = line == null ? null : LineFiles.load(line);
          SuiteSpec suite = SequenceReader.read(java.nio.file.Path.of(file), lineOverride);
          out.printf("%s: ok, %d sequence%s for line %s%n", file, suite.sequences().size(),
              suite.sequences().size() == 1 ? "" : "s", suite.line().name());
          continue;
        }
        LineDefinition definition = LineFiles.load(file);
        out.printf(
            "%s: ok, line %s with %d components and %d signals%n",
            file, definition.name(), definition.components().size(),
            definition.signals().size());
      } catch (InvalidDefinitionException e) {
        invalid++;
        boolean inOtherFile = false;
        for (Problem problem : e.problems()) {
          String where = problem.location().file();
          java.nio.file.Path path = java.nio.file.Path.of(where).toAbsolutePath().normalize();
          inOtherFile |= !path.equals(java.nio.file.Path.of(file).toAbsolutePath().normalize());
          if (printed.add(path + ":" + problem.location().line() + ":"
              + problem.location().column() + ":" + problem.message())) {
            err.println(problem.format());
          }
        }
        err.printf("%s: %d problem%s%n", file, e.problems().size(),
            e.problems().size() == 1 ? "" : "s");
        if (inOtherFile && isSequenceFile(file)) {
          err.printf("%s: its steps were not checked, since its line is not valid; fix the line"
              + " file, then validate again%n", file);
        }
      }
    }
    out.flush();
    err.flush();
    return invalid == 0 ? 0 : TestCommand.EXIT_BAD_INPUT;
  }
}
