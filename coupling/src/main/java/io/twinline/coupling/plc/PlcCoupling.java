package io.twinline.coupling.plc;

import io.twinline.coupling.modbus.ProcessValues;
import io.twinline.coupling.modbus.RegisterCodec;
import io.twinline.coupling.modbus.WordOrder;
import io.twinline.sim.run.SetSignal;
import io.twinline.sim.run.SimulationRunner;
import io.twinline.sim.signal.Signal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.plc4x.java.api.PlcConnection;
import org.apache.plc4x.java.api.PlcDriverManager;
import org.apache.plc4x.java.api.messages.PlcReadRequest;
import org.apache.plc4x.java.api.messages.PlcReadResponse;
import org.apache.plc4x.java.api.messages.PlcWriteRequest;
import org.apache.plc4x.java.api.messages.PlcWriteResponse;
import org.apache.plc4x.java.api.types.PlcResponseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Twinline as the client of a PLC (or soft PLC) over PLC4X: every cycle it reads the PLC's
 * outputs and sends them to the simulation as {@link SetSignal} commands, and writes the
 * simulated sensors (from the change feed) into the PLC, in as few requests as the tag map
 * allows ({@link Block}).
 *
 * <p>The link's faults are handled here, not left to PLC4X: no connection cache; an explicit
 * {@link LinkState}; on any failure the connection is closed and opened again after a backoff
 * (doubling from {@link Options#backoffMin} to {@link Options#backoffMax}); a tag the PLC
 * refuses is reported with the tag ({@link #tagErrors}) while the others go on; optionally the
 * simulation is paused while the PLC is unreachable. One thread of its own; the simulation is
 * reached only through the runner's command queue and control surface.
 */
public final class PlcCoupling implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PlcCoupling.class);

  /**
   * How to couple: immutable.
   *
   * @param url the PLC4X connection string, e.g. {@code modbus-tcp://10.0.0.5:502}
   * @param tags the tag map
   * @param cycle how often the process image is exchanged (the line's I/O cycle by default)
   * @param wordOrder the word order of values over several registers in the PLC
   * @param pauseWhileDown pause the simulation while the PLC is unreachable (and before the
   *     first connection), resume once it is back
   * @param timeout how long one request may take before the link counts as down
   * @param backoffMin the first wait before reconnecting
   * @param backoffMax the longest wait before reconnecting
   * @param status a signal of the line that shows the link's state, if any: a Boolean (true
   *     while up) or an integer (0 connecting, 1 up, 2 down), written like a client writes, so
   *     it must be an output or marked {@code writableByClients}; OPC UA clients and the console
   *     see it as any other signal
   */
  public record Options(String url, TagMap tags, Duration cycle, WordOrder wordOrder,
      boolean pauseWhileDown, Duration timeout, Duration backoffMin, Duration backoffMax,
      Optional<io.twinline.line.SignalDefinition> status) {

    public Options {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(tags, "tags");
      Objects.requireNonNull(cycle, "cycle");
      Objects.requireNonNull(wordOrder, "wordOrder");
      status = status == null ? Optional.empty() : status;
      status.ifPresent(signal -> {
        if (!signal.clientWritable() || !(signal.type() == io.twinline.line.SignalType.BOOLEAN
            || signal.type().isInteger())) {
          throw new IllegalArgumentException(signal.path() + " cannot show the link state: it"
              + " must be a Boolean or integer output (or marked writableByClients)");
        }
      });
      if (!url.startsWith("modbus-tcp:")) {
        throw new IllegalArgumentException("the coupling speaks modbus-tcp://HOST:PORT (the"
            + " PLC4X driver Twinline ships and tests), not '" + url + "'");
      }
    }

    public static Options of(String url, TagMap tags, Duration cycle) {
      return new Options(url, tags, cycle, WordOrder.ABCD, false, Duration.ofSeconds(2),
          Duration.ofMillis(100), Duration.ofSeconds(5), Optional.empty());
    }

    public Options withPauseWhileDown(boolean pause) {
      return new Options(url, tags, cycle, wordOrder, pause, timeout, backoffMin, backoffMax,
          status);
    }

    public Options withWordOrder(WordOrder order) {
      return new Options(url, tags, cycle, order, pauseWhileDown, timeout, backoffMin,
          backoffMax, status);
    }

    public Options withBackoff(Duration min, Duration max) {
      return new Options(url, tags, cycle, wordOrder, pauseWhileDown, timeout, min, max,
          status);
    }

    public Options withTimeout(Duration newTimeout) {
      return new Options(url, tags, cycle, wordOrder, pauseWhileDown, newTimeout, backoffMin,
          backoffMax, status);
    }

    /** Shows the link's state in {@code signal} (see the record's comment). */
    public Options withStatus(io.twinline.line.SignalDefinition signal) {
      return new Options(url, tags, cycle, wordOrder, pauseWhileDown, timeout, backoffMin,
          backoffMax, Optional.of(signal));
    }
  }

  private final SimulationRunner runner;
  private final Options options;
  private final List<Block> reads;
  private final List<Block> writes;
  private final ProcessValues values;
  private final AutoCloseable feed;
  private final Thread thread;
  private final Map<String, String> tagErrors = new ConcurrentHashMap<>();
  private final List<Consumer<LinkState>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Object[] lastRead;
  private volatile boolean running = true;
  private volatile LinkState state = LinkState.CONNECTING;
  private volatile String lastError = "";
  private volatile long connects;
  private volatile long failures;
  private boolean pausedByUs;
  /** The signals read from the PLC, whose quality is bad while the link is down. */
  private final List<io.twinline.line.SignalPath> fed;
  /** Whether {@link #fed} carry COMM_FAILURE now (set by us). */
  private volatile boolean stale;
  private PlcConnection connection;
  private boolean fresh;

  private final long[] samples = new long[4096];
  private int sampleCount;
  private int sampleNext;
  private long cycles;
  private long overruns;

  private PlcCoupling(SimulationRunner runner, Options options) {
    this.runner = runner;
    this.options = options;
    List<TagBinding> outputs = new ArrayList<>();
    List<TagBinding> inputs = new ArrayList<>();
    for (TagBinding binding : options.tags().bindings()) {
      (binding.signal().direction() == io.twinline.line.Direction.INPUT ? inputs : outputs)
          .add(binding);
    }
    this.reads = Block.plan(outputs, false);
    this.fed = outputs.stream().map(b -> b.signal().path()).toList();
    this.writes = Block.plan(inputs, true);
    List<Signal> signals = runner.plant().signals().all();
    this.values = new ProcessValues(signals.size());
    this.lastRead = new Object[signals.size()];
    this.feed = runner.feed().lossless("twinline-plc-feed-" + runner.plant().name(),
        (changes, epoch) -> values.take(changes));
    this.thread = new Thread(this::loop, "twinline-plc-" + runner.plant().name());
    this.thread.setDaemon(true);
  }

  /** Starts coupling {@code runner}'s line to the PLC (it connects in the background). */
  public static PlcCoupling start(SimulationRunner runner, Options options) {
    PlcCoupling coupling = new PlcCoupling(runner, options);
    coupling.showStatus();
    coupling.thread.start();
    return coupling;
  }

  /** The blocks read every cycle (the PLC's outputs). */
  public List<Block> readBlocks() {
    return reads;
  }

  /** The blocks written every cycle (the simulated inputs). */
  public List<Block> writeBlocks() {
    return writes;
  }

  public LinkState state() {
    return state;
  }

  /** Connections opened so far. */
  public long connects() {
    return connects;
  }

  /** Connection attempts and exchanges that failed so far. */
  public long failures() {
    return failures;
  }

  /** Why the link last went down ("" if it never did). */
  public String lastError() {
    return lastError;
  }

  /** Tags the PLC refused in the last exchange, by signal path, with why. */
  public Map<String, String> tagErrors() {
    return Map.copyOf(tagErrors);
  }

  /** Cycle time and overruns over the last 4096 exchanges. */
  public synchronized CycleStats stats() {
    return CycleStats.of(cycles, overruns, samples, sampleCount);
  }

  /** Tells {@code listener} every change of the link state (on the coupling's thread). */
  public void onStateChange(Consumer<LinkState> listener) {
    listeners.add(listener);
    listener.accept(state);
  }

  private void loop() {
    long backoff = options.backoffMin().toNanos();
    if (options.pauseWhileDown()) {
      pause();
    }
    while (running) {
      if (connection == null) {
        state(LinkState.CONNECTING);
        try {
          connection = PlcDriverManager.getDefault().getConnectionManager()
              .getConnection(options.url());
          if (!connection.isConnected()) {
            connection.connect();
          }
          ConnectionCloser.guard(connection);
          connects++;
          fresh = true;
          backoff = options.backoffMin().toNanos();
          state(LinkState.UP);
          resumeIfPaused();
        } catch (Exception e) {
          down(e);
          park(backoff);
          backoff = Math.min(backoff * 2, options.backoffMax().toNanos());
          continue;
        }
      }
      long start = System.nanoTime();
      try {
        exchange();
      } catch (Exception e) {
        if (!running) {
          break;
        }
        down(e);
        park(backoff);
        backoff = Math.min(backoff * 2, options.backoffMax().toNanos());
        continue;
      }
      long took = System.nanoTime() - start;
      record(took);
      long period = options.cycle().toNanos();
      if (took < period) {
        park(period - took);
      }
    }
    closeConnection();
  }

  private synchronized void record(long took) {
    cycles++;
    if (took > options.cycle().toNanos()) {
      overruns++;
    }
    samples[sampleNext] = took;
    sampleNext = (sampleNext + 1) % samples.length;
    sampleCount = Math.min(sampleCount + 1, samples.length);
  }

  private void exchange() throws Exception {
    long timeout = options.timeout().toMillis();
    if (!connection.isConnected()) {
      throw new java.io.IOException("the PLC closed the connection");
    }
    if (!reads.isEmpty()) {
      // one tag per bit or register: PLC4X's optimizer groups them into the blocks (its array
      // reads answer only the first element in 0.13.1); the word order stays ours
      PlcReadRequest.Builder builder = connection.readRequestBuilder();
      for (Block block : reads) {
        for (TagBinding binding : block.bindings()) {
          for (int k = 0; k < binding.width(); k++) {
            builder.addTagAddress(binding.id() + "." + k, binding.tag().area().keyword() + ":"
                + (binding.tag().address() + k + 1) + (block.area().bits() ? "" : ":WORD"));
          }
        }
      }
      PlcReadResponse response = builder.build().execute().get(timeout, TimeUnit.MILLISECONDS);
      for (Block block : reads) {
        taken(block, response);
      }
    }
    if (!writes.isEmpty()) {
      PlcWriteRequest.Builder builder = connection.writeRequestBuilder();
      for (int k = 0; k < writes.size(); k++) {
        builder.addTagAddress("w" + k, writes.get(k).plc4xAddress(), image(writes.get(k)));
      }
      PlcWriteResponse response = builder.build().execute().get(timeout,
          TimeUnit.MILLISECONDS);
      for (int k = 0; k < writes.size(); k++) {
        PlcResponseCode code = response.getResponseCode("w" + k);
        for (TagBinding binding : writes.get(k).bindings()) {
          checked(binding, code);
        }
      }
    }
    if (stale) {
      // after the fresh values (queued before it): they are the PLC's again
      stale = false;
      runner.control().execute(new io.twinline.sim.run.SetQuality(fed,
          io.twinline.sim.signal.SignalQuality.GOOD));
    }
    fresh = false;
  }

  /** Sends the changed outputs of a read block to the simulation. */
  private void taken(Block block, PlcReadResponse response) {
    int[] words = new int[4];
    for (TagBinding binding : block.bindings()) {
      PlcResponseCode code = PlcResponseCode.OK;
      for (int k = 0; k < binding.width() && code == PlcResponseCode.OK; k++) {
        code = response.getResponseCode(binding.id() + "." + k);
      }
      if (!checked(binding, code)) {
        continue;
      }
      Optional<Object> value;
      if (block.area().bits()) {
        value = Optional.of(response.getBoolean(binding.id() + ".0"));
      } else {
        for (int k = 0; k < binding.width(); k++) {
          words[k] = response.getInteger(binding.id() + "." + k) & 0xFFFF;
        }
        value = RegisterCodec.decode(binding.signal().type(), options.wordOrder(), words, 0);
      }
      if (value.isEmpty()
          || SetSignal.valueProblem(binding.signal(), value.get()).isPresent()) {
        tagErrors.put(binding.signal().path().toString(), binding.tag() + ": the PLC's value"
            + " does not fit " + binding.signal().type().displayName()
            + value.map(v -> " (" + v + ")").orElse(""));
        continue;
      }
      if (fresh || !value.get().equals(lastRead[binding.id()])) {
        lastRead[binding.id()] = value.get();
        runner.submit(new SetSignal(binding.signal().path(), value.get()));
      }
    }
  }

  /** The PLC4X values of a write block: the simulated inputs' current values. */
  private Object[] image(Block block) {
    if (block.area().bits()) {
      Object[] bits = new Object[block.count()];
      for (TagBinding binding : block.bindings()) {
        bits[binding.tag().address() - block.start()] = values.bits(binding.id()) != 0;
      }
      return bits;
    }
    int[] words = new int[block.count()];
    for (TagBinding binding : block.bindings()) {
      RegisterCodec.encode(binding.signal().type(), values.bits(binding.id()),
          options.wordOrder(), words, binding.tag().address() - block.start());
    }
    Object[] boxed = new Object[words.length];
    for (int i = 0; i < words.length; i++) {
      boxed[i] = (short) words[i];
    }
    return boxed;
  }

  /** Whether {@code code} is OK; records or clears the binding's tag error. */
  private boolean checked(TagBinding binding, PlcResponseCode code) {
    String path = binding.signal().path().toString();
    if (code == PlcResponseCode.OK) {
      tagErrors.remove(path);
      return true;
    }
    String why = binding.tag() + ": " + code;
    if (!why.equals(tagErrors.put(path, why))) {
      LOG.warn("PLC tag {} of {}: {}", binding.tag(), path, code);
    }
    return false;
  }

  private void down(Exception e) {
    failures++;
    String why = e.getCause() != null && e.getCause() != e
        ? e.getCause().toString() : e.toString();
    if (state != LinkState.DOWN) {
      LOG.warn("PLC link {} down: {}", options.url(), why);
    }
    lastError = why;
    closeConnection();
    state(LinkState.DOWN);
    if (options.pauseWhileDown()) {
      pause();
    }
    if (!stale && !fed.isEmpty() && running) {
      // after the pause: while paused it is applied at once
      stale = true;
      runner.control().execute(new io.twinline.sim.run.SetQuality(fed,
          io.twinline.sim.signal.SignalQuality.COMM_FAILURE));
    }
  }

  /** Whether the signals read from the PLC are marked stale (link down since they were read). */
  public boolean stale() {
    return stale;
  }

  private void pause() {
    if (!pausedByUs && running) {
      pausedByUs = runner.control().pause().join().isDone();
    }
  }

  private void resumeIfPaused() {
    if (pausedByUs) {
      pausedByUs = false;
      runner.control().resume().join();
    }
  }

  private void state(LinkState next) {
    if (state != next) {
      state = next;
      showStatus();
      listeners.forEach(l -> l.accept(next));
    }
  }

  private void showStatus() {
    options.status().ifPresent(signal -> {
      LinkState now = state;
      Object value = signal.type() == io.twinline.line.SignalType.BOOLEAN
          ? (Object) (now == LinkState.UP)
          : signal.type().boxInteger(now.ordinal());
      // through the control surface: applied at once even while the line is paused for us
      runner.control().write(signal.path(), value);
    });
  }

  private void closeConnection() {
    PlcConnection open = connection;
    connection = null;
    if (open != null) {
      ConnectionCloser.close(open);
    }
  }

  private void park(long nanos) {
    if (!running) {
      return;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      // close() wakes the thread; the loop sees running == false
    }
  }

  /** Stops the exchange, closes the connection, leaves the feed. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      feed.close();
    } catch (Exception e) {
      LOG.warn("leaving the change feed: {}", e.toString());
    }
  }
}
