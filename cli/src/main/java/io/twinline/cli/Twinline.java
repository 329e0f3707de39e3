package io.twinline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code twinline} command. */
@Command(
    name = "twinline",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Virtual commissioning server: a simulated production line behind an",
      "OPC UA server, for testing PLC logic before it meets the real machine."
    },
    subcommands = {
      ServeCommand.class,
      ValidateCommand.class,
      TestCommand.class,
      FuzzCommand.class,
      PlcCommand.class,
      RehearseCommand.class,
      ReplayCommand.class,
      CompareCommand.class,
      GenerateCommand.class,
      BenchCommand.class,
      HashPasswordCommand.class,
      ModbusMapCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Twinline implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    int code = commandLine().execute(args);
    if (code != ServeCommand.KEEP_RUNNING_UNTIL_SHUTDOWN) {
      System.exit(code);
    }
  }

  static CommandLine commandLine() {
    return new CommandLine(new Twinline()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
