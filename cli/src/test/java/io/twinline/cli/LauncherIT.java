package io.twinline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, for real: {@code ./twinline serve}, a client, then a stop. */
class LauncherIT {

  private static final Path LAUNCHER = Path.of("..", "twinline").toAbsolutePath().normalize();
  private static final Pattern ENDPOINT = Pattern.compile("OPC UA endpoint: (opc\\.tcp://\\S+)");

  @Test
  void twinlineServeServesTheDemoLineUntilItIsStopped(@TempDir Path dir) throws Exception {
    // Output goes to a file: a pipe may lose the last lines when the process exits.
    Path output = dir.resolve("serve.out");
    Process process =
        new ProcessBuilder(
                LAUNCHER.toString(), "serve", "--port", "0", "--bind", "127.0.0.1",
                "--hostname", "127.0.0.1", "--pki", dir.resolve("pki").toString())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    try {
      await().atMost(Duration.ofSeconds(90)).until(() -> endpoint(output).isPresent());

      OpcUaClient client = OpcUaClient.create(endpoint(output).orElseThrow());
      client.connect();
      try {
        int ns = client.getNamespaceTable().getIndex("urn:twinline").intValue();
        NodeId released = new NodeId(ns, "DemoConveyor/Feeder/Released");
        Object value = client.readValue(0, TimestampsToReturn.Both, released).value().value();
        assertThat(value).isInstanceOf(Integer.class);
      } finally {
        client.disconnect();
      }
    } finally {
      process.destroy(); // SIGTERM, as a service manager would stop it
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(lines(output)).anyMatch(l -> l.startsWith("Stopped at simulated time"));
  }

  private static Optional<String> endpoint(Path output) throws Exception {
    return lines(output).stream()
        .map(ENDPOINT::matcher)
        .filter(Matcher::find)
        .map(m -> m.group(1))
        .findFirst();
  }

  private static List<String> lines(Path output) throws Exception {
    return Files.exists(output)
        ? Files.readAllLines(output, StandardCharsets.UTF_8)
        : List.of();
  }
}
