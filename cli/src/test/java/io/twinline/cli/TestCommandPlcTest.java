package io.twinline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.twinline.sim.controller.ControlProgram;
import io.twinline.harness.controller.OpcUaSoftPlc;
import io.twinline.harness.reference.DemoConveyorProgram;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code twinline test --plc}: the harness serves the line, a PLC connects over OPC UA (here the
 * soft PLC as an OPC UA client), and the sequences run against it in (scaled) real time.
 */
class TestCommandPlcTest {

  @TempDir Path pki;

  private record Run(int exitCode, String output) {}

  private Run run(ControlProgram program) throws Exception {
    return run(program, false, List.of("--speed", "2", "--settle", "1 s"));
  }

  /** {@code test --plc --lock-step} with the soft PLC acknowledging every step. */
  private Run runLockStep(ControlProgram program, Path traces) throws Exception {
    return run(program, true, List.of("--lock-step", "--settle", "0 s", "--trace",
        traces.toString()));
  }

  private Run run(ControlProgram program, boolean lockStep, List<String> options)
      throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Twinline.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String sequences = Path.of(getClass().getResource("/plc.sequences.yaml").toURI()).toString();
    List<String> args = new ArrayList<>(List.of("test", sequences, "--plc", "--port", "0",
        "--bind", "127.0.0.1", "--hostname", "127.0.0.1", "--pki", pki.toString(),
        "--wait-for-plc", "30 s"));
    args.addAll(options);
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(() -> cli.execute(args.toArray(new String[0])));
    Pattern endpoint = Pattern.compile("at (opc\\.tcp://127\\.0\\.0\\.1:\\d+/twinline)");
    await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.matcher(out.toString()).find());
    Matcher m = endpoint.matcher(out.toString());
    assertThat(m.find()).isTrue();
    try (OpcUaSoftPlc plc = lockStep
        ? OpcUaSoftPlc.connectLockStep(m.group(1), program, Duration.ofMillis(10))
        : OpcUaSoftPlc.connect(m.group(1), program, Duration.ofMillis(10))) {
      int code = exit.get(120, TimeUnit.SECONDS);
      assertThat(plc.scans()).isPositive();
      return new Run(code, out + err.toString());
    }
  }

  @Test
  void inLockStepTheSuiteGivesTheSameTracesEveryRun() throws Exception {
    Path first = pki.resolve("first");
    Path second = pki.resolve("second");

    Run one = runLockStep(new DemoConveyorProgram(), first);
    Run two = runLockStep(new DemoConveyorProgram(), second);

    assertThat(one.exitCode()).as(one.output()).isZero();
    assertThat(two.exitCode()).as(two.output()).isZero();
    assertThat(one.output()).contains("(lock-step)").contains("2 sequences: 2 passed, 0 failed");
    java.util.List<Path> files;
    try (var walk = java.nio.file.Files.walk(first)) {
      files = walk.filter(java.nio.file.Files::isRegularFile).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      Path twin = second.resolve(first.relativize(file));
      assertThat(java.nio.file.Files.readAllBytes(twin))
          .as("trace %s is the same in both runs", first.relativize(file))
          .isEqualTo(java.nio.file.Files.readAllBytes(file));
    }
  }

  @Test
  void aPlcThatRunsTheBeltPassesTheSequences() throws Exception {
    Run run = run(new DemoConveyorProgram());

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output())
        .contains("PLC connected")
        .contains("PASS  The PLC runs the belt")
        .contains("PASS  A box passes the end eye in 0.4 s")
        .contains("2 sequences: 2 passed, 0 failed");
  }

  @Test
  void aPlcThatDoesNothingFailsThem() throws Exception {
    Run run = run(io -> io.set("Infeed/MotorOn", false));

    assertThat(run.exitCode()).as(run.output()).isEqualTo(TestCommand.EXIT_FAILED);
    assertThat(run.output())
        .contains("FAIL  The PLC runs the belt")
        .contains("expected Infeed/MotorOn within 2.000 s, but it did not hold");
  }
}
