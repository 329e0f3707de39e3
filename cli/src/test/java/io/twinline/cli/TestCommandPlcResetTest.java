package io.twinline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.twinline.harness.controller.OpcUaSoftPlc;
import io.twinline.sim.controller.ControlProgram;
import io.twinline.sim.controller.ProcessImage;
import io.twinline.sim.controller.Timers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What a reset is to a real PLC: {@code test --plc} resets the line before every sequence and
 * counts it in {@code Simulation/ResetCount}; a PLC that restarts when the count changes passes
 * every sequence, one that keeps its state fails the second, and the report says which mode ran
 * and that the sequences share the PLC's state.
 */
class TestCommandPlcResetTest {

  @TempDir Path dir;

  /** Runs the belt until the first box reaches the end, then stops it for good: it has state. */
  static final class FirstBoxOnly implements ControlProgram {
    private final Timers.Rising arrived = new Timers.Rising();
    private boolean done;

    @Override
    public void scan(ProcessImage io) {
      if (arrived.update(io.bool("Infeed/PartAtEnd"))) {
        done = true;
      }
      io.set("Infeed/MotorOn", !done);
    }
  }

  private static final String SEQUENCES = """
      line: demo-conveyor.yaml
      sequences:
        - name: The first box stops the belt
          steps:
            - expect: Infeed/MotorOn
              within: 100 ms
            - expect: Infeed/PartAtEnd
              within: 5 s
            - expect: "!Infeed/MotorOn"
              within: 2 scans
        - name: After a reset the belt runs again
          steps:
            - expect: Infeed/MotorOn
              within: 100 ms
        """;

  private record Run(int exitCode, String output, long restarts) {}

  private Run run(boolean restartOnReset) throws Exception {
    Path file = dir.resolve("reset.sequences.yaml");
    Files.writeString(file, SEQUENCES);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Twinline.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> args = List.of("test", file.toString(), "--plc", "--lock-step", "--port", "0",
        "--bind", "127.0.0.1", "--hostname", "127.0.0.1", "--pki", dir.resolve("pki").toString(),
        "--wait-for-plc", "30 s", "--settle", "0 s", "--report", dir.resolve("report").toString());
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(() -> cli.execute(args.toArray(new String[0])));
    Pattern endpoint = Pattern.compile("at (opc\\.tcp://127\\.0\\.0\\.1:\\d+/twinline)");
    await().atMost(Duration.ofSeconds(90))
        .until(() -> endpoint.matcher(out.toString()).find() || exit.isDone());
    Matcher m = endpoint.matcher(out.toString());
    assertThat(m.find()).as(out + err.toString()).isTrue();
    try (OpcUaSoftPlc plc = OpcUaSoftPlc.connectLockStep(m.group(1), new FirstBoxOnly(),
        Duration.ofMillis(10))) {
      if (restartOnReset) {
        plc.restartOnReset(FirstBoxOnly::new);
      }
      int code = exit.get(120, TimeUnit.SECONDS);
      return new Run(code, out + err.toString(), plc.restarts());
    }
  }

  @Test
  void aPlcThatRestartsWhenResetCountChangesPassesEverySequence() throws Exception {
    Run run = run(true);

    assertThat(run.exitCode()).as(run.output()).isZero();
    // the first sequence's reset came before the program's first scan: nothing to restart
    assertThat(run.restarts()).as("a restart for the second sequence").isEqualTo(1);
    assertThat(run.output()).contains("2 sequences: 2 passed, 0 failed")
        .contains("  Mode: lock-step.")
        .contains("the sequences share the PLC's state");
    String report = Files.readString(dir.resolve("report/index.html"));
    assertThat(report).contains("Mode: lock-step. Simulated time moved one I/O cycle per PLC"
        + " scan").contains("Simulation/ResetCount counts the resets");
  }

  @Test
  void aPlcThatKeepsItsStateFailsTheSequenceAfterTheFirst() throws Exception {
    Run run = run(false);

    assertThat(run.exitCode()).as(run.output()).isEqualTo(TestCommand.EXIT_FAILED);
    assertThat(run.restarts()).isZero();
    assertThat(run.output()).contains("PASS  The first box stops the belt")
        .contains("FAIL  After a reset the belt runs again");
  }
}
