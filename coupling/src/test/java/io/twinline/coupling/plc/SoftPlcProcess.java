package io.twinline.coupling.plc;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.coupling.modbus.Peers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The example's soft PLC (a pymodbus server) as a process of the test. */
final class SoftPlcProcess implements AutoCloseable {

  static final String SCRIPT = "../docs/examples/coupling/soft_plc.py";

  private final Process process;
  private final int port;
  private final StringBuilder output = new StringBuilder();

  SoftPlcProcess(int port) throws IOException {
    process = new ProcessBuilder(Peers.PYTHON, SCRIPT, String.valueOf(port))
        .redirectErrorStream(true).start();
    CompletableFuture<Integer> listening = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        Pattern p = Pattern.compile("listening on port (\\d+)");
        while ((line = in.readLine()) != null) {
          synchronized (output) {
            output.append(line).append('\n');
          }
          Matcher m = p.matcher(line);
          if (m.find()) {
            listening.complete(Integer.parseInt(m.group(1)));
          }
        }
      } catch (IOException e) {
        listening.completeExceptionally(e);
      }
      listening.completeExceptionally(new IllegalStateException("the soft PLC ended: " + this));
    }, "soft-plc-output");
    reader.setDaemon(true);
    reader.start();
    try {
      this.port = listening.get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("the soft PLC did not start: " + output, e);
    }
  }

  int port() {
    return port;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    synchronized (output) {
      return output.toString();
    }
  }
}
