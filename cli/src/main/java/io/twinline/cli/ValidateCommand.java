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
      "Check line files and sequence files; list every problem with file:line:column and a",
      "hint. A sequence file is checked against its line (its 'line:' or --line)."
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
        for (Problem problem : e.problems()) {
          err.println(problem.format());
        }
        err.printf("%s: %d problem%s%n", file, e.problems().size(),
            e.problems().size() == 1 ? "" : "s");
      }
    }
    out.flush();
    err.flush();
    return invalid == 0 ? 0 : 1;
  }
}
