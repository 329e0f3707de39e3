package io.twinline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code twinline --help} lists every command with a whole sentence, not half of one. */
class HelpSentencesTest {

  @Test
  void everyCommandsSummaryIsAWholeSentence() {
    StringWriter out = new StringWriter();
    CommandLine cli = Twinline.commandLine();
    cli.setOut(new PrintWriter(out, true));
    assertThat(cli.execute("--help")).isZero();

    List<String> summaries = new ArrayList<>();
    boolean inCommands = false;
    for (String line : out.toString().lines().toList()) {
      if (line.startsWith("Commands:")) {
        inCommands = true;
      } else if (inCommands && line.matches("^  \\S.*")) {
        summaries.add(line.strip());
      } else if (inCommands && line.matches("^\\s{4,}\\S.*") && !summaries.isEmpty()) {
        int last = summaries.size() - 1;
        summaries.set(last, summaries.get(last) + " " + line.strip()); // a wrapped summary
      } else if (inCommands && line.isBlank()) {
        inCommands = false;
      }
    }
    assertThat(summaries).hasSizeGreaterThanOrEqualTo(10)
        .allSatisfy(s -> assertThat(s).as("summary of a command").matches(".*[.)]$"));
  }
}
