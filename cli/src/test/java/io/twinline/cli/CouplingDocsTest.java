package io.twinline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What docs/coupling.md shows is what the commands do: its commands parse, its map is what
 * {@code modbus-map} prints ({@link ModbusServeTest}), its tag map is the example's, its problem
 * listing is what {@code serve} prints. The example itself runs in ClosedLoopTest and
 * {@link PlcServeTest}.
 */
class CouplingDocsTest {

  private static final Path DOC = Path.of("..", "docs", "coupling.md");

  /** The fenced blocks of the doc in {@code language} ("" for plain ones). */
  private static List<String> blocks(String language) throws Exception {
    List<String> blocks = new ArrayList<>();
    StringBuilder block = null;
    String opened = null;
    for (String line : Files.readAllLines(DOC)) {
      if (line.startsWith("```")) {
        if (block == null) {
          block = new StringBuilder();
          opened = line.substring(3).strip();
        } else {
          if (opened.equals(language)) {
            blocks.add(block.toString());
          }
          block = null;
        }
      } else if (block != null) {
        block.append(line).append('\n');
      }
    }
    return blocks;
  }

  /** The map the doc shows for the demo line. */
  static String shownMap() throws Exception {
    return blocks("").stream().filter(b -> b.startsWith("Signal ")).findFirst().orElseThrow();
  }

  @Test
  void everyCommandParses() throws Exception {
    List<String> commands = new ArrayList<>();
    for (String block : blocks("bash")) {
      for (String line : block.split("\n")) {
        if (line.startsWith("./twinline ")) {
          // a redirection is the shell's
          commands.add(line.substring("./twinline ".length()).split(" > ")[0].strip());
        }
      }
    }
    assertThat(commands).hasSizeGreaterThanOrEqualTo(7);
    for (String command : commands) {
      String[] args = command.split("\\s+");
      assertThatCode(() -> Twinline.commandLine().parseArgs(args))
          .as(Arrays.toString(args)).doesNotThrowAnyException();
    }
  }

  @Test
  void theTagMapShownIsTheExamples() throws Exception {
    assertThat(blocks("csv")).containsExactly(
        Files.readString(Path.of("../docs/examples/coupling/transfer-tags.csv")));
  }

  @Test
  void theProblemsShownAreWhatServePrints(@TempDir Path dir) throws Exception {
    Path tags = dir.resolve("tags.csv");
    Files.writeString(tags, "Infeed/PartPresent,discrete-input:1\nInfeed/Motor,coil:2\n");
    StringWriter err = new StringWriter();
    CommandLine cli = Twinline.commandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    assertThat(cli.execute("serve", "--line", "../docs/examples/coupling/transfer-line.yaml",
        "--port", "0", "--plc", "modbus-tcp://127.0.0.1:1502", "--plc-tags", tags.toString()))
        .isEqualTo(2);
    String shown = blocks("").stream().filter(b -> b.startsWith("tags.csv:")).findFirst()
        .orElseThrow();
    assertThat(err.toString().replace(dir + "/", "").replace(System.lineSeparator(), "\n"))
        .isEqualTo(shown);
  }
}
