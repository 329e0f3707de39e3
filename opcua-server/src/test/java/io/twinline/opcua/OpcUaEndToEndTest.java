package io.twinline.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.twinline.line.LineDefinitions;
import io.twinline.opcua.namespace.TwinlineNodeIds;
import io.twinline.sim.flow.Conveyor;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.run.SimulationRunner;
import io.twinline.sim.run.TimeMode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton end to end: the demo line simulated, served over OPC UA on a free port,
 * and driven by a real Milo client, as a PLC would.
 */
class OpcUaEndToEndTest {

  /** Twenty simulated seconds per wall second keep the 4 s belt run short. */
  private static final double SPEED = 20.0;

  private SimulationRunner runner;
  private TwinlineServer server;
  private OpcUaClient client;
  private TwinlineNodeIds ids;

  @BeforeEach
  void start() throws Exception {
    Plant plant = Plant.build(LineDefinitions.example(LineDefinitions.DEFAULT_LINE));
    runner = new SimulationRunner(plant, TimeMode.SCALED, SPEED);
    runner.start();
    server =
        TwinlineServer.start(
            runner,
            ServerOptions.defaults()
                .withPort(0)
                .withBindAddress("127.0.0.1")
                .withHostname("127.0.0.1")
                .withPki(java.nio.file.Path.of("target", "test-pki")));
    client = OpcUaClient.create(server.endpointUrl());
    client.connect();
    UShort index = client.getNamespaceTable().getIndex(TwinlineNodeIds.NAMESPACE_URI);
    ids = new TwinlineNodeIds(index);
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.disconnect();
    }
    if (server != null) {
      server.close();
    }
    if (runner != null) {
      runner.close();
    }
  }

  private NodeId signal(String path) {
    return ids.signal("DemoConveyor", io.twinline.line.SignalPath.parse(path));
  }

  @Test
  void thePortWasPickedAndIsInTheEndpointUrl() {
    assertThat(server.port()).isPositive().isNotEqualTo(ServerOptions.DEFAULT_PORT);
    assertThat(server.endpointUrl())
        .isEqualTo("opc.tcp://127.0.0.1:" + server.port() + "/twinline");
  }

  @Test
  void browsingFindsTheLineItsComponentsAndTheirSignals() throws Exception {
    NodeId twinline = child(NodeIds.ObjectsFolder, "Twinline");
    NodeId line = child(twinline, "DemoConveyor");
    assertThat(browseNames(line)).containsExactly("Feeder", "Infeed", "Outfeed");
    assertThat(browseNames(twinline)).containsExactly("DemoConveyor", "Simulation");
    NodeId infeed = child(line, "Infeed");
    assertThat(browseNames(infeed)).containsExactly("MotorOn", "PartAtEnd");

    UaVariableNode motorOn = client.getAddressSpace().getVariableNode(child(infeed, "MotorOn"));
    UaVariableNode partAtEnd =
        client.getAddressSpace().getVariableNode(child(infeed, "PartAtEnd"));
    assertThat(motorOn.getNodeId()).isEqualTo(signal("Infeed/MotorOn"));
    assertThat(motorOn.getDataType()).isEqualTo(NodeIds.Boolean);
    assertThat(AccessLevel.fromValue(motorOn.getAccessLevel()))
        .containsExactlyInAnyOrder(AccessLevel.CurrentRead, AccessLevel.CurrentWrite);
    assertThat(AccessLevel.fromValue(partAtEnd.getAccessLevel()))
        .containsExactly(AccessLevel.CurrentRead);
    UaVariableNode released =
        client.getAddressSpace().getVariableNode(signal("Feeder/Released"));
    assertThat(released.getDataType()).isEqualTo(NodeIds.Int32);
  }

  @Test
  void writingMotorOnBringsThePartToTheEndEyeSeenThroughASubscription() throws Exception {
    List<DataValue> motor = new CopyOnWriteArrayList<>();
    List<DataValue> atEnd = new CopyOnWriteArrayList<>();
    subscribe(signal("Infeed/MotorOn"), motor);
    subscribe(signal("Infeed/PartAtEnd"), atEnd);
    await().until(() -> !atEnd.isEmpty() && !motor.isEmpty());
    assertThat(atEnd.get(0).value().value()).isEqualTo(false);

    StatusCode status = write(signal("Infeed/MotorOn"), new Variant(true));

    assertThat(status.isGood()).isTrue();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> atEnd.stream().anyMatch(v -> Boolean.TRUE.equals(v.value().value())));
    DataValue motorOn = motor.stream().filter(v -> Boolean.TRUE.equals(v.value().value()))
        .findFirst().orElseThrow();
    DataValue arrived = atEnd.stream().filter(v -> Boolean.TRUE.equals(v.value().value()))
        .findFirst().orElseThrow();
    // Source timestamps are simulated times: 2.0 m at 0.5 m/s after the motor came on.
    assertThat(
            Duration.between(
                motorOn.sourceTime().getJavaInstant(), arrived.sourceTime().getJavaInstant()))
        .isEqualTo(Duration.ofSeconds(4));
    // And the part leaves the eye again 0.2 m later.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Boolean.FALSE.equals(atEnd.get(atEnd.size() - 1).value().value())
            && atEnd.size() >= 3);
  }

  @Test
  void writingMotorOffStopsThePartsWhereTheyAre() throws Exception {
    write(signal("Infeed/MotorOn"), new Variant(true));
    await().until(() -> positions().stream().anyMatch(p -> p > 0.5));

    write(signal("Infeed/MotorOn"), new Variant(false));
    await().until(() -> runner.call(p -> p.signal("Infeed/MotorOn").booleanValue())
        .get(5, TimeUnit.SECONDS).equals(false));
    List<Double> stopped = positions();
    long stoppedAt = runner.simTime();

    await().until(() -> runner.simTime() > stoppedAt + 2_000_000_000L);

    // The parts that were on the belt have not moved (the feeder may have put a new one on).
    assertThat(positions().subList(0, stopped.size())).isEqualTo(stopped);
  }

  @Test
  void writingAnInputIsRefusedWithBadNotWritable() throws Exception {
    StatusCode status = write(signal("Infeed/PartAtEnd"), new Variant(true));

    assertThat(status.getValue()).isEqualTo(StatusCodes.Bad_NotWritable);
  }

  @Test
  void writingTheWrongTypeIsRefusedWithBadTypeMismatch() throws Exception {
    assertThat(write(signal("Infeed/MotorOn"), new Variant(1)).getValue())
        .isEqualTo(StatusCodes.Bad_TypeMismatch);
    assertThat(write(signal("Infeed/MotorOn"), new Variant("true")).getValue())
        .isEqualTo(StatusCodes.Bad_TypeMismatch);
    // The refused writes left the plant alone and the server serving.
    assertThat(client.readValue(0, TimestampsToReturn.Both, signal("Infeed/MotorOn")).value().value())
        .isEqualTo(false);
  }

  @Test
  void aBatchOfWritesGetsOneStatusPerItemAndTheGoodOnesTakeEffect() throws Exception {
    List<StatusCode> results =
        client.writeValues(
            List.of(
                signal("Infeed/PartAtEnd"),
                signal("Infeed/MotorOn"),
                signal("Infeed/MotorOn")),
            List.of(
                DataValue.valueOnly(new Variant(true)),
                DataValue.valueOnly(new Variant(7)),
                DataValue.valueOnly(new Variant(true))));

    assertThat(results)
        .extracting(StatusCode::getValue)
        .containsExactly(StatusCodes.Bad_NotWritable, StatusCodes.Bad_TypeMismatch, 0L);
    await()
        .until(
            () ->
                client
                    .readValue(0, TimestampsToReturn.Both, signal("Infeed/MotorOn"))
                    .value()
                    .value()
                    .equals(true));
  }

  @Test
  void writingANodeThatDoesNotExistIsRefusedWithBadNodeIdUnknown() throws Exception {
    StatusCode status = write(ids.signal("DemoConveyor",
        io.twinline.line.SignalPath.parse("Infeed/NoSuchSignal")), new Variant(true));

    assertThat(status.getValue()).isEqualTo(StatusCodes.Bad_NodeIdUnknown);
  }

  // --- helpers ------------------------------------------------------------------------------

  private List<Double> positions() throws Exception {
    return runner
        .call(p -> p.component("Infeed", Conveyor.class).partPositions())
        .get(5, TimeUnit.SECONDS);
  }

  private StatusCode write(NodeId node, Variant value) throws Exception {
    return client.writeValues(List.of(node), List.of(DataValue.valueOnly(value))).get(0);
  }

  private void subscribe(NodeId node, List<DataValue> sink) throws Exception {
    OpcUaSubscription subscription = new OpcUaSubscription(client, 10.0);
    subscription.create();
    OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(node);
    item.setSamplingInterval(0.0);
    item.setQueueSize(org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint(100));
    item.setDataValueListener((i, value) -> sink.add(value));
    subscription.addMonitoredItem(item);
    subscription.synchronizeMonitoredItems();
  }

  private NodeId child(NodeId parent, String browseName) throws Exception {
    return client.getAddressSpace().browse(parent).stream()
        .filter(r -> r.getBrowseName().name().equals(browseName))
        .findFirst()
        .flatMap(r -> r.getNodeId().toNodeId(client.getNamespaceTable()))
        .orElseThrow(() -> new AssertionError(browseName + " not found below " + parent));
  }

  private List<String> browseNames(NodeId parent) throws Exception {
    return client.getAddressSpace().browse(parent).stream()
        .map(ReferenceDescription::getBrowseName)
        .map(q -> q.name())
        .sorted()
        .toList();
  }
}
