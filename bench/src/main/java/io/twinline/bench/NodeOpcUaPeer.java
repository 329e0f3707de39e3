package io.twinline.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The node-opcua peer of the network benchmarks: {@code peer-server.mjs} (in {@code
 * bench/src/main/node}) run by Node as a child process, a server with the same counters as the
 * plant under test, measured with the same client as Twinline.
 *
 * <p>The server listens on {@link #endpointUrl()} (security None, anonymous); its variables are
 * {@code ns=<index of }{@link #namespaceUri()}{@code >;s=V0} .. {@code s=V<n-1>} (Int32), the
 * first {@code round(n * fraction)} counting up by one every {@code periodMs}; writing to
 * {@code s=Actuator} (Boolean) bumps {@code s=Sensor} (Int32) at once. Node writes one statistics
 * line every 10 s to {@link #log()}, with the change rate it really achieved.
 *
 * <p>Not thread-safe: start, use and close it from one thread.
 */
public final class NodeOpcUaPeer implements AutoCloseable {

  public static final String NAMESPACE_URI = "urn:peer";

  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);
  private static final int LOG_TAIL_LINES = 40;

  private final Process process;
  private final int port;
  private final Path stdout;
  private final Path log;
  private final Thread killOnExit;

  private NodeOpcUaPeer(Process process, int port, Path stdout, Path log) {
    this.process = process;
    this.port = port;
    this.stdout = stdout;
    this.log = log;
    // A benchmark stopped with Ctrl-C must not leave a server behind holding the port.
    this.killOnExit = new Thread(process::destroyForcibly, "node-opcua-peer-kill");
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /**
   * Starts the peer and returns once it listens, installing its npm packages first if {@code
   * node_modules} is missing (from the committed lock file, which needs the npm registry).
   *
   * @param nodeDir the folder with {@code peer-server.mjs} and {@code package-lock.json}
   * @param port the TCP port on 127.0.0.1; 0 picks a free one
   * @param variables how many Int32 variables V0..V(n-1)
   * @param fraction the share of them that changes, 0..1
   * @param periodMs how often they change, ms (at least 1)
   * @throws IllegalArgumentException on a bad argument
   * @throws IOException if npm or Node fail, or the server is not listening within 120 s; the
   *     message carries the end of their output
   */
  public static NodeOpcUaPeer start(Path nodeDir, int port, int variables, double fraction,
      int periodMs) throws IOException, InterruptedException {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    if (variables < 0) {
      throw new IllegalArgumentException("variables must be ≥ 0, was " + variables);
    }
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be 0..1, was " + fraction);
    }
    if (periodMs < 1) {
      throw new IllegalArgumentException("periodMs must be ≥ 1, was " + periodMs);
    }
    Path script = nodeDir.resolve("peer-server.mjs");
    if (!Files.isRegularFile(script)) {
      throw new IllegalArgumentException("no peer-server.mjs in " + nodeDir.toAbsolutePath());
    }
    if (!Files.isDirectory(nodeDir.resolve("node_modules"))) {
      install(nodeDir);
    }
    int listenPort = port == 0 ? freePort() : port;
    Path stdout = Files.createTempFile("node-opcua-peer-", ".out");
    Path log = Files.createTempFile("node-opcua-peer-", ".log");
    // Files, not pipes: nobody has to drain them, and no line is lost if nobody reads.
    Process process = new ProcessBuilder("node", "peer-server.mjs", Integer.toString(listenPort),
        Integer.toString(variables), Double.toString(fraction), Integer.toString(periodMs))
        .directory(nodeDir.toFile())
        .redirectOutput(stdout.toFile())
        .redirectError(log.toFile())
        .start();
    NodeOpcUaPeer peer = new NodeOpcUaPeer(process, listenPort, stdout, log);
    try {
      peer.awaitReady();
      return peer;
    } catch (IOException | InterruptedException | RuntimeException e) {
      peer.close();
      throw e;
    }
  }

  /** {@code opc.tcp://127.0.0.1:<port>/peer}. */
  public String endpointUrl() {
    return "opc.tcp://127.0.0.1:" + port + "/peer";
  }

  /** The namespace of the peer's variables: {@code urn:peer}. */
  public String namespaceUri() {
    return NAMESPACE_URI;
  }

  public int port() {
    return port;
  }

  /** Node's stderr: start-up times and one statistics line every 10 s. Kept after close. */
  public Path log() {
    return log;
  }

  /**
   * Stops the server: SIGTERM, then a forced kill after 5 s. Idempotent. Interrupted, it kills at
   * once and keeps the thread's interrupt status.
   */
  @Override
  public void close() {
    try {
      process.destroy();
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(killOnExit);
      } catch (IllegalStateException | IllegalArgumentException e) {
        // the JVM is shutting down (the hook runs anyway) or close() ran before
      }
      try {
        Files.deleteIfExists(stdout);
      } catch (IOException e) {
        // a temporary file left behind is harmless
      }
    }
  }

  private void awaitReady() throws IOException, InterruptedException {
    String ready = "READY " + port;
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (true) {
      if (Files.readString(stdout, StandardCharsets.UTF_8).lines().anyMatch(ready::equals)) {
        return;
      }
      if (!process.isAlive()) {
        throw new IOException("node-opcua peer exited with " + process.exitValue()
            + " before listening on port " + port + "\n" + tails());
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("node-opcua peer did not print '" + ready + "' within "
            + READY_TIMEOUT.toSeconds() + " s\n" + tails());
      }
      Thread.sleep(50);
    }
  }

  private String tails() throws IOException {
    return "stdout (" + stdout + "):\n" + tail(stdout) + "stderr (" + log + "):\n" + tail(log);
  }

  private static void install(Path nodeDir) throws IOException, InterruptedException {
    Path output = Files.createTempFile("node-opcua-peer-npm-", ".log");
    // ci, not install: exactly the committed lock file, which it never rewrites (install would,
    // depending on the local npm configuration).
    Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
        .directory(nodeDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
    if (!npm.waitFor(INSTALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      npm.destroyForcibly();
      throw new IOException("npm ci in " + nodeDir + " took over " + INSTALL_TIMEOUT.toMinutes()
          + " min\n" + tail(output));
    }
    if (npm.exitValue() != 0) {
      throw new IOException("npm ci in " + nodeDir + " failed with " + npm.exitValue() + "\n"
          + tail(output));
    }
    Files.deleteIfExists(output);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String tail(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> last = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
    return last.isEmpty() ? "  (empty)\n" : "  " + String.join("\n  ", last) + "\n";
  }
}
