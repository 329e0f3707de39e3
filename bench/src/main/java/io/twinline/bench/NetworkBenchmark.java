package io.twinline.bench;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;

/**
 * The network figures, measured with one Eclipse Milo client against every {@link ServerTarget}
 * alike: creating many monitored items, receiving a heavy stream of changes (counting every lost
 * one), the reaction latency of a write that a sensor answers, and the round trip of a read.
 */
final class NetworkBenchmark {

  /** The most monitored items the client puts in one subscription (see {@link #load}). */
  static final int ITEMS_PER_SUBSCRIPTION = Integer.getInteger("bench.perSubscription", 10_000);

  private NetworkBenchmark() {}


  static OpcUaClient connect(ServerTarget target) throws Exception {
    OpcUaClient client = OpcUaClient.create(target.endpointUrl(), endpoints -> endpoints.stream()
            .filter(e -> e.getSecurityPolicyUri().endsWith("#None")).findFirst(),
        transport -> { },
        config -> config.setRequestTimeout(uint(120_000))
            .setMaxPendingPublishRequests(uint(Integer.getInteger("bench.pending", 8))));
    client.connect();
    return client;
  }

  static UShort namespace(OpcUaClient client, ServerTarget target) {
    UShort ns = client.getNamespaceTable().getIndex(target.namespaceUri());
    if (ns == null) {
      throw new IllegalStateException(target.name() + " has no namespace " + target.namespaceUri());
    }
    return ns;
  }

  /** What the subscription load gave. */
  record LoadResult(
      String target, int items, double createSeconds, double seconds, long offered,
      long received, long lost, long badStatus, double[] createRawSeconds) {

    /** With the server's creation times, first (cold) and again (warm). */
    LoadResult withCreateRaw(double[] rawSeconds) {
      return new LoadResult(target, items, createSeconds, seconds, offered, received, lost,
          badStatus, rawSeconds);
    }

    double deliveredPerSecond() {
      return received / seconds;
    }

    double offeredPerSecond() {
      return offered / seconds;
    }
  }

  /**
   * Subscribes to every counter (batches of {@code batch} items, 10 ms sampling and publishing,
   * a queue of 10), lets the target change its counters for {@code seconds}, and counts: the
   * changes the counters' values say were made, the notifications received, the changes lost
   * (a counter that jumped by more than one).
   */
  static LoadResult load(ServerTarget target, int batch, double seconds) throws Exception {
    OpcUaClient client = connect(target);
    try {
      UShort ns = namespace(client, target);
      List<NodeId> nodes = spread(target.counters(ns), target.changing());
      int n = nodes.size();
      long[] first = new long[n];
      long[] last = new long[n];
      Arrays.fill(first, Long.MIN_VALUE);
      AtomicLong received = new AtomicLong();
      AtomicLong lost = new AtomicLong();
      AtomicLong bad = new AtomicLong();
      boolean[] counting = {false};

      // Milo's client checks every new item against the subscription's others (a linear
      // containsValue per add): 100,000 items in one subscription took 194 s to create here.
      // Subscriptions of at most 10,000 items keep that cost small; servers do not care.
      List<OpcUaSubscription> subscriptions = new ArrayList<>();
      long t0 = System.nanoTime();
      for (int from = 0; from < n; from += batch) {
        if (from % ITEMS_PER_SUBSCRIPTION == 0 || subscriptions.isEmpty()) {
          OpcUaSubscription subscription = new OpcUaSubscription(client, 10.0);
          subscription.setMaxNotificationsPerPublish(uint(0));
          subscription.setLifetimeCount(uint(6000));
          subscription.setMaxKeepAliveCount(uint(500));
          subscription.create();
          subscriptions.add(subscription);
        }
        OpcUaSubscription subscription = subscriptions.get(subscriptions.size() - 1);
        List<OpcUaMonitoredItem> items = new ArrayList<>();
        for (int i = from; i < Math.min(n, from + batch); i++) {
          int index = i;
          OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(nodes.get(i));
          item.setSamplingInterval(10.0);
          item.setQueueSize(uint(10));
          item.setDataValueListener((it, value) -> {
            if (value.statusCode() != null && !value.statusCode().isGood()) {
              bad.incrementAndGet();
              return;
            }
            if (!(value.value().value() instanceof Number number)) {
              return; // a value that does not count (a Boolean at rest)
            }
            long v = number.longValue();
            synchronized (last) {
              if (first[index] == Long.MIN_VALUE || !counting[0]) {
                first[index] = v;
              } else {
                received.incrementAndGet();
                if (v > last[index] + 1) {
                  lost.addAndGet(v - last[index] - 1);
                }
              }
              last[index] = v;
            }
          });
          items.add(item);
        }
        subscription.addMonitoredItems(items);
        subscription.synchronizeMonitoredItems();
      }
      double createSeconds = (System.nanoTime() - t0) / 1e9;

      target.startLoad();
      // Warm up, then count from a clean start.
      TimeUnit.SECONDS.sleep(3);
      synchronized (last) {
        counting[0] = true;
        Arrays.fill(first, Long.MIN_VALUE);
      }
      target.measuring();
      long start = System.nanoTime();
      long deadline = start + (long) (seconds * 1e9);
      while (System.nanoTime() < deadline) {
        TimeUnit.MILLISECONDS.sleep(200);
      }
      double measured = (System.nanoTime() - start) / 1e9;
      long offered;
      synchronized (last) {
        counting[0] = false;
        offered = 0;
        for (int i = 0; i < n; i++) {
          if (first[i] != Long.MIN_VALUE) {
            offered += last[i] - first[i];
          }
        }
      }
      target.stopLoad();
      for (OpcUaSubscription subscription : subscriptions) {
        subscription.delete();
      }
      return new LoadResult(target.name(), n, createSeconds, measured, offered, received.get(),
          lost.get(), bad.get(), new double[] {Double.NaN, Double.NaN});
    } finally {
      disconnect(client);
    }
  }

  /**
   * The nodes in the order the client subscribes to them: the changing ones spread evenly among
   * the still ones, as the moving signals of a plant are spread over its address space, so every
   * subscription carries its share of the load.
   */
  static List<NodeId> spread(List<NodeId> changingFirst, int changing) {
    int n = changingFirst.size();
    List<NodeId> spread = new ArrayList<>(n);
    int nextChanging = 0;
    int nextStill = changing;
    for (int p = 0; p < n; p++) {
      boolean takeChanging = (long) (p + 1) * changing / n > (long) p * changing / n;
      spread.add(changingFirst.get(takeChanging ? nextChanging++ : nextStill++));
    }
    return spread;
  }

  /**
   * Seconds for the server to create a monitored item on every counter, asked with raw
   * CreateMonitoredItems calls of {@code batch} items (10 ms sampling, queue 10) on a
   * subscription with publishing off: the server's part of creating them, without the client
   * library's bookkeeping (Milo's OpcUaSubscription checks each new item against all others).
   */
  static double[] createRaw(ServerTarget target, int batch, boolean twice) {
    // the first time runs cold code (the JIT has not compiled the server's paths yet)
    double[] seconds = {Double.NaN, Double.NaN};
    try {
      seconds[0] = createRawOnce(target, batch);
      if (twice) {
        seconds[1] = createRawOnce(target, batch);
      }
    } catch (Exception e) {
      // a peer that gives up is a figure too: shown as "failed", the run goes on
      System.out.println(target.name() + ": creating items failed: " + e);
    }
    return seconds;
  }

  private static double createRawOnce(ServerTarget target, int batch) throws Exception {
    OpcUaClient client = connect(target);
    try {
      UShort ns = namespace(client, target);
      List<NodeId> nodes = target.counters(ns);
      org.eclipse.milo.opcua.stack.core.types.structured.CreateSubscriptionResponse created =
          client.createSubscription(10.0, uint(6000), uint(500), uint(0), false,
              org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ubyte(0));
      var id = created.getSubscriptionId();
      long start = System.nanoTime();
      for (int from = 0; from < nodes.size(); from += batch) {
        List<org.eclipse.milo.opcua.stack.core.types.structured.MonitoredItemCreateRequest>
            requests = new ArrayList<>();
        for (int i = from; i < Math.min(nodes.size(), from + batch); i++) {
          requests.add(new org.eclipse.milo.opcua.stack.core.types.structured
              .MonitoredItemCreateRequest(
                  new org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId(
                      nodes.get(i), org.eclipse.milo.opcua.stack.core.AttributeId.Value.uid(),
                      null,
                      org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName.NULL_VALUE),
                  org.eclipse.milo.opcua.stack.core.types.enumerated.MonitoringMode.Reporting,
                  new org.eclipse.milo.opcua.stack.core.types.structured.MonitoringParameters(
                      uint(i), 10.0, null, uint(10), true)));
        }
        var response = client.createMonitoredItems(id, TimestampsToReturn.Both, requests);
        for (var result : response.getResults()) {
          if (!result.getStatusCode().isGood()) {
            throw new IllegalStateException(target.name() + ": creating an item: "
                + result.getStatusCode());
          }
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      client.deleteSubscriptions(List.of(id));
      return seconds;
    } finally {
      disconnect(client);
    }
  }

  /** Disconnects, if the server still listens (an overloaded peer may have closed already). */
  static void disconnect(OpcUaClient client) {
    try {
      client.disconnect();
    } catch (Exception e) {
      // closed by the server: nothing to do
    }
  }

  /** Percentiles of a sample, in the sample's unit. */
  record Percentiles(double p50, double p90, double p99, double max, int n) {
    static Percentiles of(long[] values, double unit) {
      long[] sorted = values.clone();
      Arrays.sort(sorted);
      return new Percentiles(at(sorted, 0.5) / unit, at(sorted, 0.9) / unit,
          at(sorted, 0.99) / unit, sorted[sorted.length - 1] / unit, sorted.length);
    }

    private static double at(long[] sorted, double q) {
      return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
  }

  /**
   * Reaction latency: {@code total} from writing the actuator to the sensor's notification; for
   * a server whose plant runs in this JVM also its two parts, {@code reaction} (write to the
   * server publishing the sensor's change) and {@code delivery} (that publication to the
   * client's notification); null for the others. Every write's round trip ({@code write}) too.
   */
  record Latency(Percentiles total, Percentiles write, Percentiles reaction,
      Percentiles delivery) {}

  /**
   * The time from writing the actuator to the sensor's notification, with a 10 ms publishing
   * interval: {@code samples} writes at random phases of the I/O cycle.
   */
  static Latency latency(ServerTarget target, int samples) throws Exception {
    OpcUaClient client = connect(target);
    try {
      UShort ns = namespace(client, target);
      BlockingQueue<Long> arrivals = new ArrayBlockingQueue<>(16);
      BlockingQueue<Long> published = new ArrayBlockingQueue<>(16);
      boolean split = target.watchSensor(published::offer);
      OpcUaSubscription subscription = new OpcUaSubscription(client, 10.0);
      subscription.create();
      OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(target.sensor(ns));
      item.setSamplingInterval(0.0);
      item.setQueueSize(uint(10));
      item.setDataValueListener((i, v) -> arrivals.offer(System.nanoTime()));
      subscription.addMonitoredItem(item);
      subscription.synchronizeMonitoredItems();
      arrivals.poll(5, TimeUnit.SECONDS); // the initial value
      java.util.Random random = new java.util.Random(1);
      long[] total = new long[samples];
      long[] write = new long[samples];
      long[] reaction = new long[samples];
      long[] delivery = new long[samples];
      boolean on = false;
      for (int s = 0; s < samples; s++) {
        TimeUnit.MICROSECONDS.sleep(20_000 + random.nextInt(10_000));
        arrivals.clear();
        published.clear();
        on = !on;
        long start = System.nanoTime();
        client.writeValues(List.of(target.actuator(ns)),
            List.of(DataValue.valueOnly(new Variant(on))));
        write[s] = System.nanoTime() - start;
        Long arrival = arrivals.poll(5, TimeUnit.SECONDS);
        if (arrival == null) {
          throw new IllegalStateException(target.name() + ": no reaction within 5 s");
        }
        total[s] = arrival - start;
        if (split) {
          Long at = published.poll(5, TimeUnit.SECONDS);
          if (at == null) {
            throw new IllegalStateException(target.name() + ": the change was not published");
          }
          reaction[s] = at - start;
          delivery[s] = arrival - at;
        }
      }
      subscription.delete();
      return new Latency(Percentiles.of(total, 1e6), Percentiles.of(write, 1e6),
          split ? Percentiles.of(reaction, 1e6) : null,
          split ? Percentiles.of(delivery, 1e6) : null);
    } finally {
      disconnect(client);
    }
  }

  /** The round trip of a Read of one node, µs, after a warm-up. */
  static Percentiles readRoundTrip(ServerTarget target, int samples) throws Exception {
    OpcUaClient client = connect(target);
    try {
      UShort ns = namespace(client, target);
      NodeId node = target.counters(ns).get(0);
      for (int i = 0; i < 2000; i++) {
        client.readValues(0, TimestampsToReturn.Both, List.of(node));
      }
      long[] nanos = new long[samples];
      for (int s = 0; s < samples; s++) {
        long start = System.nanoTime();
        client.readValues(0, TimestampsToReturn.Both, List.of(node));
        nanos[s] = System.nanoTime() - start;
      }
      return Percentiles.of(nanos, 1e3);
    } finally {
      disconnect(client);
    }
  }
}
