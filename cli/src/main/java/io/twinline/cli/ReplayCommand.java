package io.twinline.cli;

import io.twinline.sim.controller.ControlProgram;
import io.twinline.sim.controller.Controllers;
import io.twinline.harness.rehearsal.Comparison;
import io.twinline.harness.rehearsal.Kpis;
import io.twinline.harness.rehearsal.Recording;
import io.twinline.harness.rehearsal.RehearsalReport;
import io.twinline.harness.rehearsal.Replay;
import io.twinline.harness.rehearsal.SessionFiles;
import io.twinline.line.InvalidDefinitionException;
import io.twinline.line.model.LineDefinition;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code twinline replay}: a recorded session again, against the simulator with the current
 * program, compared with the recording: a rehearsal turned into a regression test.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = "Replay a recorded session (its operator actions, recipe loads and faults at"
        + " their times) against the simulator with a program, and compare KPIs and signal"
        + " trace with the recording. Exit 0 if they are the same, 1 if not, 2 on bad input.")
final class ReplayCommand implements Callable<Integer> {

  static final int EXIT_DIFFERENT = 1;
  static final int EXIT_BAD_INPUT = 2;

  @Parameters(paramLabel = "SESSION", description = "The session file (.jsonl or .jsonl.gz).")
  Path session;

  @Option(names = {"-l", "--line"}, paramLabel = "FILE",
      description = "The line file (default: the one the session names).")
  String line;

  @Option(names = {"-c", "--controller"}, paramLabel = "CLASS",
      description = "The program: a ControlProgram class, 'reference' or 'none'"
          + " (default: ${DEFAULT-VALUE}).")
  String controller = "reference";

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the replay's session.")
  Path output;

  @Option(names = "--report", paramLabel = "DIR",
      description = "Write an HTML report (index.html): KPIs side by side, timelines.")
  Path report;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      Recording recorded = read(session, err);
      LineDefinition definition = lineOf(recorded, line, session);
      Optional<Supplier<ControlProgram>> program =
          Controllers.resolve(controller, definition);
      Recording replayed = Replay.run(recorded, definition, program.map(Supplier::get),
          Controllers.describe(controller, definition));
      if (output != null) {
        SessionFiles.write(output, replayed);
      }
      Kpis.Sinks sinks = Kpis.Sinks.of(definition);
      Kpis before = Kpis.of(recorded, definition, sinks);
      Kpis after = Kpis.of(replayed, definition, sinks);
      Comparison comparison = Comparison.of(recorded, before, replayed, after);
      out.println("recorded (" + recorded.header().controller() + "):");
      out.print(before.describe());
      out.println("replayed (" + replayed.header().controller() + "):");
      out.print(after.describe());
      out.print(comparison.describe());
      if (report != null) {
        out.println("report: " + RehearsalReport.write(report, definition, List.of(
            new RehearsalReport.Entry("recorded", recorded, before),
            new RehearsalReport.Entry("replayed", replayed, after))));
      }
      out.flush();
      return comparison.same() ? 0 : EXIT_DIFFERENT;
    } catch (IOException | IllegalArgumentException e) {
      err.println("twinline replay: " + e.getMessage());
      err.flush();
      return EXIT_BAD_INPUT;
    } catch (InvalidDefinitionException e) {
      e.problems().forEach(p -> err.println(p.format()));
      err.flush();
      return EXIT_BAD_INPUT;
    }
  }

  /** Reads a session file, telling {@code err} what could not be read of it. */
  static Recording read(Path session, PrintWriter err) throws IOException {
    Recording recording = SessionFiles.read(session);
    recording.problems().forEach(err::println);
    return recording;
  }

  /**
   * The line of a session: {@code given} if set, else the file the session names (as written,
   * beside the session, or an example line of that name).
   */
  static LineDefinition lineOf(Recording recording, String given, Path session)
      throws InvalidDefinitionException {
    LineDefinition line = findLine(recording, given, session);
    requireLine(recording, session, line);
    return line;
  }

  /**
   * Refuses a session recorded on another line than {@code line}: its signals and devices would
   * not match, and a comparison would say nothing.
   */
  static void requireLine(Recording recording, Path session, LineDefinition line) {
    if (!recording.header().line().equals(line.name())) {
      throw new IllegalArgumentException(session + ":1: the session was recorded on line '"
          + recording.header().line() + "', but the line here is '" + line.name() + "'"
          + " (give the session's line file with --line)");
    }
  }

  private static LineDefinition findLine(Recording recording, String given, Path session)
      throws InvalidDefinitionException {
    if (given != null) {
      return LineFiles.load(given);
    }
    String named = recording.header().lineFile();
    Path file = Path.of(named);
    if (!Files.isRegularFile(file) && session.toAbsolutePath().getParent() != null) {
      Path beside = session.toAbsolutePath().getParent().resolve(file.getFileName());
      if (Files.isRegularFile(beside)) {
        return LineFiles.load(beside.toString());
      }
    }
    return LineFiles.load(Files.isRegularFile(file) ? named : file.getFileName().toString());
  }
}
