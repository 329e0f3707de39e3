package io.twinline.opcua;

import io.twinline.line.LineDefinitions;
import io.twinline.line.SignalPath;
import io.twinline.line.model.LineDefinition;
import io.twinline.opcua.namespace.TwinlineNodeIds;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.run.SimulationRunner;
import io.twinline.sim.run.TimeMode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfigBuilder;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;

/**
 * A line simulated and served on a free port of 127.0.0.1 for a test, with helpers to connect
 * Milo clients to it and speak in signal paths.
 */
final class ServerFixture implements AutoCloseable {

  static final String LINE = "TestCell";

  final SimulationRunner runner;
  final TwinlineServer server;
  private final List<OpcUaClient> clients = new CopyOnWriteArrayList<>();
  private final TwinlineNodeIds ids;

  private ServerFixture(SimulationRunner runner, TwinlineServer server) {
    this.runner = runner;
    this.server = server;
    this.ids = server.namespace().nodeIds();
  }

  /** The test cell (src/test/resources/test-cell.yaml). */
  static LineDefinition testCell() {
    try {
      return LineDefinitions.read(
          Path.of(ServerFixture.class.getResource("/test-cell.yaml").toURI()));
    } catch (URISyntaxException | io.twinline.line.InvalidDefinitionException e) {
      throw new IllegalStateException(e);
    }
  }

  static ServerFixture start(
      TimeMode mode, double speed, Path pki, UnaryOperator<ServerOptions> options)
      throws Exception {
    return start(testCell(), mode, speed, pki, options);
  }

  static ServerFixture start(
      LineDefinition line,
      TimeMode mode,
      double speed,
      Path pki,
      UnaryOperator<ServerOptions> options)
      throws Exception {
    return start(line, mode, speed, pki, options, runner -> { });
  }

  /** As above, with {@code beforeStart} given the runner before it starts (for lock-step). */
  static ServerFixture start(
      LineDefinition line,
      TimeMode mode,
      double speed,
      Path pki,
      UnaryOperator<ServerOptions> options,
      Consumer<SimulationRunner> beforeStart)
      throws Exception {
    SimulationRunner runner = new SimulationRunner(Plant.build(line), mode, speed);
    beforeStart.accept(runner);
    runner.start();
    try {
      TwinlineServer server =
          TwinlineServer.start(
              runner,
              options.apply(
                  ServerOptions.defaults()
                      .withPort(0)
                      .withBindAddress("127.0.0.1")
                      .withHostname("127.0.0.1")
                      .withPki(pki)));
      return new ServerFixture(runner, server);
    } catch (Exception e) {
      runner.close();
      throw e;
    }
  }

  /** A client on the None endpoint, anonymous. */
  OpcUaClient connect() throws UaException {
    return connect(SecurityPolicy.None, MessageSecurityMode.None, b -> {});
  }

  /** A client on the endpoint with this policy and mode, configured further by {@code config}. */
  OpcUaClient connect(
      SecurityPolicy policy, MessageSecurityMode mode, Consumer<OpcUaClientConfigBuilder> config)
      throws UaException {
    OpcUaClient client = create(policy, mode, config);
    try {
      client.connect();
    } catch (UaException e) {
      clients.remove(client);
      try {
        // a client whose connect failed keeps trying in the background (Milo's session state
        // machine): with a wrong password, every retry is another failed login
        client.disconnect();
      } catch (UaException | RuntimeException ignored) {
        // it had nothing to close
      }
      throw e;
    }
    if (!ids.namespaceIndex()
        .equals(client.getNamespaceTable().getIndex(TwinlineNodeIds.NAMESPACE_URI))) {
      throw new IllegalStateException("the client sees another namespace index");
    }
    return client;
  }

  /** A client not yet connected; closed with the fixture. */
  OpcUaClient create(
      SecurityPolicy policy, MessageSecurityMode mode, Consumer<OpcUaClientConfigBuilder> config)
      throws UaException {
    OpcUaClient client =
        OpcUaClient.create(
            server.endpointUrl(),
            endpoints -> select(endpoints, policy, mode),
            transport -> {},
            builder -> {
              builder.setApplicationUri("urn:twinline:test-client");
              builder.setRequestTimeout(Unsigned.uint(20_000));
              config.accept(builder);
            });
    clients.add(client);
    return client;
  }

  /** Disconnects {@code client} and lets go of it (for tests that make thousands). */
  void release(OpcUaClient client) throws UaException {
    clients.remove(client);
    client.disconnect();
  }

  private static Optional<EndpointDescription> select(
      List<EndpointDescription> endpoints, SecurityPolicy policy, MessageSecurityMode mode) {
    return endpoints.stream()
        .filter(e -> e.getSecurityPolicyUri().equals(policy.getUri()))
        .filter(e -> e.getSecurityMode() == mode)
        .findFirst();
  }

  TwinlineNodeIds ids() {
    return ids;
  }

  NodeId signal(String path) {
    return ids.signal(runner.plant().name(), SignalPath.parse(path));
  }

  NodeId simulation(String child) {
    return ids.simulation(child);
  }

  static StatusCode write(OpcUaClient client, NodeId node, Object value) throws UaException {
    return client
        .writeValues(List.of(node), List.of(DataValue.valueOnly(new Variant(value))))
        .get(0);
  }

  static DataValue read(OpcUaClient client, NodeId node) throws UaException {
    return client.readValues(0, TimestampsToReturn.Both, List.of(node)).get(0);
  }

  static DataValue read(OpcUaClient client, NodeId node, AttributeId attribute)
      throws UaException {
    return client
        .read(
            0,
            TimestampsToReturn.Both,
            List.of(
                new org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId(
                    node, attribute.uid(), null, null)))
        .getResults()[0];
  }

  /** Calls a method of {@code Objects/Twinline/Simulation}. */
  CallMethodResult call(OpcUaClient client, String method, Object... inputs) throws UaException {
    Variant[] arguments = new Variant[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      arguments[i] = new Variant(inputs[i]);
    }
    return client
        .call(
            List.of(
                new CallMethodRequest(ids.simulation(), ids.simulation(method), arguments)))
        .getResults()[0];
  }

  /** Subscribes to {@code node}'s value; every notification lands in {@code sink}. */
  static OpcUaMonitoredItem subscribe(
      OpcUaClient client,
      NodeId node,
      double publishingMillis,
      double samplingMillis,
      int queueSize,
      List<DataValue> sink)
      throws UaException {
    OpcUaSubscription subscription = new OpcUaSubscription(client, publishingMillis);
    subscription.create();
    OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(node);
    item.setSamplingInterval(samplingMillis);
    item.setQueueSize(Unsigned.uint(queueSize));
    item.setDataValueListener((i, value) -> sink.add(value));
    subscription.addMonitoredItem(item);
    subscription.synchronizeMonitoredItems();
    return item;
  }

  @Override
  public void close() {
    for (OpcUaClient client : clients) {
      try {
        client.disconnect();
      } catch (Exception e) {
        // a client the test disconnected or never connected; nothing to release
      }
    }
    server.close();
    runner.close();
  }
}
