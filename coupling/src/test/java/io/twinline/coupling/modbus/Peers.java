package io.twinline.coupling.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the independent Modbus peers the tests talk to: Debian's mbpoll and pymodbus. */
public final class Peers {

  /** Debian's interpreter, the one that loads python3-pymodbus. */
  public static final String PYTHON = "/usr/bin/python3";

  private Peers() {}

  /** What a peer printed and how it ended. */
  public record Run(int exit, String output) {}

  /**
   * Runs {@code mbpoll} with {@code args} against 127.0.0.1:{@code port}, once; values to write
   * follow a {@code "--"} in {@code args}.
   */
  public static Run mbpoll(int port, String... args) {
    List<String> command = new ArrayList<>(List.of("mbpoll", "-m", "tcp", "-p",
        String.valueOf(port), "-0", "-1", "-o", "10"));
    command.addAll(List.of(args));
    int at = command.indexOf("--");
    // the host goes before the values to write (mbpoll's syntax)
    command.add(at < 0 ? command.size() : at, "127.0.0.1");
    return run(command);
  }

  /** Runs a pymodbus script with {@code args} (sys.argv[1:]). */
  public static Run python(String script, String... args) {
    try {
      Path file = Files.createTempFile("twinline-modbus", ".py");
      Files.writeString(file, script);
      List<String> command = new ArrayList<>(List.of(PYTHON, file.toString()));
      command.addAll(List.of(args));
      try {
        return run(command);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Run run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      // a generous bound: a loaded machine is slow, a hung peer must still end the test
      boolean ended = process.waitFor(120, TimeUnit.SECONDS);
      if (!ended) {
        process.destroyForcibly();
      }
      String output = new String(process.getInputStream().readAllBytes(),
          StandardCharsets.UTF_8);
      assertThat(ended).as("%s ended; it printed %s", command, output).isTrue();
      return new Run(process.exitValue(), output);
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command.get(0)
          + " (.ci/run installs mbpoll and python3-pymodbus)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
