package io.twinline.sim.run;

import io.twinline.sim.signal.ChangeSet;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one feed of signal changes that leaves the simulation thread. Every consumer subscribes
 * with its own policy:
 *
 * <ul>
 *   <li>{@link #lossless}: every change set, in order, on a thread of the consumer's own (OPC UA
 *       monitored items, recorders). Its queue holds {@value #CAPACITY} change sets; when the
 *       consumer falls further behind, the simulation waits rather than lose a change (the plant
 *       runs late, which the runner's pacing shows).
 *   <li>{@link #latest}: the latest value of each signal with the number of changes since the
 *       consumer last looked (a browser). It never holds the simulation back and never hides that
 *       an edge happened: a 10 ms pulse between two looks shows as two changes.
 * </ul>
 *
 * <p>Consumers get signal ids and definitions through {@link ChangeSet}, never a live signal.
 */
public final class ChangeFeed implements ChangeSubscriber {

  private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);

  /** Change sets a lossless consumer may be behind before the simulation waits for it. */
  public static final int CAPACITY = 64;

  /** Consumes change sets; {@code epoch} is the wall-clock instant of simulated time 0. */
  @FunctionalInterface
  public interface Consumer {
    void accept(ChangeSet changes, Instant epoch);
  }

  private final Supplier<Instant> epoch;
  private final SimulationRunner runner;
  private final List<Lossless> lossless = new CopyOnWriteArrayList<>();
  private final List<LatestValues> latest = new CopyOnWriteArrayList<>();
  private volatile ChangeSet snapshot;

  /**
   * @param epoch the wall-clock instant of simulated time 0 now (it moves on a reset)
   * @param runner whose simulation thread registers consumers, with a snapshot of that moment
   */
  ChangeFeed(Supplier<Instant> epoch, SimulationRunner runner) {
    this.epoch = Objects.requireNonNull(epoch, "epoch");
    this.runner = runner;
  }

  /**
   * Runs {@code register} with a snapshot of every signal taken on the simulation thread, so
   * that the consumer misses no change between the snapshot and its first change set; before the
   * run starts (or after it ended) at once, with the last snapshot (the start sends the first).
   */
  private void register(java.util.function.Consumer<ChangeSet> register) {
    if (runner.state() == RunnerState.NEW) {
      register.accept(null);
      return;
    }
    // at a publication boundary: what the snapshot shows is not in a change set still to come
    runner.onSimulationThread(
        () -> runner.session().afterNextPublication(
            () -> register.accept(runner.session().plant().signals().snapshot())),
        why -> register.accept(snapshot));
  }

  /** Called on the simulation thread with every publication. */
  @Override
  public void onChanges(ChangeSet changes) {
    if (changes.isSnapshot()) {
      snapshot = changes;
    }
    Instant now = epoch.get();
    for (Lossless consumer : lossless) {
      consumer.offer(changes, now);
    }
    for (LatestValues view : latest) {
      view.take(changes);
    }
  }

  /**
   * Subscribes a lossless consumer, run on a thread called {@code name}. On a running line it
   * joins at the next publication (within an I/O cycle, at once while paused) with a snapshot of
   * every signal taken there, then gets every change set after it: nothing twice, nothing
   * missed. Close the subscription to stop it.
   */
  public AutoCloseable lossless(String name, Consumer consumer) {
    Lossless subscription = new Lossless(name, consumer);
    subscription.thread.start();
    register(now -> {
      if (now != null) {
        subscription.offer(now, epoch.get());
      }
      lossless.add(subscription);
    });
    return () -> {
      lossless.remove(subscription);
      subscription.close();
    };
  }

  /**
   * A view of the latest values with edge counts, for a consumer that looks when it can; it joins
   * at the next publication, as {@link #lossless} does. Close it when done.
   *
   * @param signals the number of signals of the line (their ids are 0..signals-1)
   */
  public LatestValues latest(int signals) {
    LatestValues view = new LatestValues(signals, () -> {});
    view.onClose = () -> latest.remove(view);
    register(now -> {
      if (now != null) {
        view.take(now);
      }
      latest.add(view);
    });
    return view;
  }

  /**
   * Completes when every lossless consumer has taken every change set offered before this call
   * (a step answers once a read shows its result). Never blocks.
   */
  public CompletableFuture<Void> published() {
    List<Lossless> consumers = List.copyOf(lossless);
    if (consumers.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return CompletableFuture.allOf(consumers.stream().map(Lossless::published)
        .toArray(CompletableFuture[]::new));
  }

  /** Change sets offered to lossless consumers and not yet taken, over all of them. */
  public int backlog() {
    int backlog = 0;
    for (Lossless consumer : lossless) {
      backlog += consumer.queue.size();
    }
    return backlog;
  }

  /** One lossless consumer: a bounded queue and a thread. */
  private static final class Lossless {
    private record Batch(ChangeSet changes, Instant epoch, CompletableFuture<Void> marker) {}

    private static final Batch STOP = new Batch(ChangeSet.empty(), Instant.EPOCH, null);

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Consumer consumer;
    private final Thread thread;
    private volatile boolean stopped;

    Lossless(String name, Consumer consumer) {
      this.consumer = consumer;
      this.thread = new Thread(this::run, name);
      this.thread.setDaemon(true);
    }

    void offer(ChangeSet changes, Instant epoch) {
      if (stopped || changes.isEmpty()) {
        return;
      }
      put(new Batch(changes, epoch, null));
    }

    CompletableFuture<Void> published() {
      CompletableFuture<Void> marker = new CompletableFuture<>();
      if (stopped) {
        marker.complete(null);
        return marker;
      }
      Batch batch = new Batch(null, null, marker);
      if (!queue.offer(batch)) {
        // the queue is full: wait for room off the caller's thread (it may be the simulation's)
        CompletableFuture.runAsync(() -> put(batch));
      }
      return marker;
    }

    private void put(Batch batch) {
      try {
        queue.put(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private void run() {
      try {
        consume();
      } finally {
        // ended (closed, or an Error in the consumer): the simulation must never wait for it
        stopped = true;
        Batch batch;
        while ((batch = queue.poll()) != null) {
          if (batch.marker() != null) {
            batch.marker().complete(null);
          }
        }
      }
    }

    private void consume() {
      while (true) {
        Batch batch;
        try {
          batch = queue.take();
        } catch (InterruptedException e) {
          return;
        }
        if (batch == STOP) {
          return;
        }
        if (batch.marker() != null) {
          batch.marker().complete(null);
          continue;
        }
        try {
          consumer.accept(batch.changes(), batch.epoch());
        } catch (RuntimeException e) {
          // one bad change set must not stop the values of every later one
          LOG.error("{}: consuming a change set failed", thread.getName(), e);
        }
      }
    }

    void close() {
      stopped = true;
      Batch batch;
      while ((batch = queue.poll()) != null) {
        if (batch.marker() != null) {
          batch.marker().complete(null);
        }
      }
      queue.offer(STOP);
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
