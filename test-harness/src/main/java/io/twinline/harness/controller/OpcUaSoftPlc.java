package io.twinline.harness.controller;

import io.twinline.sim.controller.ControlProgram;
import io.twinline.sim.controller.ProcessImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link ControlProgram} as a real OPC UA client of a Twinline server, the way a PLC with
 * an OPC UA client does: it subscribes to every signal of the served line, and every scan period
 * (wall-clock time) it scans the program against the latest values and writes, in one Write
 * request, the outputs whose value on the server is not what the program wants. It tests the network path the in-process {@link SoftPlc} skips.
 *
 * <p>{@link ProcessImage#now()} is this PLC's own clock (nanoseconds since it started), as a PLC's
 * timers are; the server's simulated time is not involved.
 *
 * <p>In lock-step ({@link #connectLockStep}) it does not scan on its own clock: it scans once for
 * every {@code Simulation/StepRequest} the server raises, on the values published with it, and
 * writes its outputs and then {@code Simulation/StepAck} in one Write request; its clock is the
 * number of steps times the I/O cycle. The same program then gives the same run every time.
 *
 * <p>It watches {@code Simulation/ResetCount}; with {@link #restartOnReset} it starts a fresh
 * program instance when the count changes (the line was reset: a warm restart of the PLC), before
 * the first scan on the reset line's values.
 */
public final class OpcUaSoftPlc implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OpcUaSoftPlc.class);
  private static final String NAMESPACE_URI = "urn:twinline";

  /**
   * An output the server shows with another value than the program wants is written again after
   * this long: the line was reset, or someone else wrote it. (Not at once: a write reaches the
   * plant at its next I/O cycle and comes back through the subscription a little later.)
   */
  private static final long REWRITE_NANOS = 200_000_000L;

  /** One variable of the served line. */
  private record Variable(NodeId node, String path, NodeId dataType, boolean writable) {}

  private final OpcUaClient client;
  private ControlProgram program;
  private volatile java.util.function.Supplier<ControlProgram> restarts;
  private final AtomicLong restarted = new AtomicLong();
  private Variable resetCount;
  private Object resetsSeen;
  private final Map<String, Variable> byName = new HashMap<>();
  private final Map<NodeId, Object> values = new ConcurrentHashMap<>();
  private final Map<NodeId, Object> written = new HashMap<>();
  private final Map<NodeId, Long> writtenAt = new HashMap<>();
  private final ScheduledExecutorService scanner;
  private final ScheduledFuture<?> scanning;
  private final long started = System.nanoTime();
  private final AtomicLong scans = new AtomicLong();
  private final AtomicLong failedWrites = new AtomicLong();
  private final String line;
  private final Duration lockStepCycle;
  private final AtomicLong steps = new AtomicLong();
  /** The step last scanned for (the server never offers the same number twice). */
  private final AtomicLong acked = new AtomicLong();
  private Variable stepRequest;
  private Variable stepAck;
  private boolean initialised;

  private OpcUaSoftPlc(OpcUaClient client, ControlProgram program, Duration scan,
      Duration lockStepCycle) throws UaException {
    this.lockStepCycle = lockStepCycle;
    this.client = client;
    this.program = program;
    UShort ns = client.getNamespaceTable().getIndex(NAMESPACE_URI);
    if (ns == null) {
      throw new UaException(org.eclipse.milo.opcua.stack.core.StatusCodes.Bad_NotFound,
          "the server has no namespace " + NAMESPACE_URI + "; is it a Twinline server?");
    }
    NodeId root = new NodeId(ns, "Twinline");
    this.line = browse(root).stream()
        .map(r -> r.getBrowseName().name())
        .filter(n -> !n.equals("Simulation"))
        .findFirst()
        .orElseThrow(() -> new UaException(
            org.eclipse.milo.opcua.stack.core.StatusCodes.Bad_NotFound, "no line served"));
    collect(new NodeId(ns, line));
    resetCount = new Variable(new NodeId(ns, "Simulation/ResetCount"), "Simulation/ResetCount",
        NodeIds.Int32, false);
    byName.put(resetCount.path(), resetCount);
    this.scanner = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "opcua-soft-plc");
      t.setDaemon(true);
      return t;
    });
    if (lockStepCycle != null) {
      stepRequest = systemVariable(ns, "StepRequest");
      stepAck = systemVariable(ns, "StepAck");
      byName.put(stepRequest.path(), stepRequest);
      byName.put(stepAck.path(), stepAck);
      subscribe(scan);
      this.scanning = null;
      // a notification that comes before its item is known is dropped by the client: the step
      // offered before the subscription existed is read, not waited for
      primeAndOfferStep();
    } else {
      subscribe(scan);
      this.scanning = scanner.scheduleAtFixedRate(this::scanQuietly, scan.toNanos(),
          scan.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  private Variable systemVariable(UShort ns, String name) {
    return new Variable(new NodeId(ns, "Simulation/" + name), "Simulation/" + name,
        NodeIds.Int32, true);
  }

  /**
   * Connects to {@code endpointUrl} (security None, anonymous), subscribes to the line's signals
   * and starts scanning {@code program} every {@code scan}.
   */
  public static OpcUaSoftPlc connect(String endpointUrl, ControlProgram program, Duration scan)
      throws UaException {
    OpcUaClient client = OpcUaClient.create(endpointUrl);
    client.connect();
    try {
      return new OpcUaSoftPlc(client, program, scan, null);
    } catch (UaException | RuntimeException e) {
      client.disconnect();
      throw e;
    }
  }

  /**
   * Connects to {@code endpointUrl} (security None, anonymous) and runs {@code program} in
   * lock-step with a server started with lock-step: one scan per {@code Simulation/StepRequest},
   * acknowledged in {@code Simulation/StepAck}.
   *
   * @param ioCycle the served line's I/O cycle: how far the PLC's clock moves per step
   */
  public static OpcUaSoftPlc connectLockStep(String endpointUrl, ControlProgram program,
      Duration ioCycle) throws UaException {
    OpcUaClient client = OpcUaClient.create(endpointUrl);
    client.connect();
    try {
      return new OpcUaSoftPlc(client, program, Duration.ofMillis(1), ioCycle);
    } catch (UaException | RuntimeException e) {
      client.disconnect();
      throw e;
    }
  }

  /**
   * From now on, a change of {@code Simulation/ResetCount} (a reset of the line) replaces the
   * program with a fresh one from {@code programs}, initialised at its first scan, as a PLC's warm
   * restart does: its state starts over with the line's. Any thread.
   */
  public OpcUaSoftPlc restartOnReset(java.util.function.Supplier<ControlProgram> programs) {
    this.restarts = programs;
    return this;
  }

  /** How often the program was restarted after a reset. */
  public long restarts() {
    return restarted.get();
  }

  /** Steps acknowledged in lock-step. */
  public long steps() {
    return steps.get();
  }

  /** The name of the line the server serves. */
  public String line() {
    return line;
  }

  public long scans() {
    return scans.get();
  }

  /** Writes the server refused (for example to an input). */
  public long failedWrites() {
    return failedWrites.get();
  }

  private List<ReferenceDescription> browse(NodeId node) throws UaException {
    return client.getAddressSpace().browse(node);
  }

  /**
   * Collects the line's variables: {@code <Component>/<Signal>} from the component folders, and
   * the tag aliases from the {@code Tags} folder under their tag names (an alias node reads and
   * writes the same signal).
   */
  private void collect(NodeId lineFolder) throws UaException {
    for (ReferenceDescription r : browse(lineFolder)) {
      Optional<NodeId> id = r.getNodeId().toNodeId(client.getNamespaceTable());
      if (id.isPresent() && r.getNodeClass() == NodeClass.Object) {
        String folder = r.getBrowseName().name();
        collectVariables(id.get(), folder.equals("Tags") ? "" : folder + "/");
      }
    }
  }

  private void collectVariables(NodeId folder, String prefix) throws UaException {
    List<NodeId> nodes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (ReferenceDescription r : browse(folder)) {
      Optional<NodeId> id = r.getNodeId().toNodeId(client.getNamespaceTable());
      if (id.isPresent() && r.getNodeClass() == NodeClass.Variable) {
        nodes.add(id.get());
        names.add(prefix + r.getBrowseName().name());
      }
    }
    if (nodes.isEmpty()) {
      return;
    }
    List<ReadValueId> reads = new ArrayList<>();
    for (NodeId id : nodes) {
      reads.add(new ReadValueId(id, AttributeId.DataType.uid(), null, null));
      reads.add(new ReadValueId(id, AttributeId.UserAccessLevel.uid(), null, null));
    }
    DataValue[] results = client.read(0, TimestampsToReturn.Neither, reads).getResults();
    for (int i = 0; i < nodes.size(); i++) {
      NodeId type = (NodeId) results[2 * i].value().value();
      Object level = results[2 * i + 1].value().value();
      boolean writable = level instanceof UByte b
          && AccessLevel.fromValue(b).contains(AccessLevel.CurrentWrite);
      byName.put(names.get(i), new Variable(nodes.get(i), names.get(i), type, writable));
    }
  }

  private void subscribe(Duration scan) throws UaException {
    OpcUaSubscription subscription =
        new OpcUaSubscription(client, Math.max(1.0, scan.toNanos() / 1e6));
    subscription.create();
    List<OpcUaMonitoredItem> items = new ArrayList<>();
    Map<OpcUaMonitoredItem, Variable> variables = new HashMap<>();
    for (Variable variable : byName.values()) {
      OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(variable.node());
      item.setSamplingInterval(0.0);
      item.setQueueSize(Unsigned.uint(1));
      items.add(item);
      variables.put(item, variable);
    }
    // one notification at a time, all its values first: a StepRequest is scanned for on the
    // values published with it, whatever order the items come in
    subscription.setSubscriptionListener(new OpcUaSubscription.SubscriptionListener() {
      @Override
      public void onDataReceived(OpcUaSubscription s, List<OpcUaMonitoredItem> received,
          List<DataValue> dataValues) {
        Long request = null;
        for (int i = 0; i < received.size(); i++) {
          Variable variable = variables.get(received.get(i));
          DataValue value = dataValues.get(i);
          if (variable == null || value.statusCode() == null || !value.statusCode().isGood()) {
            continue;
          }
          values.put(variable.node(), value.value().value());
          if (variable == stepRequest && value.value().value() instanceof Number n) {
            request = n.longValue();
          }
        }
        // a request seen again (a republished value) is not scanned for twice; the server never
        // offers a number twice, not even after a reset
        if (request != null && request > 0 && acked.getAndSet(request) != request) {
          long n = request;
          scanner.execute(() -> stepQuietly(n));
        }
      }
    });
    subscription.addMonitoredItems(items);
    subscription.synchronizeMonitoredItems();
  }

  /**
   * Writes the outputs and the ack of a scan; a write that fails on the way (a timeout, a channel
   * renewed) is sent again, the same values, so the server's wait for the ack ends: the step is
   * not scanned twice.
   */
  private List<StatusCode> writeRetrying(List<NodeId> nodes, List<DataValue> values)
      throws UaException {
    UaException last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      try {
        return client.writeValues(nodes, values);
      } catch (UaException e) {
        last = e;
        LOG.debug("lock-step write failed, sending it again: {}", e.getMessage());
      }
    }
    throw last;
  }

  /** Reads every variable once, then scans for the step offered now, if not scanned yet. */
  private void primeAndOfferStep() throws UaException {
    List<Variable> variables = new ArrayList<>(byName.values());
    List<ReadValueId> reads = new ArrayList<>();
    for (Variable variable : variables) {
      reads.add(new ReadValueId(variable.node(), AttributeId.Value.uid(), null, null));
    }
    DataValue[] results = client.read(0, TimestampsToReturn.Neither, reads).getResults();
    for (int i = 0; i < variables.size(); i++) {
      DataValue value = results[i];
      if (value.statusCode() != null && value.statusCode().isGood()
          && value.value().value() != null) {
        values.putIfAbsent(variables.get(i).node(), value.value().value());
      }
    }
    Object offered = values.get(stepRequest.node());
    if (offered instanceof Number n && n.longValue() > 0) {
      long request = n.longValue();
      if (acked.compareAndSet(0, request)) {
        scanner.execute(() -> stepQuietly(request));
      }
    }
  }

  /** One scan of the program at {@code now} (its first is preceded by init). */
  private Image scanAt(long now) {
    Object resets = values.get(resetCount.node());
    java.util.function.Supplier<ControlProgram> fresh = restarts;
    if (fresh != null && resets != null && resetsSeen != null && !resets.equals(resetsSeen)) {
      program = fresh.get();
      initialised = false;
      written.clear();
      writtenAt.clear();
      restarted.incrementAndGet();
    }
    if (resets != null) {
      resetsSeen = resets;
    }
    Image image = new Image(now);
    if (!initialised) {
      initialised = true;
      program.init(image);
    }
    program.scan(image);
    scans.incrementAndGet();
    return image;
  }

  private void stepQuietly(long request) {
    try {
      Image image = scanAt(steps.get() * lockStepCycle.toNanos());
      List<NodeId> nodes = new ArrayList<>();
      List<DataValue> out = new ArrayList<>();
      image.writes.forEach((variable, value) -> {
        Object observed = values.get(variable.node());
        if (!value.equals(observed == null ? null : convert(variable.dataType(), observed))) {
          nodes.add(variable.node());
          out.add(DataValue.valueOnly(new Variant(value)));
        }
      });
      // the ack last: the server applies the outputs, then steps
      nodes.add(stepAck.node());
      out.add(DataValue.valueOnly(new Variant((int) request)));
      List<StatusCode> results = writeRetrying(nodes, out);
      for (int i = 0; i < results.size(); i++) {
        if (!results.get(i).isGood()) {
          failedWrites.incrementAndGet();
          LOG.warn("write of {} refused: {}", nodes.get(i).getIdentifier(), results.get(i));
        }
      }
      steps.incrementAndGet();
    } catch (UaException | RuntimeException e) {
      LOG.warn("lock-step scan for step {} failed: {}", request, e.toString());
    }
  }

  private void scanQuietly() {
    try {
      scan();
    } catch (RuntimeException e) {
      LOG.warn("scan failed: {}", e.toString(), e);
    }
  }

  private void scan() {
    Image image = scanAt(System.nanoTime() - started);
    List<NodeId> nodes = new ArrayList<>();
    List<DataValue> out = new ArrayList<>();
    long now = System.nanoTime();
    image.writes.forEach((variable, value) -> {
      Object observed = values.get(variable.node());
      boolean differs = !value.equals(observed == null ? null : convert(variable.dataType(),
          observed));
      boolean fresh = !value.equals(written.get(variable.node()))
          || now - writtenAt.getOrDefault(variable.node(), 0L) > REWRITE_NANOS;
      if (differs && fresh) {
        nodes.add(variable.node());
        out.add(DataValue.valueOnly(new Variant(value)));
      }
    });
    if (nodes.isEmpty()) {
      return;
    }
    try {
      List<StatusCode> results = writeRetrying(nodes, out);
      for (int i = 0; i < results.size(); i++) {
        if (results.get(i).isGood()) {
          written.put(nodes.get(i), out.get(i).value().value());
          writtenAt.put(nodes.get(i), now);
        } else {
          failedWrites.incrementAndGet();
          LOG.warn("write of {} refused: {}", nodes.get(i).getIdentifier(), results.get(i));
        }
      }
    } catch (UaException e) {
      LOG.warn("write failed: {}", e.getMessage());
    }
  }

  /** The program's view during one scan. */
  private final class Image implements ProcessImage {
    private final long now;
    private final Map<Variable, Object> writes = new LinkedHashMap<>();

    Image(long now) {
      this.now = now;
    }

    private Variable variable(String name) {
      Variable v = byName.get(name);
      if (v == null) {
        throw new IllegalArgumentException("no signal '" + name + "' on line " + line);
      }
      return v;
    }

    private Object read(String name) {
      Variable v = variable(name);
      Object pending = writes.get(v);
      return pending != null ? pending : values.get(v.node());
    }

    @Override
    public long now() {
      return now;
    }

    @Override
    public boolean bool(String signal) {
      return Boolean.TRUE.equals(read(signal));
    }

    @Override
    public double number(String signal) {
      Object v = read(signal);
      return v instanceof Number n ? n.doubleValue() : Boolean.TRUE.equals(v) ? 1 : 0;
    }

    @Override
    public int integer(String signal) {
      return (int) Math.round(number(signal));
    }

    @Override
    public String text(String signal) {
      Object v = read(signal);
      return v == null ? "" : v.toString();
    }

    private void write(String signal, Object value) {
      Variable v = variable(signal);
      if (!v.writable()) {
        throw new IllegalArgumentException(signal + " is an input; only the plant drives it");
      }
      writes.put(v, convert(v.dataType(), value));
    }

    @Override
    public void set(String signal, boolean value) {
      write(signal, value);
    }

    @Override
    public void set(String signal, double value) {
      write(signal, value);
    }

    @Override
    public void set(String signal, long value) {
      write(signal, value);
    }

    @Override
    public void set(String signal, String value) {
      write(signal, value);
    }
  }

  /** A value as the Java type of an OPC UA data type, so the server takes it. */
  static Object convert(NodeId type, Object value) {
    if (value instanceof Number n) {
      if (NodeIds.Double.equals(type)) {
        return n.doubleValue();
      } else if (NodeIds.Float.equals(type)) {
        return n.floatValue();
      } else if (NodeIds.Int16.equals(type)) {
        return n.shortValue();
      } else if (NodeIds.Int32.equals(type)) {
        return n.intValue();
      } else if (NodeIds.Int64.equals(type)) {
        return n.longValue();
      } else if (NodeIds.SByte.equals(type)) {
        return n.byteValue();
      } else if (NodeIds.Byte.equals(type)) {
        return Unsigned.ubyte(n.longValue());
      } else if (NodeIds.UInt16.equals(type)) {
        return Unsigned.ushort(n.intValue());
      } else if (NodeIds.UInt32.equals(type)) {
        return Unsigned.uint(n.longValue());
      } else if (NodeIds.Boolean.equals(type)) {
        return n.doubleValue() != 0;
      }
    }
    return value;
  }

  @Override
  public void close() {
    if (scanning != null) {
      scanning.cancel(false);
    }
    scanner.shutdown();
    try {
      scanner.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      client.disconnect();
    } catch (UaException e) {
      LOG.debug("disconnect: {}", e.getMessage());
    }
  }
}
