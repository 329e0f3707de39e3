package io.twinline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code twinline bench}: the launcher script runs the benchmarks from the source checkout (JMH
 * needs its build); this command only says so when the jar is started directly.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Run the benchmarks and write docs/benchmarks.md (from the source checkout:"
          + " ./twinline bench, or mvn -Pbench -pl bench -am verify)."
    })
final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println(
        "twinline bench runs from the source checkout: ./twinline bench");
    spec.commandLine().getErr().flush();
    return 2;
  }
}
