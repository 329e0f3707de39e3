package io.twinline.cli;

import io.twinline.opcua.security.PasswordHash;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code twinline hash-password}: prints the hash of a password for the users file. The password
 * is asked for twice on a terminal, or read as the first line of standard input (for scripts).
 */
@Command(
    name = "hash-password",
    mixinStandardHelpOptions = true,
    description = {
      "Print the hash of a password, for the 'password:' of a user in a users file (serve"
          + " --users).",
      "On a terminal it asks twice; otherwise it reads the first line of standard input."
    })
final class HashPasswordCommand implements Callable<Integer> {

  @Option(
      names = "--user",
      paramLabel = "NAME",
      description = "Print a whole users-file entry for this user name.")
  String user;

  @Option(
      names = "--role",
      paramLabel = "ROLE",
      description = "Role for the entry printed with --user (default: ${DEFAULT-VALUE}).")
  String role = "plc";

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (io.twinline.opcua.security.Role.parse(role).isEmpty()) {
      err.println("twinline hash-password: --role must be observer, plc or engineer, was '"
          + role + "'");
      err.flush();
      return ServeCommand.EXIT_BAD_INPUT;
    }
    char[] password = readPassword(err);
    if (password == null || password.length == 0) {
      err.println("twinline hash-password: no password given (empty input)");
      err.flush();
      return ServeCommand.EXIT_BAD_INPUT;
    }
    String hash = PasswordHash.hash(password);
    Arrays.fill(password, '\0');
    if (user == null) {
      out.println(hash);
    } else {
      out.printf("  - {name: %s, role: %s, password: \"%s\"}%n", user, role, hash);
    }
    out.flush();
    return 0;
  }

  private static char[] readPassword(PrintWriter err) throws IOException {
    Console console = System.console();
    if (console != null) {
      char[] first = console.readPassword("Password: ");
      char[] second = console.readPassword("Again: ");
      if (first == null || !Arrays.equals(first, second)) {
        err.println("twinline hash-password: the two passwords differ");
        err.flush();
        return null;
      }
      Arrays.fill(second, '\0');
      return first;
    }
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line = in.readLine();
    return line == null ? null : line.toCharArray();
  }
}
