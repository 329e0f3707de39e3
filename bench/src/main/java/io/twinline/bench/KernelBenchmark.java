package io.twinline.bench;

import io.twinline.sim.kernel.Action;
import io.twinline.sim.kernel.Simulation;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hold model: with {@code pending} events on the calendar, each operation schedules one
 * event at a random time ahead and runs the earliest one. Twinline's kernel beside a plain {@link
 * PriorityQueue} of the same events with the same ordering, in the same run.
 *
 * <p>The same-instant crowd: the same hold model, but each new event is due at the next 10 ms
 * I/O-cycle tick, as when every input of a PLC-synchronised plant is resampled on the cycle grid:
 * all {@code pending} events share one or two instants.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 9, time = 1)
@Fork(1)
public class KernelBenchmark {

  @Param({"10000", "100000"})
  public int pending;

  private static final long HORIZON = 1_000_000_000L;
  private static final long IO_CYCLE = 10_000_000L;

  private Simulation simulation;
  private PriorityQueue<Event> queue;
  private long queueNow;
  private long sequence;
  private Simulation crowd;
  private PriorityQueue<Event> crowdQueue;
  private long crowdQueueNow;
  private SplittableRandom random;
  private final Action nothing = Action.named("nothing", () -> {});

  /** The peer's event: what a minimal kernel on PriorityQueue would keep. */
  record Event(long time, int priority, long sequence, Action action) {}

  private static final Comparator<Event> ORDER =
      Comparator.comparingLong(Event::time)
          .thenComparingInt(Event::priority)
          .thenComparingLong(Event::sequence);

  @Setup(Level.Trial)
  public void fill() {
    random = new SplittableRandom(1);
    simulation = new Simulation();
    queue = new PriorityQueue<>(pending * 2, ORDER);
    for (int i = 0; i < pending; i++) {
      simulation.schedule(random.nextLong(HORIZON), nothing);
      queue.add(new Event(random.nextLong(HORIZON), 0, sequence++, nothing));
    }
    crowd = new Simulation();
    crowdQueue = new PriorityQueue<>(pending * 2, ORDER);
    for (int i = 0; i < pending; i++) {
      crowd.scheduleAt(IO_CYCLE, 0, nothing);
      crowdQueue.add(new Event(IO_CYCLE, 0, sequence++, nothing));
    }
  }

  @Benchmark
  public long twinlineScheduleAndRun() {
    simulation.schedule(random.nextLong(HORIZON), nothing);
    simulation.step();
    return simulation.now();
  }

  @Benchmark
  public long priorityQueueScheduleAndRun() {
    queue.add(new Event(queueNow + random.nextLong(HORIZON), 0, sequence++, nothing));
    Event next = queue.poll();
    queueNow = next.time();
    next.action().run();
    return queueNow;
  }

  @Benchmark
  public long twinlineSameInstantCrowd() {
    crowd.scheduleAt(nextTick(crowd.now()), 0, nothing);
    crowd.step();
    return crowd.now();
  }

  @Benchmark
  public long priorityQueueSameInstantCrowd() {
    crowdQueue.add(new Event(nextTick(crowdQueueNow), 0, sequence++, nothing));
    Event next = crowdQueue.poll();
    crowdQueueNow = next.time();
    next.action().run();
    return crowdQueueNow;
  }

  private static long nextTick(long now) {
    return (now / IO_CYCLE + 1) * IO_CYCLE;
  }
}
