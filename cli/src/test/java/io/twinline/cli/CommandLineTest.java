package io.twinline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Twinline.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void helpListsTheCommands() {
    assertThat(run("--help")).isZero();

    assertThat(out.toString()).contains("serve").contains("validate");
  }

  @Test
  void validateAcceptsTheDemoLine() {
    assertThat(run("validate", "../line-definitions/demo-conveyor.yaml")).isZero();

    assertThat(out.toString())
        .contains("ok, line DemoConveyor with 4 components and 5 signals");
  }

  @Test
  void validateListsEveryProblemAndFails(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        """
        line: Bad
        components:
          - name: Belt
            type: conveyer
          - name: Eye
            type: photo-eye
            conveyor: Nowhere
            position: 1 m
        """);

    assertThat(run("validate", bad.toString())).isEqualTo(2);

    assertThat(err.toString())
        .contains("bad.yaml:4:11: components[0].type: unknown component type 'conveyer'")
        .contains("bad.yaml:7:15: components[1].conveyor: there is no component named 'Nowhere'")
        .contains("2 problems");
  }

  @Test
  void serveRefusesABadLineWithItsProblems(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "line: Bad\ncomponents: []\n");

    assertThat(run("serve", "--line", bad.toString(), "--port", "0", "--pki", dir.toString()))
        .isEqualTo(2);

    assertThat(err.toString()).contains("the line has no components").contains("refused");
  }

  @Test
  void serveRefusesAFaultFileWithFaultsThatDoNotFitTheLine(@TempDir Path dir) throws Exception {
    Path faults = dir.resolve("faults.yaml");
    Files.writeString(
        faults,
        """
        faults:
          - {id: F1, target: Infeed/PartAtEnd, kind: noise, amplitude: 0.1}
          - {id: F2, target: Infeed, kind: jam, at: 10 s}
          - {id: F3, target: Outfeed, kind: jam}
        """);

    assertThat(run("serve", "--faults", faults.toString(), "--port", "0", "--pki",
            dir.toString()))
        .isEqualTo(2);

    assertThat(err.toString())
        .contains("faults.yaml:2:22: faults[0].target: noise needs an analog signal")
        .contains("faults.yaml:4:22: faults[2].target: a sink cannot have a jam fault")
        .doesNotContain("faults[1]");
  }

  @Test
  void serveRefusesAnUnknownTimeMode() {
    assertThat(run("serve", "--time-mode", "warp", "--port", "0")).isEqualTo(2);

    assertThat(err.toString()).contains("unknown time mode 'warp'");
  }

  @Test
  void serveRefusesSwitchingAnonymousOffWithoutUsers(@TempDir Path dir) {
    assertThat(run("serve", "--anonymous", "off", "--port", "0", "--pki", dir.toString()))
        .isEqualTo(2);

    assertThat(err.toString()).contains("--anonymous off needs --users");
  }

  @Test
  void serveRefusesAnUnknownAnonymousRole(@TempDir Path dir) {
    assertThat(run("serve", "--anonymous", "admin", "--port", "0", "--pki", dir.toString()))
        .isEqualTo(2);

    assertThat(err.toString())
        .contains("--anonymous must be observer, plc, engineer or off, was 'admin'");
  }

  @Test
  void serveRefusesAUsersFileWithPlainPasswords(@TempDir Path dir) throws Exception {
    Path users = dir.resolve("users.yaml");
    Files.writeString(users, "users:\n  - {name: plc1, role: plc, password: secret}\n");

    assertThat(run("serve", "--users", users.toString(), "--port", "0", "--pki",
            dir.resolve("pki").toString()))
        .isEqualTo(2);

    assertThat(err.toString())
        .contains("--users: ")
        .contains("users.yaml:2:39: users[0].password: the password must be a hash");
  }

  @Test
  void hashPasswordReadsThePasswordFromAPipeAndPrintsAUsersFileEntry() throws Exception {
    java.io.InputStream stdin = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream("s7-1500\n".getBytes()));
      assertThat(run("hash-password", "--user", "plc1", "--role", "plc")).isZero();
    } finally {
      System.setIn(stdin);
    }

    Matcher entry =
        Pattern.compile("  - \\{name: plc1, role: plc, password: \"(.+)\"\\}")
            .matcher(out.toString());
    assertThat(entry.find()).as(out.toString()).isTrue();
    assertThat(io.twinline.opcua.security.PasswordHash.matches("s7-1500".toCharArray(),
            entry.group(1)))
        .isTrue();
  }

  @Test
  void servePrintsTheEndpointOfAFreePortAndAClientCanDriveTheLine(@TempDir Path pki)
      throws Exception {
    ServeCommand serve = new ServeCommand();
    CommandLine.populateCommand(
        serve, "--line", "../line-definitions/demo-conveyor.yaml", "--port", "0", "--bind",
        "127.0.0.1", "--hostname", "127.0.0.1", "--pki", pki.toString());

    try (ServeCommand.Serving serving =
        serve.open(new PrintWriter(out, true), new PrintWriter(err, true))) {
      Matcher url =
          Pattern.compile("OPC UA endpoint: (opc\\.tcp://127\\.0\\.0\\.1:(\\d+)/twinline)")
              .matcher(out.toString());
      assertThat(url.find()).as(out.toString()).isTrue();
      assertThat(Integer.parseInt(url.group(2))).isEqualTo(serving.server().port());
      Matcher bare =
          Pattern.compile(" \\(or (opc\\.tcp://127\\.0\\.0\\.1:\\d+)\\)$", Pattern.MULTILINE)
              .matcher(out.toString());
      assertThat(bare.find()).as(out.toString()).isTrue();
      assertThat(org.eclipse.milo.opcua.sdk.client.DiscoveryClient.getEndpoints(bare.group(1))
              .get(10, java.util.concurrent.TimeUnit.SECONDS))
          .as("endpoints at the bare URL").isNotEmpty();

      OpcUaClient client = OpcUaClient.create(url.group(1));
      client.connect();
      try {
        int ns = client.getNamespaceTable().getIndex("urn:twinline").intValue();
        NodeId motor = new NodeId(ns, "DemoConveyor/Infeed/MotorOn");
        List<StatusCode> result =
            client.writeValues(List.of(motor), List.of(DataValue.valueOnly(new Variant(true))));
        assertThat(result.get(0).isGood()).isTrue();
        org.awaitility.Awaitility.await()
            .until(
                () ->
                    Boolean.TRUE.equals(
                        client.readValue(0, TimestampsToReturn.Both, motor).value().value()));
      } finally {
        client.disconnect();
      }
    }
  }

  @Test
  void aTakenPortIsReportedClearly(@TempDir Path pki) throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
        java.net.InetAddress.getByName("127.0.0.1"))) {
      ServeCommand serve = new ServeCommand();
      CommandLine.populateCommand(
          serve, "--line", "../line-definitions/demo-conveyor.yaml", "--port",
          String.valueOf(taken.getLocalPort()), "--bind", "127.0.0.1", "--pki", pki.toString());

      assertThatThrownBy(() -> serve.open(new PrintWriter(out, true), new PrintWriter(err, true)))
          .isInstanceOf(ServeCommand.Refused.class);
      assertThat(err.toString())
          .contains("cannot listen on 127.0.0.1:" + taken.getLocalPort())
          .contains("--port 0");
    }
  }
}
