package io.twinline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands with a Structured Text program: {@code test --controller st:}, {@code plc --program}. */
class StPlcCommandsTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Twinline.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void testRunsASuiteAgainstAnStProgram() {
    int exit = run("test", "../test-harness/sequences/bottling-line.sequences.yaml",
        "--controller", "st:../st-plc/examples/bottling-line.st");

    assertThat(exit).as(out + "\n" + err).isZero();
    assertThat(out.toString()).contains("11 passed");
  }

  @Test
  void testFailsOnTheFaultyStProgram() {
    int exit = run("test", "../test-harness/sequences/bottling-line.sequences.yaml",
        "--controller", "st:../st-plc/examples/faulty/bottling-line-reject-gate-race.st");

    assertThat(exit).as(out + "\n" + err).isNotZero();
    assertThat(out.toString()).contains("A defective bottle goes to the reject bin");
  }

  @Test
  void aProgramWithMistakesIsRefusedWithEveryMistake(@TempDir Path dir) throws Exception {
    Path program = dir.resolve("bad.st");
    java.nio.file.Files.writeString(program, """
        PROGRAM Main
        VAR Tower_Grean AT %Q* : BOOL; x : INT; END_VAR
        x := y;
        END_PROGRAM
        """);
    int exit = run("test", "../test-harness/sequences/bottling-line.sequences.yaml",
        "--controller", "st:" + program);

    assertThat(exit).isNotZero();
    assertThat(err.toString()).contains(program + ":3:6: unknown variable y in Main")
        .doesNotContain("Exception");
  }

  @Test
  void plcRunsAnStProgramAsAnOpcUaClientOfTheServer(@TempDir Path pki) throws Exception {
    ServeCommand serve = new ServeCommand();
    CommandLine.populateCommand(serve, "--line", "../line-definitions/demo-conveyor.yaml",
        "--port", "0", "--bind", "127.0.0.1", "--hostname", "127.0.0.1", "--pki", pki.toString());
    try (ServeCommand.Serving serving =
        serve.open(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))) {
      String url = "opc.tcp://127.0.0.1:" + serving.server().port() + "/twinline";
      Thread plc = new Thread(() -> run("plc", "--endpoint", url, "--program",
          "../st-plc/examples/demo-conveyor.st"), "plc-command");
      plc.setDaemon(true);
      plc.start();
      OpcUaClient client = OpcUaClient.create(url);
      client.connect();
      try {
        int ns = client.getNamespaceTable().getIndex("urn:twinline").intValue();
        NodeId motor = new NodeId(ns, "DemoConveyor/Infeed/MotorOn");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() ->
            Boolean.TRUE.equals(client.readValue(0, TimestampsToReturn.Both, motor).value().value()));
        Matcher running = Pattern.compile("Soft PLC running \\S*demo-conveyor.st on line"
            + " DemoConveyor").matcher(out.toString());
        assertThat(running.find()).as(out.toString()).isTrue();
      } finally {
        client.disconnect();
        plc.interrupt();
        plc.join(10_000);
      }
    }
  }
}
