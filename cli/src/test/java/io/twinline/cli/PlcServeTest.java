package io.twinline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve --plc URL --plc-tags FILE}, against the example's pymodbus soft PLC. */
class PlcServeTest {

  static final Path EXAMPLE = Path.of("../docs/examples/coupling");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Twinline.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void aTagMapWithMistakesIsRefusedWithEachOneLocated(@TempDir Path dir) throws Exception {
    Path tags = dir.resolve("tags.csv");
    Files.writeString(tags, "Infeed/PartPresent,discrete-input:1\nInfeed/Motor,coil:2\n");
    assertThat(run("serve", "--line", EXAMPLE.resolve("transfer-line.yaml").toString(),
        "--port", "0", "--plc", "modbus-tcp://127.0.0.1:1502", "--plc-tags", tags.toString()))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("tags.csv:1:20: Infeed/PartPresent: Infeed/PartPresent is an input")
        .contains("tags.csv:2:1: Infeed/Motor: the line has no signal Infeed/Motor")
        .contains("hint: did you mean Infeed/MotorOn")
        .contains("refused, 2 problems");
  }

  @Test
  void plcWithoutTagsIsRefused() {
    assertThat(run("serve", "--port", "0", "--plc", "modbus-tcp://127.0.0.1:1502")).isEqualTo(2);
    assertThat(err.toString()).contains("--plc and --plc-tags go together");
  }

  @Test
  void serveCouplesTheLineToTheSoftPlc(@TempDir Path pki) throws Exception {
    Process plc = new ProcessBuilder("/usr/bin/python3",
        EXAMPLE.resolve("soft_plc.py").toString(), "0").redirectErrorStream(true).start();
    try {
      BufferedReader plcOut = new BufferedReader(
          new InputStreamReader(plc.getInputStream(), StandardCharsets.UTF_8));
      Matcher port = Pattern.compile("listening on port (\\d+)").matcher(plcOut.readLine());
      assertThat(port.find()).isTrue();
      ServeCommand serve = new ServeCommand();
      CommandLine.populateCommand(serve, "--line",
          EXAMPLE.resolve("transfer-line.yaml").toString(), "--port", "0", "--bind",
          "127.0.0.1", "--pki", pki.toString(), "--plc", "modbus-tcp://127.0.0.1:"
              + port.group(1), "--plc-tags", EXAMPLE.resolve("transfer-tags.csv").toString(),
          "--plc-status", "Plc/Link");
      try (ServeCommand.Serving serving =
          serve.open(new PrintWriter(out, true), new PrintWriter(err, true))) {
        assertThat(out.toString()).contains("PLC coupling: modbus-tcp://127.0.0.1:"
            + port.group(1) + ", 4 tags, every 10 ms: 2 read and 1 write requests a cycle");
        await().atMost(Duration.ofSeconds(60)).until(() -> out.toString()
            .contains("PLC link: UP"));
        await().atMost(Duration.ofSeconds(60)).until(() -> serving.runner()
            .call(p -> p.signal("Infeed/MotorOn").value()).join().equals(true));
        await().atMost(Duration.ofSeconds(60)).until(() -> serving.runner()
            .call(p -> p.signal("Plc/Link").value()).join().equals(1));
      }
    } finally {
      plc.destroy();
      assertThat(plc.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
  }

  /**
   * A line file with a {@code coupling:} section couples without --plc (the tags file beside
   * it); a flag given overrides the section's field (--plc-cycle here).
   */
  @Test
  void serveCouplesFromTheLineFilesCouplingSection(@TempDir Path dir) throws Exception {
    Process plc = new ProcessBuilder("/usr/bin/python3",
        EXAMPLE.resolve("soft_plc.py").toString(), "0").redirectErrorStream(true).start();
    try {
      BufferedReader plcOut = new BufferedReader(
          new InputStreamReader(plc.getInputStream(), StandardCharsets.UTF_8));
      Matcher port = Pattern.compile("listening on port (\\d+)").matcher(plcOut.readLine());
      assertThat(port.find()).isTrue();
      Files.copy(EXAMPLE.resolve("transfer-tags.csv"), dir.resolve("tags.csv"));
      Path line = dir.resolve("coupled-line.yaml");
      Files.writeString(line, Files.readString(EXAMPLE.resolve("transfer-line.yaml")) + """

          coupling:
            plc: modbus-tcp://127.0.0.1:%s
            tags: tags.csv          # relative to the line file
            cycle: 10 ms
            pauseWhileDown: true
            status: Plc/Link
          """.formatted(port.group(1)));
      ServeCommand serve = new ServeCommand();
      CommandLine.populateCommand(serve, "--line", line.toString(), "--port", "0", "--bind",
          "127.0.0.1", "--pki", dir.resolve("pki").toString(), "--plc-cycle", "20");
      try (ServeCommand.Serving serving =
          serve.open(new PrintWriter(out, true), new PrintWriter(err, true))) {
        assertThat(out.toString()).contains("PLC coupling: modbus-tcp://127.0.0.1:"
            + port.group(1) + ", 4 tags, every 20 ms: 2 read and 1 write requests a cycle;"
            + " the simulation waits while the PLC is unreachable");
        await().atMost(Duration.ofSeconds(60)).until(() -> out.toString()
            .contains("PLC link: UP"));
        await().atMost(Duration.ofSeconds(60)).until(() -> serving.runner()
            .call(p -> p.signal("Infeed/MotorOn").value()).join().equals(true));
        await().atMost(Duration.ofSeconds(60)).until(() -> serving.runner()
            .call(p -> p.signal("Plc/Link").value()).join().equals(1));
      }
    } finally {
      plc.destroy();
      assertThat(plc.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void aCouplingSectionWithMistakesIsRefusedLocated(@TempDir Path dir) throws Exception {
    Path line = dir.resolve("bad-line.yaml");
    Files.writeString(line, Files.readString(EXAMPLE.resolve("transfer-line.yaml")) + """

        coupling:
          plc: s7://10.0.0.5
          tags: nowhere.csv
        """);
    assertThat(run("serve", "--line", line.toString(), "--port", "0")).isEqualTo(2);
    assertThat(err.toString())
        .contains("bad-line.yaml:").contains(": coupling.plc: the coupling cannot speak 's7://'")
        .contains(": coupling.tags: there is no tag map ")
        .contains("refused, 2 problems");
  }

  /**
   * End to end: while the PLC is unreachable an OPC UA client reads the signals fed from it with
   * Bad_NoCommunication; once the soft PLC is up on that port they are Good again.
   */
  @Test
  void whileThePlcIsUnreachableOpcUaReadsItsSignalsAsBadNoCommunication(@TempDir Path dir)
      throws Exception {
    int free;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      free = socket.getLocalPort();
    }
    ServeCommand serve = new ServeCommand();
    CommandLine.populateCommand(serve, "--line",
        EXAMPLE.resolve("transfer-line.yaml").toString(), "--port", "0", "--bind", "127.0.0.1",
        "--hostname", "127.0.0.1", "--pki", dir.toString(), "--plc",
        "modbus-tcp://127.0.0.1:" + free, "--plc-tags",
        EXAMPLE.resolve("transfer-tags.csv").toString());
    Process plc = null;
    try (ServeCommand.Serving serving =
        serve.open(new PrintWriter(out, true), new PrintWriter(err, true))) {
      Matcher url = Pattern.compile(
          "OPC UA endpoint: (opc\\.tcp://127\\.0\\.0\\.1:\\d+/twinline)").matcher(out.toString());
      assertThat(url.find()).as(out.toString()).isTrue();
      org.eclipse.milo.opcua.sdk.client.OpcUaClient client =
          org.eclipse.milo.opcua.sdk.client.OpcUaClient.create(url.group(1));
      client.connect();
      try {
        int ns = client.getNamespaceTable().getIndex("urn:twinline").intValue();
        org.eclipse.milo.opcua.stack.core.types.builtin.NodeId count =
            new org.eclipse.milo.opcua.stack.core.types.builtin.NodeId(ns,
                serving.runner().plant().name() + "/Plc/Count");
        java.util.function.Supplier<Long> status = () -> {
          try {
            return client.readValue(0, org.eclipse.milo.opcua.stack.core.types.enumerated
                .TimestampsToReturn.Both, count).statusCode().value();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        };
        await().atMost(Duration.ofSeconds(60)).until(() -> out.toString()
            .contains("PLC link: DOWN"));
        await().atMost(Duration.ofSeconds(60)).until(() -> status.get()
            == org.eclipse.milo.opcua.stack.core.StatusCodes.Bad_NoCommunication);

        plc = new ProcessBuilder("/usr/bin/python3", EXAMPLE.resolve("soft_plc.py").toString(),
            String.valueOf(free)).redirectErrorStream(true).start();
        await().atMost(Duration.ofSeconds(60)).until(() -> out.toString()
            .contains("PLC link: UP"));
        await().atMost(Duration.ofSeconds(60)).until(() -> status.get() == 0L);
      } finally {
        client.disconnect();
      }
    } finally {
      if (plc != null) {
        plc.destroy();
        assertThat(plc.waitFor(60, TimeUnit.SECONDS)).isTrue();
      }
    }
  }
}
