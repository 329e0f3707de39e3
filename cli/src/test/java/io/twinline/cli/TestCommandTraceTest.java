package io.twinline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code twinline test --trace} with its signal choice, deadband and compression. */
class TestCommandTraceTest {

  private static final String SUITE = "../test-harness/sequences/demo-conveyor.sequences.yaml";

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Twinline.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private static String gunzip(Path file) throws Exception {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void tracesAreCompressedAndHoldOnlyTheChosenSignals(@TempDir Path dir) throws Exception {
    int code = run("test", SUITE, "--controller", "reference", "--trace", dir.toString(),
        "--trace-signals", "Infeed/*");

    assertThat(code).as(err.toString()).isZero();
    Path folder = dir.resolve("demo-conveyor.sequences");
    try (var files = Files.list(folder)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .isNotEmpty().allSatisfy(name -> assertThat(name).endsWith(".jsonl.gz"));
    }
    Path any;
    try (var files = Files.list(folder)) {
      any = files.sorted().findFirst().orElseThrow();
    }
    String trace = gunzip(any);
    assertThat(trace.lines()).isNotEmpty().allSatisfy(l -> assertThat(l).contains("\"Infeed/"));
    assertThat(trace.lines().findFirst().orElseThrow()).startsWith("{\"time_ns\":0,");
  }

  @Test
  void plainTracesOnRequest(@TempDir Path dir) throws Exception {
    assertThat(run("test", SUITE, "--controller", "reference", "--trace", dir.toString(),
        "--no-trace-compress", "--trace-deadband", "0.5")).as(err.toString()).isZero();

    try (var files = Files.list(dir.resolve("demo-conveyor.sequences"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .isNotEmpty().allSatisfy(name -> assertThat(name).endsWith(".jsonl"));
    }
  }

  @Test
  void aPatternThatMatchesNoSignalIsBadInputBeforeAnythingRuns(@TempDir Path dir) {
    int code = run("test", SUITE, "--controller", "reference", "--trace", dir.toString(),
        "--trace-signals", "Infeed/*,Tank/*");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("--trace-signals: Tank/* matches no signal of line DemoConveyor");
    assertThat(out.toString()).doesNotContain("PASS");
  }

  @Test
  void aNegativeDeadbandIsBadInput(@TempDir Path dir) {
    assertThat(run("test", SUITE, "--controller", "reference", "--trace", dir.toString(),
        "--trace-deadband", "-1")).isEqualTo(2);
    assertThat(err.toString()).contains("--trace-deadband: the deadband must be a number of 0");
  }
}
