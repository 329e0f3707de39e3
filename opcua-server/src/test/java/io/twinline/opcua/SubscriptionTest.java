package io.twinline.opcua;

import static io.twinline.opcua.ServerFixture.read;
import static io.twinline.opcua.ServerFixture.subscribe;
import static io.twinline.opcua.ServerFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.twinline.sim.run.TimeMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.eclipse.milo.opcua.stack.core.types.structured.EUInformation;
import org.eclipse.milo.opcua.stack.core.types.structured.Range;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values as a PLC or SCADA client sees them: typed, described, with engineering units, under
 * their tags too; and subscriptions that deliver every change the simulation makes, with its
 * simulated time, at the rates a PLC asks for.
 */
class SubscriptionTest {

  @TempDir Path pki;
  private ServerFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private OpcUaClient start(TimeMode mode, double speed) throws Exception {
    fixture = ServerFixture.start(mode, speed, pki, o -> o);
    return fixture.connect();
  }

  /** Lets the stepped simulation run one I/O cycle (10 ms). */
  private void cycle(OpcUaClient client) throws Exception {
    assertThat(fixture.call(client, "Step", 10.0).getStatusCode().isGood()).isTrue();
  }

  @Test
  void aTenMillisecondSubscriptionGetsTenMillisecondDataAndEveryChange() throws Exception {
    OpcUaClient client = start(TimeMode.STEPPED, 1.0);
    List<DataValue> pulses = new CopyOnWriteArrayList<>();
    OpcUaMonitoredItem item = subscribe(client, fixture.signal("Cell/Pulse"), 10, 10, 10, pulses);
    assertThat(item.getRevisedSamplingInterval()).contains(10.0);
    await().until(() -> pulses.size() == 1); // the initial value
    cycle(client); // past the cycle at time 0: from here each write lands on the next cycle

    for (int i = 0; i < 20; i++) {
      write(client, fixture.signal("Cell/Pulse"), i % 2 == 0);
      cycle(client);
    }

    await().until(() -> pulses.size() == 21);
    List<Object> values = pulses.stream().skip(1).map(v -> v.value().value()).toList();
    List<Object> expected = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      expected.add(i % 2 == 0);
    }
    assertThat(values).isEqualTo(expected);
    List<Instant> times = pulses.stream().skip(1).map(v -> v.sourceTime().getJavaInstant())
        .toList();
    List<Long> offsets =
        times.stream().map(t -> Duration.between(times.get(0), t).toMillis()).toList();
    assertThat(offsets)
        .as("one change per I/O cycle, stamped with simulated time")
        .isEqualTo(java.util.stream.LongStream.range(0, 20).map(i -> i * 10).boxed().toList());
  }

  @Test
  void oneMillisecondIsGrantedNotRoundedUp() throws Exception {
    OpcUaClient client = start(TimeMode.STEPPED, 1.0);
    List<DataValue> sink = new CopyOnWriteArrayList<>();

    var subscription = new org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription(
        client, 1.0);
    subscription.create();
    OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(fixture.signal("Belt/MotorOn"));
    item.setSamplingInterval(1.0);
    item.setDataValueListener((i, v) -> sink.add(v));
    subscription.addMonitoredItem(item);
    subscription.synchronizeMonitoredItems();

    assertThat(subscription.getRevisedPublishingInterval()).contains(1.0);
    assertThat(item.getRevisedSamplingInterval()).contains(1.0);
    await().until(() -> sink.size() == 1);
    assertThat(fixture.server.namespace().pushedItemCount())
        .as("signal values are pushed from the simulation, not polled")
        .isEqualTo(1);
  }

  @Test
  void aPulseShorterThanTheSamplingIntervalIsKeptWhenTheClientAsksForAQueue() throws Exception {
    OpcUaClient client = start(TimeMode.STEPPED, 1.0);
    List<DataValue> queued = new CopyOnWriteArrayList<>();
    List<DataValue> latest = new CopyOnWriteArrayList<>();
    subscribe(client, fixture.signal("Cell/Pulse"), 500, 500, 10, queued);
    subscribe(client, fixture.signal("Cell/Pulse"), 500, 500, 1, latest);
    await().until(() -> queued.size() == 1 && latest.size() == 1);

    // A 10 ms pulse, well inside one 500 ms sampling interval.
    write(client, fixture.signal("Cell/Pulse"), true);
    cycle(client);
    write(client, fixture.signal("Cell/Pulse"), false);
    cycle(client);

    await().until(() -> queued.size() == 3);
    assertThat(queued.stream().map(v -> v.value().value()))
        .containsExactly(false, true, false);
    // With a queue of one, OPC UA keeps only the newest value: the pulse is gone.
    await().until(() -> latest.size() >= 2);
    assertThat(latest.get(latest.size() - 1).value().value()).isEqualTo(false);
  }

  @Test
  void tenClientsSeeTheSameChangesInTheSameOrder() throws Exception {
    start(TimeMode.SCALED, 20.0);
    List<List<DataValue>> seen = new ArrayList<>();
    List<OpcUaClient> clients = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      OpcUaClient client = fixture.connect();
      List<DataValue> sink = new CopyOnWriteArrayList<>();
      subscribe(client, fixture.signal("Belt/AtEnd"), 10, 0, 100, sink);
      seen.add(sink);
      clients.add(client);
    }
    await().until(() -> seen.stream().allMatch(s -> !s.isEmpty()));

    write(clients.get(0), fixture.signal("Belt/MotorOn"), true);

    // Boxes every 5 s pass the eye: on, off, on, off, ...
    await().atMost(Duration.ofSeconds(30)).until(() -> seen.stream().allMatch(s -> s.size() >= 7));
    List<String> reference = changes(seen.get(0));
    for (List<DataValue> other : seen) {
      assertThat(changes(other)).isEqualTo(reference);
    }
    assertThat(reference.subList(1, 7)).extracting(c -> c.split("@")[0])
        .containsExactly("true", "false", "true", "false", "true", "false");
  }

  /** The first 7 changes as value@sourceTime, after the initial value's. */
  private static List<String> changes(List<DataValue> values) {
    return values.stream()
        .filter(v -> v.sourceTime() != null)
        .map(v -> v.value().value() + "@" + v.sourceTime().getJavaInstant())
        .limit(7)
        .toList();
  }

  @Test
  void aTaggedSignalIsTheSameNodeUnderItsTag() throws Exception {
    OpcUaClient client = start(TimeMode.STEPPED, 1.0);
    NodeId tag = fixture.ids().tag("Q_BeltOn");
    List<DataValue> viaTag = new CopyOnWriteArrayList<>();
    List<DataValue> viaPath = new CopyOnWriteArrayList<>();
    subscribe(client, tag, 10, 0, 10, viaTag);
    subscribe(client, fixture.signal("Belt/MotorOn"), 10, 0, 10, viaPath);

    assertThat(write(client, tag, true).isGood()).isTrue();
    cycle(client);

    assertThat(read(client, fixture.signal("Belt/MotorOn")).value().value()).isEqualTo(true);
    await().until(() -> viaTag.size() == 2 && viaPath.size() == 2);
    assertThat(viaTag.get(1).sourceTime()).isEqualTo(viaPath.get(1).sourceTime());
    List<String> tags =
        client.getAddressSpace().browse(fixture.ids().tags(ServerFixture.LINE)).stream()
            .map(ReferenceDescription::getBrowseName)
            .map(q -> q.name())
            .toList();
    assertThat(tags).containsExactly("Q_BeltOn");
  }

  @Test
  void aQueuedItemHoldsASecondOfCyclesSoABurstAfterAStallLosesNothing() throws Exception {
    OpcUaClient client = start(TimeMode.STEPPED, 1.0);
    List<DataValue> counts = new CopyOnWriteArrayList<>();
    // a slow subscription and a small queue: 30 changes arrive between two publishes
    OpcUaMonitoredItem queued =
        subscribe(client, fixture.signal("Cell/Counter"), 500, 0, 10, counts);
    OpcUaMonitoredItem latest =
        subscribe(client, fixture.signal("Cell/Speed"), 500, 0, 1, new ArrayList<>());
    await().until(() -> counts.size() == 1);

    List<NodeId> nodes = new ArrayList<>();
    List<DataValue> values = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      nodes.add(fixture.signal("Cell/Counter"));
      values.add(DataValue.valueOnly(new Variant(i)));
    }
    assertThat(client.writeValues(nodes, values)).allMatch(code -> code.isGood());
    cycle(client);

    assertThat(queued.getRevisedQueueSize()).contains(Unsigned.uint(100)); // 1 s of 10 ms
    assertThat(latest.getRevisedQueueSize()).contains(Unsigned.uint(1));
    await().until(() -> counts.size() == 31);
    assertThat(counts.subList(1, 31)).extracting(v -> v.value().value())
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 30).boxed().toList());
    assertThat(counts).noneMatch(v -> v.statusCode().isOverflowSet());
  }

  @Test
  void variablesHaveTheirTypeDescriptionAndEngineeringUnits() throws Exception {
    OpcUaClient client = start(TimeMode.STEPPED, 1.0);

    assertThat(attribute(client, "Cell/Setpoint", AttributeId.DataType)).isEqualTo(NodeIds.Double);
    assertThat(attribute(client, "Cell/Speed", AttributeId.DataType)).isEqualTo(NodeIds.Int16);
    assertThat(attribute(client, "Cell/Counter", AttributeId.DataType)).isEqualTo(NodeIds.Int32);
    assertThat(attribute(client, "Cell/Pulse", AttributeId.DataType)).isEqualTo(NodeIds.Boolean);
    assertThat(attribute(client, "Cell/Label", AttributeId.DataType)).isEqualTo(NodeIds.String);
    assertThat(attribute(client, "Cell/Setpoint", AttributeId.Description).toString())
        .contains("Temperature setpoint");

    var setpoint = client.getAddressSpace().getVariableNode(fixture.signal("Cell/Setpoint"));
    assertThat(setpoint.getTypeDefinition().getNodeId()).isEqualTo(NodeIds.AnalogItemType);
    NodeId range = property(client, fixture.signal("Cell/Setpoint"), "EURange");
    NodeId units = property(client, fixture.signal("Cell/Setpoint"), "EngineeringUnits");
    Range euRange = decode(client, read(client, range).value().value(), Range.class);
    EUInformation eu = decode(client, read(client, units).value().value(), EUInformation.class);
    assertThat(euRange.getLow()).isEqualTo(0.0);
    assertThat(euRange.getHigh()).isEqualTo(120.0);
    assertThat(eu.getDisplayName().text()).isEqualTo("°C");
    assertThat(eu.getUnitId()).as("UNECE code CEL").isEqualTo(4408652);

    var counter = client.getAddressSpace().getVariableNode(fixture.signal("Cell/Counter"));
    assertThat(counter.getTypeDefinition().getNodeId()).isEqualTo(NodeIds.BaseDataVariableType);
  }

  private Object attribute(OpcUaClient client, String path, AttributeId attribute)
      throws Exception {
    return read(client, fixture.signal(path), attribute).value().value();
  }

  private static NodeId property(OpcUaClient client, NodeId node, String name) throws Exception {
    return client.getAddressSpace().browse(node).stream()
        .filter(r -> r.getBrowseName().name().equals(name))
        .findFirst()
        .orElseThrow()
        .getNodeId()
        .toNodeId(client.getNamespaceTable())
        .orElseThrow();
  }

  private static <T> T decode(OpcUaClient client, Object value, Class<T> type) {
    return type.cast(((ExtensionObject) value).decode(client.getStaticEncodingContext()));
  }
}
