package io.twinline.cli;

import io.twinline.harness.rehearsal.Comparison;
import io.twinline.harness.rehearsal.Kpis;
import io.twinline.harness.rehearsal.Recording;
import io.twinline.harness.rehearsal.RehearsalReport;
import io.twinline.line.InvalidDefinitionException;
import io.twinline.line.model.LineDefinition;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code twinline compare}: the KPIs of one session, or of two side by side. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = "Print the changeover KPIs of a session, or compare two sessions (before and"
        + " after a PLC change, say): KPIs and where their signal traces part. Exit 0 if two"
        + " sessions are the same, 1 if not, 2 on bad input.")
final class CompareCommand implements Callable<Integer> {

  @Parameters(arity = "1..2", paramLabel = "SESSION", description = "One or two session files.")
  List<Path> sessions = new ArrayList<>();

  @Option(names = {"-l", "--line"}, paramLabel = "FILE",
      description = "The line file (default: the one the first session names).")
  String line;

  @Option(names = "--report", paramLabel = "DIR",
      description = "Write an HTML report (index.html): KPIs side by side, timelines.")
  Path report;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      List<Recording> recordings = new ArrayList<>();
      for (Path session : sessions) {
        recordings.add(ReplayCommand.read(session, err));
      }
      LineDefinition definition = ReplayCommand.lineOf(recordings.get(0), line, sessions.get(0));
      for (int i = 1; i < recordings.size(); i++) {
        ReplayCommand.requireLine(recordings.get(i), sessions.get(i), definition);
      }
      Kpis.Sinks sinks = Kpis.Sinks.of(definition);
      List<Kpis> kpis = new ArrayList<>();
      for (int i = 0; i < recordings.size(); i++) {
        Kpis k = Kpis.of(recordings.get(i), definition, sinks);
        kpis.add(k);
        out.println(sessions.get(i) + " (" + recordings.get(i).header().controller() + "):");
        out.print(k.describe());
      }
      if (report != null) {
        List<RehearsalReport.Entry> entries = new ArrayList<>();
        for (int i = 0; i < recordings.size(); i++) {
          entries.add(new RehearsalReport.Entry(sessions.get(i).getFileName().toString(),
              recordings.get(i), kpis.get(i)));
        }
        out.println("report: " + RehearsalReport.write(report, definition, entries));
      }
      if (recordings.size() == 1) {
        out.flush();
        return 0;
      }
      Comparison comparison =
          Comparison.of(recordings.get(0), kpis.get(0), recordings.get(1), kpis.get(1));
      out.print(comparison.describe());
      out.flush();
      return comparison.same() ? 0 : ReplayCommand.EXIT_DIFFERENT;
    } catch (IOException | IllegalArgumentException e) {
      err.println("twinline compare: " + e.getMessage());
      err.flush();
      return ReplayCommand.EXIT_BAD_INPUT;
    } catch (InvalidDefinitionException e) {
      e.problems().forEach(p -> err.println(p.format()));
      err.flush();
      return ReplayCommand.EXIT_BAD_INPUT;
    }
  }
}
