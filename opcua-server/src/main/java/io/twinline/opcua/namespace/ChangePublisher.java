package io.twinline.opcua.namespace;

import io.twinline.sim.signal.ChangeSet;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the simulation's change sets to a thread of their own, which feeds them to the monitored
 * items, so the simulation thread never waits for OPC UA: with 10,000 signals changing every
 * 10 ms cycle, feeding Milo's items took most of each cycle on the simulation thread and made it
 * late. Change sets are immutable, so handing one over costs nothing.
 *
 * <p>Change sets are published in the order they came, none is dropped. The queue holds {@value
 * #CAPACITY} of them (at a 10 ms cycle, 0.64 s); when OPC UA falls further behind than that, the
 * simulation thread waits: the plant runs late (visible in the runner's pacing) rather than the
 * server losing changes or memory growing without bound.
 */
final class ChangePublisher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChangePublisher.class);

  static final int CAPACITY = 64;

  /** One change set and the wall-clock epoch its simulated times count from, as of its time. */
  private record Batch(ChangeSet changes, Instant epoch) {}

  private static final Batch STOP = new Batch(ChangeSet.empty(), Instant.EPOCH);

  private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final BiConsumer<ChangeSet, Instant> publish;
  private final Thread thread;
  private final Object progress = new Object();
  private long queued;
  private long published;
  private volatile boolean stopped;

  /**
   * @param publish publishes one change set with its epoch, on the publisher's thread
   */
  ChangePublisher(String name, BiConsumer<ChangeSet, Instant> publish) {
    this.publish = publish;
    this.thread = new Thread(this::run, name);
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Queues a change set; waits while the queue is full. Called by the simulation thread. */
  void offer(ChangeSet changes, Instant epoch) {
    if (stopped || changes.isEmpty()) {
      return;
    }
    synchronized (progress) {
      queued++;
    }
    try {
      queue.put(new Batch(changes, epoch));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits until every change set queued before this call is published (a method that stepped the
   * simulation answers only when a read shows the result), at most {@code timeoutMillis}.
   *
   * @return false if that took longer
   */
  boolean awaitPublished(long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    synchronized (progress) {
      long target = queued;
      while (published < target && !stopped) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(progress, left);
      }
      return true;
    }
  }

  /** Change sets queued and not yet published. */
  int backlog() {
    return queue.size();
  }

  private void run() {
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
      try {
        publish.accept(batch.changes(), batch.epoch());
      } catch (RuntimeException e) {
        // one bad change set must not stop the values of every later one
        LOG.error("publishing a change set failed", e);
      } finally {
        synchronized (progress) {
          published++;
          progress.notifyAll();
        }
      }
    }
  }

  /** Stops the thread; change sets still queued are dropped (the server is going away). */
  @Override
  public void close() {
    stopped = true;
    queue.clear();
    queue.offer(STOP);
    synchronized (progress) {
      progress.notifyAll();
    }
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
