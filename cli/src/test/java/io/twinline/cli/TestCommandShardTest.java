package io.twinline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code twinline test --shard i/n}: a campaign spread over runners, every sequence once. */
class TestCommandShardTest {

  private static final String SUITES = Path.of("..", "test-harness", "sequences")
      .toAbsolutePath().normalize().toString();

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Twinline.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private static List<String> testcases(Path junit) throws Exception {
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("<testcase name=\"([^\"]+)\" classname=\"([^\"]+)\"")
        .matcher(Files.readString(junit));
    while (m.find()) {
      names.add(m.group(2) + "#" + m.group(1));
    }
    return names;
  }

  @Test
  void threeShardsRunEverySequenceOfTheCampaignExactlyOnce(@TempDir Path dir) throws Exception {
    assertThat(run("test", SUITES, "--controller", "reference", "--junit",
        dir.resolve("all.xml").toString())).as(err.toString()).isZero();
    List<String> all = testcases(dir.resolve("all.xml"));

    List<String> union = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      Path junit = dir.resolve("shard" + i + ".xml");
      assertThat(run("test", SUITES, "--controller", "reference", "--shard", i + "/3",
          "--junit", junit.toString())).as(err.toString()).isZero();
      List<String> part = testcases(junit);
      assertThat(part.size()).isBetween(all.size() / 3, all.size() / 3 + 1);
      union.addAll(part);
    }

    assertThat(all).hasSizeGreaterThan(20);
    assertThat(union).containsExactlyInAnyOrderElementsOf(all);
  }

  @Test
  void aShardOutsideItsCountIsRefusedBeforeAnythingRuns() {
    assertThat(run("test", SUITES, "--shard", "4/3")).isEqualTo(TestCommand.EXIT_BAD_INPUT);

    assertThat(err.toString()).contains("--shard").contains("1 ≤ i ≤ n").contains("4/3");
    assertThat(out.toString()).doesNotContain("PASS");
  }

  @Test
  void aShardThatIsNotIOverNIsRefused() {
    assertThat(run("test", SUITES, "--shard", "two")).isEqualTo(TestCommand.EXIT_BAD_INPUT);

    assertThat(err.toString()).contains("a shard is i/n, e.g. 2/4; was 'two'");
  }
}
