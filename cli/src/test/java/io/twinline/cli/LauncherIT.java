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

  @Test
  void aTakenPortIsOneLineNotAThousandStackFrames(@TempDir Path dir) throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
        java.net.InetAddress.getByName("127.0.0.1"))) {
      Result serve = run(dir, "serve", "--port", String.valueOf(taken.getLocalPort()),
          "--bind", "127.0.0.1", "--pki", dir.resolve("pki").toString());

      assertThat(serve.exit()).isEqualTo(2);
      assertThat(serve.lines()).noneMatch(l -> l.strip().startsWith("at "))
          .noneMatch(l -> l.contains("BindException"))
          .anyMatch(l -> l.startsWith("twinline serve: cannot listen on 127.0.0.1:"
              + taken.getLocalPort()));
      assertThat(serve.lines()).hasSizeLessThanOrEqualTo(3);
    }
  }

  @Test
  void filesThatAreNotUtf8TextAreOneLocatedLineEach(@TempDir Path dir) throws Exception {
    Path utf16 = dir.resolve("utf16.yaml");
    Files.write(utf16, "line: Demo\ncomponents:\n  - {name: Out, type: sink}\n"
        .getBytes(StandardCharsets.UTF_16));
    Path users = dir.resolve("users.yaml");
    Files.write(users, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3});

    Result validate = run(dir, "validate", utf16.toString());
    Result serveLine = run(dir, "serve", "--line", utf16.toString(), "--port", "0",
        "--pki", dir.resolve("pki").toString());
    Result serveUsers = run(dir, "serve", "--users", users.toString(), "--port", "0",
        "--pki", dir.resolve("pki").toString());

    assertThat(validate.exit()).isEqualTo(2);
    assertThat(validate.lines()).anyMatch(l -> l.endsWith(
        "utf16.yaml:1:1: the file is UTF-16 text, not UTF-8"));
    assertThat(serveLine.exit()).isEqualTo(2);
    assertThat(serveUsers.exit()).isEqualTo(2);
    assertThat(serveUsers.lines()).anyMatch(l -> l.contains(
        "users.yaml:1:3: the file is not text (it holds a zero byte)"));
    for (Result result : List.of(validate, serveLine, serveUsers)) {
      assertThat(result.lines()).noneMatch(l -> l.contains("Input length"))
          .noneMatch(l -> l.contains("CharConversionException"))
          .noneMatch(l -> l.strip().startsWith("at "));
    }
  }

  private record Result(int exit, List<String> lines) {}

  private static Result run(Path dir, String... args) throws Exception {
    Path output = Files.createTempFile(dir, "twinline", ".out");
    List<String> command = new java.util.ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("twinline %s ends", args[0]).isTrue();
    return new Result(process.exitValue(), lines(output));
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
