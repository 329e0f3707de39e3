package io.twinline.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twinline.line.LineDefinitions;
import io.twinline.sim.run.TimeMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with a second OPC UA stack: node-opcua (src/test/node/interop.mjs, installed
 * by Maven with npm) browses, reads, writes, subscribes and calls methods on the demo line, over
 * the None endpoint and over Basic256Sha256 SignAndEncrypt after an admin has trusted its
 * certificate, connects at the bare URL and at the URL FindServers hands out, and is killed
 * mid-session like a PLC losing power.
 */
class NodeOpcUaInteropTest {

  private static final Path NODE_DIR = Path.of("src", "test", "node");
  private static final Duration NODE_TIMEOUT = Duration.ofSeconds(90);

  @TempDir Path dir;
  private ServerFixture fixture;
  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stop() {
    processes.forEach(Process::destroyForcibly);
    if (fixture != null) {
      fixture.close();
    }
  }

  private void start(boolean allowNone) throws Exception {
    assertThat(NODE_DIR.resolve("node_modules").resolve("node-opcua-client"))
        .as("node-opcua is installed by 'mvn verify' (npm install in %s)", NODE_DIR)
        .isDirectory();
    fixture =
        ServerFixture.start(
            LineDefinitions.example(LineDefinitions.DEFAULT_LINE),
            TimeMode.SCALED,
            20.0,
            dir.resolve("server-pki"),
            o -> o.withAllowNone(allowNone));
  }

  private Process node(String mode, Path output) throws IOException {
    return node(mode, fixture.server.endpointUrl(), output);
  }

  private Process node(String mode, String endpointUrl, Path output) throws IOException {
    Process process =
        new ProcessBuilder(
                "node",
                "interop.mjs",
                endpointUrl,
                mode,
                dir.resolve("node-pki").toAbsolutePath().toString())
            .directory(NODE_DIR.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    processes.add(process);
    return process;
  }

  /** Runs the checks of interop.mjs and returns its result, steps by name. */
  private JsonNode run(String mode) throws Exception {
    return run(mode, fixture.server.endpointUrl());
  }

  private JsonNode run(String mode, String endpointUrl) throws Exception {
    Path output = Files.createTempFile(dir, "node-" + mode, ".log");
    Process process = node(mode, endpointUrl, output);
    assertThat(process.waitFor(NODE_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
        .as("node-opcua finished within %s", NODE_TIMEOUT)
        .isTrue();
    String log = Files.readString(output);
    String line =
        log.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
            .orElseThrow(() -> new AssertionError("no RESULT from node-opcua:\n" + log));
    return new ObjectMapper().readTree(line.substring("RESULT ".length()));
  }

  private static JsonNode step(JsonNode result, String name) {
    for (JsonNode step : result.get("steps")) {
      if (step.get("name").asText().equals(name)) {
        return step;
      }
    }
    throw new AssertionError("no step " + name + " in " + result);
  }

  private void assertChecksPassed(JsonNode result) {
    assertThat(result.get("ok").asBoolean()).as(result.toString()).isTrue();
    assertThat(step(result, "browse").get("names")).extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("DemoConveyor", "Simulation");
    assertThat(step(result, "dataType").get("value").asText()).isEqualTo("ns=0;i=1"); // Boolean
    assertThat(step(result, "writeInput").get("status").asText()).isEqualTo("BadNotWritable");
    assertThat(step(result, "writeWrongType").get("status").asText())
        .isEqualTo("BadTypeMismatch");
    assertThat(step(result, "writeMotorOn").get("status").asText()).isEqualTo("Good");
    JsonNode changes = step(result, "partAtEnd").get("changes");
    assertThat(changes.get(0).get("value").asBoolean()).isFalse();
    assertThat(changes).anySatisfy(c -> assertThat(c.get("value").asBoolean()).isTrue());
    // Source timestamps are simulated times: on and off again 0.2 m (0.4 s) later.
    List<Instant> arrivals = new ArrayList<>();
    changes.forEach(c -> arrivals.add(Instant.parse(c.get("source").asText())));
    if (changes.size() >= 3) {
      assertThat(Duration.between(arrivals.get(1), arrivals.get(2)))
          .isEqualTo(Duration.ofMillis(400));
    }
    assertThat(step(result, "pause").get("status").asText()).isEqualTo("Good");
    assertThat(step(result, "state").get("value").asText()).isEqualTo("Paused");
    JsonNode stepped = step(result, "step");
    assertThat(stepped.get("status").asText()).isEqualTo("Good");
    assertThat(stepped.get("output").get(0).asDouble()).isPositive();
  }

  @Test
  void nodeOpcUaWorksOverTheNoneEndpoint() throws Exception {
    start(true);

    assertChecksPassed(run("None"));
  }

  @Test
  void nodeOpcUaWorksEncryptedOnceItsCertificateIsTrusted() throws Exception {
    start(false);
    Path rejected = dir.resolve("server-pki").resolve("rejected");

    JsonNode refused = run("SignAndEncrypt");
    assertThat(refused.get("ok").asBoolean()).as(refused.toString()).isFalse();
    List<Path> quarantined;
    try (Stream<Path> files = Files.list(rejected)) {
      quarantined = files.toList();
    }
    assertThat(quarantined).hasSize(1);
    Files.move(
        quarantined.get(0),
        dir.resolve("server-pki").resolve("trusted").resolve("certs")
            .resolve(quarantined.get(0).getFileName()));
    await().atMost(Duration.ofSeconds(10))
        .until(() -> !fixture.server.pki().trusted().isEmpty());

    assertChecksPassed(run("SignAndEncrypt"));
  }

  @Test
  void nodeOpcUaConnectsAtTheBareUrlOnTheFirstChannelAndAtTheUrlFindServersGives()
      throws Exception {
    start(true);
    String bareUrl = "opc.tcp://127.0.0.1:" + fixture.server.port();

    JsonNode result = run("connect", bareUrl);

    assertThat(result.get("ok").asBoolean()).as(result.toString()).isTrue();
    JsonNode first = step(result, "firstChannel");
    assertThat(first.get("endpointUrl").asText()).isEqualTo(bareUrl);
    // The first token after a start; Milo's count starts at 0, which open62541 1.3 drops.
    assertThat(first.get("tokenId").asLong()).isEqualTo(1);
    assertThat(first.get("channelId").asLong()).isNotZero();
    JsonNode bareRead = step(result, "bareRead");
    assertThat(bareRead.get("status").asText()).isEqualTo("Good");
    assertThat(bareRead.get("namespace").asInt()).isEqualTo(2);
    assertThat(step(result, "findServers").get("discoveryUrls")).extracting(JsonNode::asText)
        .startsWith(fixture.server.endpointUrl())
        .noneMatch(url -> url.endsWith("/discovery"));
    JsonNode atDiscoveryUrl = step(result, "discoverySession");
    assertThat(atDiscoveryUrl.get("url").asText()).isEqualTo(fixture.server.endpointUrl());
    assertThat(atDiscoveryUrl.get("status").asText()).isEqualTo("Good");
  }

  @Test
  void aClientKilledMidSessionIsCleanedUpWhenItsSessionTimesOut() throws Exception {
    start(true);
    List<Path> outputs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Path output = dir.resolve("hold-" + i + ".log");
      outputs.add(output);
      node("hold", output);
    }
    await().atMost(NODE_TIMEOUT)
        .until(() -> outputs.stream().allMatch(o -> contains(o, "READY")));
    assertThat(fixture.server.sessionCount()).isEqualTo(3);
    assertThat(fixture.server.namespace().pushedItemCount()).isEqualTo(3);

    processes.forEach(Process::destroyForcibly); // no CloseSession, no goodbye

    await().atMost(Duration.ofSeconds(60))
        .until(() -> fixture.server.sessionCount() == 0
            && fixture.server.milo().getSubscriptions().isEmpty()
            && fixture.server.namespace().pushedItemCount() == 0);
    var next = fixture.connect();
    assertThat(ServerFixture.read(next, fixture.signal("Infeed/MotorOn")).statusCode().isGood())
        .isTrue();
  }

  private static boolean contains(Path file, String text) {
    try {
      return Files.exists(file) && Files.readString(file).contains(text);
    } catch (IOException e) {
      return false;
    }
  }
}
