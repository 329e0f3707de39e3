package io.twinline.harness.rehearsal;

import io.twinline.harness.run.Harness;
import io.twinline.sim.run.ChangeSubscriber;
import io.twinline.sim.run.ClearFault;
import io.twinline.sim.run.Command;
import io.twinline.sim.run.InjectFault;
import io.twinline.sim.run.LoadRecipe;
import io.twinline.sim.run.Operate;
import io.twinline.sim.run.Session;
import io.twinline.sim.run.Snapshot;
import io.twinline.sim.signal.ChangeSet;
import io.twinline.sim.signal.Signal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Records a session as it runs: subscribed to its change sets (on the simulation thread), it
 * writes every signal change and every action taken (operator actions, recipe loads, faults) with
 * its simulated time. The first change set is the value of every signal.
 */
public final class SessionRecorder implements ChangeSubscriber, AutoCloseable {

  private final Session session;
  private final SessionHeader header;
  private final SessionFiles.Writer writer;
  private final List<SessionEvent> events = new ArrayList<>();
  private int journalSeen = -1;
  private volatile IOException failure;

  private SessionRecorder(Session session, SessionHeader header, SessionFiles.Writer writer) {
    this.session = session;
    this.header = header;
    this.writer = writer;
  }

  /**
   * Records into {@code writer} (or, if null, into memory: {@link #recording()}). Subscribe it
   * to the session (or to the runner serving it) to start.
   */
  public static SessionRecorder of(Session session, SessionHeader header,
      SessionFiles.Writer writer) {
    return new SessionRecorder(session, header, writer);
  }

  /** The session a harness ran, as a recording: its initial values, actions and changes. */
  public static Recording of(Harness harness, SessionHeader header) {
    List<SessionEvent> events = new ArrayList<>();
    List<Signal> all = harness.plant().signals().all();
    for (Signal signal : all) {
      events.add(new SessionEvent.SignalChange(0, signal.path().toString(),
          SessionFormat.normal(harness.initialValue(signal.id()))));
    }
    List<SessionEvent> later = new ArrayList<>();
    for (Snapshot.JournalEntry entry : harness.session().journal()) {
      action(entry).ifPresent(later::add);
    }
    for (Harness.Change change : harness.changes()) {
      later.add(new SessionEvent.SignalChange(change.time(),
          harness.signals().definition(change.signal()).path().toString(),
          SessionFormat.normal(change.value())));
    }
    later.sort(ORDER);
    events.addAll(later);
    events.add(new SessionEvent.Ended(harness.now()));
    return new Recording(header, events, List.of());
  }

  /**
   * Writes each finished sequence of {@code suite} as a session file, {@code
   * folder/<file>/<sequence>.jsonl.gz} (for {@code twinline test --record}).
   */
  public static java.util.function.BiConsumer<io.twinline.harness.suite.SuiteSpec.Sequence,
      Harness> writer(java.nio.file.Path folder, io.twinline.harness.suite.SuiteSpec suite,
          String controller) {
    String suiteName = java.nio.file.Path.of(suite.file()).getFileName().toString()
        .replaceFirst("\\.ya?ml$", "");
    return (sequence, harness) -> {
      java.nio.file.Path file = folder.resolve(safe(suiteName))
          .resolve(safe(sequence.name()) + ".jsonl.gz");
      SessionHeader header = new SessionHeader(harness.line().name(), harness.line().file(),
          harness.line().seed(), controller, java.time.Instant.now().toString(),
          sequence.name());
      try {
        SessionFiles.write(file, of(harness, header));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot record " + sequence.name(), e);
      }
    };
  }

  private static String safe(String name) {
    String cleaned = name.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^_+|_+$", "");
    return cleaned.isEmpty() ? "sequence" : cleaned;
  }

  /** By time; at the same time an action before the changes it causes. Stable otherwise. */
  static final Comparator<SessionEvent> ORDER = Comparator.comparingLong(SessionEvent::time)
      .thenComparing(e -> e.isAction() ? 0 : 1);

  static Optional<SessionEvent> action(Snapshot.JournalEntry entry) {
    Command command = entry.command();
    long t = entry.time();
    if (command instanceof Operate o) {
      return Optional.of(new SessionEvent.Operated(t, o.device(), o.action()));
    }
    if (command instanceof LoadRecipe r) {
      return Optional.of(new SessionEvent.RecipeLoaded(t, r.name()));
    }
    if (command instanceof InjectFault f) {
      return Optional.of(new SessionEvent.FaultInjected(t, f.fault()));
    }
    if (command instanceof ClearFault c) {
      return Optional.of(new SessionEvent.FaultCleared(t, c.id()));
    }
    return Optional.empty(); // signal writes show up as the changes they make
  }

  @Override
  public void onChanges(ChangeSet changes) {
    List<SessionEvent> batch = new ArrayList<>();
    if (journalSeen < 0) {
      journalSeen = session.journal().size(); // what happened before recording is not ours
    } else {
      List<Snapshot.JournalEntry> entries = session.journalSince(journalSeen);
      journalSeen += entries.size();
      for (Snapshot.JournalEntry entry : entries) {
        action(entry).ifPresent(batch::add);
      }
    }
    for (int i = 0; i < changes.size(); i++) {
      batch.add(new SessionEvent.SignalChange(changes.time(i),
          changes.definition(i).path().toString(), SessionFormat.normal(changes.value(i))));
    }
    batch.sort(ORDER);
    if (writer == null) {
      events.addAll(batch);
      return;
    }
    try {
      for (SessionEvent event : batch) {
        writer.write(event);
      }
      writer.flush();
    } catch (IOException e) {
      failure = e;
    }
  }

  /** What was recorded in memory (empty when recording to a file). */
  public Recording recording() {
    return new Recording(header, events, List.of());
  }

  /**
   * Ends the recording at the session's present time and closes the file. Call it once the
   * simulation has stopped.
   *
   * @throws UncheckedIOException if writing it failed on the way
   */
  @Override
  public void close() {
    List<SessionEvent> last = new ArrayList<>();
    if (journalSeen >= 0) {
      // actions applied after the last change set (one that changed nothing, say)
      for (Snapshot.JournalEntry entry : session.journalSince(journalSeen)) {
        action(entry).ifPresent(last::add);
      }
    }
    last.add(new SessionEvent.Ended(session.now()));
    try {
      if (writer != null) {
        for (SessionEvent event : last) {
          writer.write(event);
        }
        writer.close();
      } else {
        events.addAll(last);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (failure != null) {
      throw new UncheckedIOException("recording the session failed", failure);
    }
  }
}
