package io.twinline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --tags} includes, {@code '!TAG'} and {@code --exclude-tags} leave out, as JUnit's. */
class TestCommandTagsTest {

  private static final String SUITE = "../test-harness/sequences/demo-conveyor.sequences.yaml";

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Twinline.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private long ran() {
    return out.toString().lines().filter(l -> l.startsWith("  PASS") || l.startsWith("  FAIL"))
        .count();
  }

  @Test
  void aBangTagLeavesOutTheSequencesThatHaveIt() {
    assertThat(run("test", SUITE, "--controller", "reference", "--tags", "!production,!faults"))
        .as(err.toString()).isZero();

    assertThat(ran()).isEqualTo(2);
    assertThat(out.toString()).contains("The belt runs from the first scan")
        .doesNotContain("One box every 5 s").doesNotContain("jam");
  }

  @Test
  void excludeTagsWinsOverTags() {
    assertThat(run("test", SUITE, "--controller", "reference", "--tags", "smoke",
        "--exclude-tags", "timing")).as(err.toString()).isZero();

    assertThat(ran()).isEqualTo(1);
    assertThat(out.toString()).contains("The belt runs from the first scan");
  }

  @Test
  void excludingEverythingIsBadInputThatSaysWhy() {
    assertThat(run("test", SUITE, "--controller", "reference", "--exclude-tags",
        "smoke,production,faults")).isEqualTo(2);

    assertThat(err.toString()).contains("no sequence matched without the tags smoke, production,"
        + " faults");
  }
}
