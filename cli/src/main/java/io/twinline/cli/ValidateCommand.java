package io.twinline.cli;

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
    description = "Check line files; list every problem with file:line:column and a hint.")
final class ValidateCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Line files to check.")
  List<String> files;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int invalid = 0;
    for (String file : files) {
      try {
        LineDefinition line = LineFiles.load(file);
        out.printf(
            "%s: ok, line %s with %d components and %d signals%n",
            file, line.name(), line.components().size(), line.signals().size());
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
