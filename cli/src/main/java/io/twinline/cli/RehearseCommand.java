package io.twinline.cli;

import io.twinline.harness.rehearsal.Kpis;
import io.twinline.harness.rehearsal.Recording;
import io.twinline.harness.rehearsal.SessionFiles;
import io.twinline.harness.rehearsal.SessionHeader;
import io.twinline.harness.rehearsal.SessionRecorder;
import io.twinline.line.InvalidDefinitionException;
import io.twinline.line.LineDefinitions;
import io.twinline.line.fault.FaultSpec;
import io.twinline.line.model.LineDefinition;
import io.twinline.line.units.Quantities;
import io.twinline.line.units.QuantityFormatException;
import io.twinline.line.fault.FaultParameters;
import io.twinline.sim.run.Outcome;
import io.twinline.sim.run.LoadRecipe;
import io.twinline.sim.run.Operate;
import io.twinline.sim.run.SimulationRunner;
import io.twinline.sim.time.SimTime;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code twinline rehearse}: serves the line as {@code serve} does, set up for one product, for
 * the PLC to run; the changeover to the other product is rehearsed on it (from the console, over
 * OPC UA, or at a set time), and everything is recorded into a session file. At the end the
 * changeover's KPIs are printed.
 */
@Command(
    name = "rehearse",
    mixinStandardHelpOptions = true,
    description = {
      "Rehearse a product changeover: serve the line (real time, PLC connected) set up for"
          + " --from, change over to --to from the console (type 'changeover'), over OPC UA"
          + " (Simulation/LoadRecipe) or at --changeover-at, and record everything into a"
          + " session file; prints the changeover's KPIs at the end.",
      "Console: changeover | load RECIPE | press|release DEVICE | operate DEVICE ACTION |"
          + " fault TARGET KIND | clear ID | status | quit"
    })
final class RehearseCommand implements Callable<Integer> {

  @Mixin ServeCommand serve;

  @Option(names = "--from", required = true, paramLabel = "RECIPE",
      description = "The recipe the line is set up for at the start.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "RECIPE",
      description = "The recipe to change over to.")
  String to;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE",
      description = "The session file (default: ${DEFAULT-VALUE}); .gz compresses it.")
  Path output = Path.of("rehearsal.jsonl.gz");

  @Option(names = "--changeover-at", paramLabel = "TIME",
      description = "Load --to by itself at this simulated time (e.g. '2 min').")
  String changeoverAt;

  @Option(names = "--duration", paramLabel = "TIME",
      description = "End the rehearsal by itself after this much simulated time.")
  String duration;

  @Option(names = "--note", paramLabel = "TEXT", description = "What is rehearsed, for the file.")
  String note = "";

  @Option(names = "--report", paramLabel = "DIR",
      description = "Write an HTML report of the changeover (index.html) at the end.")
  Path report;

  @Option(names = "--wait-for-plc", paramLabel = "TIME",
      description = "Hold simulated time at 0 until an OPC UA client (the PLC) has a session,"
          + " waiting at most this long, so --changeover-at and --duration count from there.")
  String waitForPlc;

  @Option(names = "--no-console",
      description = "Do not read operator commands from standard input (a rehearsal driven over"
          + " OPC UA only, or started by a script whose input is not for it).")
  boolean noConsole;

  /** The simulation stopped on an error; the session file and the KPIs are still written. */
  static final int EXIT_SIMULATION_FAILED = 1;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LineDefinition line;
    long changeoverNanos;
    long durationNanos;
    try {
      line = LineFiles.load(serve.line);
      for (String recipe : new String[] {from, to}) {
        if (line.recipe(recipe).isEmpty()) {
          throw new IllegalArgumentException("line " + line.name() + " has no recipe '" + recipe
              + "'; recipes: " + String.join(", ",
                  line.recipes().stream().map(r -> r.name()).toList()));
        }
      }
      changeoverNanos = time("--changeover-at", changeoverAt);
      durationNanos = time("--duration", duration);
      time("--wait-for-plc", waitForPlc);
      if (changeoverNanos > 0 && durationNanos > 0 && changeoverNanos >= durationNanos) {
        throw new IllegalArgumentException("--changeover-at " + changeoverAt
            + " is not before the end of the rehearsal (--duration " + duration + ")");
      }
    } catch (InvalidDefinitionException e) {
      e.problems().forEach(p -> err.println(p.format()));
      err.flush();
      return ServeCommand.EXIT_BAD_INPUT;
    } catch (IllegalArgumentException e) {
      err.println("twinline rehearse: " + e.getMessage());
      err.flush();
      return ServeCommand.EXIT_BAD_INPUT;
    }

    SessionHeader header = new SessionHeader(line.name(), line.file(), line.seed(),
        "PLC connected over OPC UA", Instant.now().toString(),
        note.isEmpty() ? "changeover " + from + " -> " + to : note);
    SessionFiles.Writer writer;
    try {
      writer = SessionFiles.create(output, header);
    } catch (IOException e) {
      err.println("twinline rehearse: cannot write " + output + ": " + e.getMessage());
      err.flush();
      return ServeCommand.EXIT_BAD_INPUT;
    }
    final long changeoverAtNanos = changeoverNanos;
    final long untilNanos = durationNanos;
    SessionRecorder[] recorder = new SessionRecorder[1];
    CompletableFuture<Void> done = new CompletableFuture<>();
    ServeCommand.Serving serving;
    try {
      serving = serve.open(out, err, runner -> {
        // before anything else: simulated time starts once the server serves (or the PLC is
        // there), not while it starts, so --changeover-at counts from a line a PLC can see
        runner.pause();
        recorder[0] = SessionRecorder.of(runner.session(), header, writer);
        runner.subscribe(recorder[0]);
        runner.submit(new LoadRecipe(from));
        if (changeoverAtNanos > 0 || untilNanos > 0) {
          // installed before the simulation starts, so that even as fast as possible it
          // cannot run past the changeover time first
          runner.runScript(ctx -> {
            if (changeoverAtNanos > 0) {
              ctx.runUntil(p -> false, changeoverAtNanos - ctx.session().now());
              if (ctx.session().now() < changeoverAtNanos) {
                return null; // the rehearsal ended first (quit, Ctrl-C): no changeover
              }
              ctx.session().apply(new LoadRecipe(to));
              out.printf("%s: loaded %s%n", SimTime.format(ctx.session().now()), to);
              out.flush();
            }
            if (untilNanos > 0) {
              ctx.runUntil(p -> false, untilNanos - ctx.session().now());
              // held there, so that the session ends at --duration exactly, whatever the pace
              runner.pause();
              done.complete(null);
            }
            return null;
          }).whenComplete((result, failure) -> {
            if (failure != null) {
              done.completeExceptionally(failure); // the rehearsal ends, saying why
            }
          });
        }
      });
    } catch (ServeCommand.Refused e) {
      writer.close();
      return ServeCommand.EXIT_BAD_INPUT;
    }
    SimulationRunner runner = serving.runner();
    if (waitForPlc != null) {
      long wait = time("--wait-for-plc", waitForPlc);
      out.printf("Waiting for the PLC to connect (at most %s); simulated time starts then.%n",
          waitForPlc);
      out.flush();
      long deadline = System.nanoTime() + wait;
      while (serving.server().sessionCount() == 0 && System.nanoTime() < deadline) {
        LockSupport.parkNanos(20_000_000L);
      }
      if (serving.server().sessionCount() == 0) {
        err.printf("twinline rehearse: no PLC connected within %s%n", waitForPlc);
        err.flush();
        serving.close();
        writer.close();
        return EXIT_SIMULATION_FAILED;
      }
      out.println("PLC connected; the rehearsal's time runs.");
    }
    runner.resume();
    out.printf("Rehearsing %s -> %s, recording into %s. Type 'changeover' to load %s, 'quit' to "
        + "end.%n", from, to, output, to);
    out.flush();

    AtomicBoolean finished = new AtomicBoolean();
    Runnable finish = () -> {
      if (!finished.compareAndSet(false, true)) {
        return;
      }
      serving.close();
      recorder[0].close();
      report(out, err, line);
    };
    Thread hook = new Thread(finish, "twinline-rehearse-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);

    if (!noConsole) {
      Thread console =
          new Thread(() -> console(runner, out, done), "twinline-rehearse-console");
      console.setDaemon(true);
      console.start();
    }

    boolean failed = false;
    try {
      CompletableFuture.anyOf(done, runner.termination()).join();
    } catch (java.util.concurrent.CompletionException e) {
      failed = true;
      err.println("twinline rehearse: the simulation failed: " + e.getCause().getMessage());
      err.flush();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      return ServeCommand.KEEP_RUNNING_UNTIL_SHUTDOWN; // Ctrl-C: the hook finishes the rehearsal
    }
    finish.run();
    return failed ? EXIT_SIMULATION_FAILED : 0;
  }

  /**
   * Reads the operator's commands. A command the line would refuse (a device it does not have,
   * an unknown recipe, a fault that is not there) is answered here, with {@code ?}, and never
   * reaches the simulation: a typo must not end a rehearsal.
   */
  private void console(SimulationRunner runner, PrintWriter out, CompletableFuture<Void> done) {
    LineDefinition line = runner.plant().definition();
    int faults = 0;
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      String text;
      while ((text = in.readLine()) != null) {
        String[] words = text.strip().split("\\s+");
        try {
          switch (words[0]) {
            case "" -> { }
            case "quit", "exit" -> {
              done.complete(null);
              return;
            }
            case "changeover" -> submit(runner, line, out, new LoadRecipe(to));
            case "load" ->
                submit(runner, line, out, new LoadRecipe(word(words, 1, "load RECIPE")));
            case "press", "release" -> submit(runner, line, out,
                new Operate(word(words, 1, words[0] + " DEVICE"), words[0]));
            case "operate" -> submit(runner, line, out,
                new Operate(word(words, 1, "operate DEVICE ACTION"),
                    word(words, 2, "operate DEVICE ACTION")));
            case "fault" -> {
              String target = word(words, 1, "fault TARGET KIND");
              String kind = word(words, 2, "fault TARGET KIND");
              String id;
              do {
                id = "C" + (++faults); // the next id no fault has (a line's, a client's)
              } while (faultExists(runner, line, id));
              FaultSpec fault = FaultParameters.build(target, kind, java.util.Map.of(), id);
              Outcome outcome = runner.control().injectFault(fault).join();
              out.println(outcome.isDone()
                  ? "fault " + fault.describe() + " (clear " + fault.id() + " ends it)"
                  : "? " + outcome.message());
            }
            case "clear" -> say(out, runner.control().clearFault(word(words, 1, "clear ID")));
            case "status" -> out.printf("%s, recipe %s%n", SimTime.format(runner.simTime()),
                runner.plant().recipe().orElse("-"));
            default -> out.println("commands: changeover | load RECIPE | press|release DEVICE |"
                + " operate DEVICE ACTION | fault TARGET KIND | clear ID | status | quit");
          }
        } catch (IllegalArgumentException e) {
          out.println("? " + e.getMessage());
        } catch (java.util.concurrent.CompletionException e) {
          out.println("? the simulation is not running: " + e.getCause().getMessage());
        }
        out.flush();
      }
    } catch (IOException e) {
      // no console: the rehearsal goes on until --duration or Ctrl-C
    }
  }

  /** Whether a fault {@code id} is active or scheduled (or, with {@code line}, declared there). */
  private static boolean faultExists(SimulationRunner runner, LineDefinition line, String id) {
    if (line != null && line.faults().stream().anyMatch(f -> f.id().equals(id))) {
      return true;
    }
    return runner.call(p -> p.faults().active().stream().anyMatch(a -> a.spec().id().equals(id))
        || p.faults().pending().contains(id)).join();
  }

  /** Sends {@code command} through the line's control surface; says why if it is refused. */
  private static void submit(SimulationRunner runner, LineDefinition line, PrintWriter out,
      io.twinline.sim.run.Command command) {
    say(out, runner.control().execute(command));
  }

  /** Prints a refusal as {@code ? reason}; a done outcome prints nothing (the log shows it). */
  private static void say(PrintWriter out, java.util.concurrent.CompletableFuture<Outcome> outcome) {
    Outcome answer = outcome.join();
    if (!answer.isDone()) {
      out.println("? " + answer.message());
    }
  }

  private static String word(String[] words, int i, String usage) {
    if (words.length <= i) {
      throw new IllegalArgumentException("usage: " + usage);
    }
    return words[i];
  }

  private void report(PrintWriter out, PrintWriter err, LineDefinition line) {
    try {
      Recording recording = SessionFiles.read(output);
      recording.problems().forEach(err::println);
      Kpis kpis = Kpis.of(recording, line, Kpis.Sinks.of(line));
      out.println("Recorded " + recording.events().size() + " events into " + output + ".");
      out.print(kpis.describe());
      if (report != null) {
        out.println("report: " + io.twinline.harness.rehearsal.RehearsalReport.write(report,
            line, java.util.List.of(new io.twinline.harness.rehearsal.RehearsalReport.Entry(
                output.getFileName().toString(), recording, kpis))));
      }
    } catch (IOException | IllegalArgumentException e) {
      out.println("Recorded into " + output + "; no KPIs: " + e.getMessage());
    }
    out.flush();
  }

  private static long time(String option, String text) {
    if (text == null) {
      return 0;
    }
    try {
      return Quantities.duration(text).toNanos();
    } catch (QuantityFormatException e) {
      throw new IllegalArgumentException(option + ": " + e.getMessage());
    }
  }
}
