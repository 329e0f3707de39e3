package io.twinline.bench;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.twinline.opcua.security.Pki;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfigLimits;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilter;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilterContext;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * The floor: a bare Eclipse Milo 1.0 server with the same number of plain Int32 variables, the
 * way a Milo server is usually written (nodes hold their values; Milo's {@link SubscriptionModel}
 * samples monitored items), the same limits as Twinline, a scheduled task counting up the
 * changing ones every period, and an actuator whose write bumps a sensor at once.
 */
final class BareMiloTarget implements ServerTarget {

  static final String NAMESPACE_URI = "urn:bare-milo";

  private final OpcUaServer server;
  private final Namespace namespace;
  private final String endpointUrl;
  private final int changing;
  private final long periodNanos;
  private final AtomicLong changes = new AtomicLong();
  private final ScheduledExecutorService loader =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "bare-milo-load"));
  private ScheduledFuture<?> load;

  BareMiloTarget(int variables, double fraction, long periodNanos, Path pkiFolder)
      throws Exception {
    this.changing = (int) Math.round(variables * fraction);
    this.periodNanos = periodNanos;
    int port;
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      port = socket.getLocalPort();
    }
    Pki pki = Pki.open(pkiFolder, "urn:twinline:bench:bare-milo", Set.of("127.0.0.1"), true);
    EndpointConfig endpoint = EndpointConfig.newBuilder()
        .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
        .setBindAddress("127.0.0.1")
        .setBindPort(port)
        .setHostname("127.0.0.1")
        .setPath("/milo")
        .setCertificate(pki.certificate())
        .setSecurityPolicy(SecurityPolicy.None)
        .setSecurityMode(MessageSecurityMode.None)
        .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS)
        .build();
    OpcUaServerConfig config = OpcUaServerConfig.builder()
        .setApplicationUri("urn:twinline:bench:bare-milo")
        .setApplicationName(LocalizedText.english("bare Milo"))
        .setProductUri("urn:twinline:bench")
        .setCertificateManager(pki.certificateManager())
        .setIdentityValidator(AnonymousIdentityValidator.INSTANCE)
        .setEndpoints(Set.of(endpoint))
        .setLimits(new OpcUaServerConfigLimits() {
          @Override
          public UInteger getMaxMonitoredItemsPerSession() {
            return uint(250_000);
          }

          @Override
          public UInteger getMaxNodesPerRead() {
            return uint(10_000);
          }

          @Override
          public Double getMinPublishingInterval() {
            return 1.0;
          }

          @Override
          public Double getMinSupportedSampleRate() {
            return 0.0;
          }
        })
        .build();
    server = new OpcUaServer(config,
        profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
    namespace = new Namespace(server, variables);
    namespace.startup();
    server.startup().get(60, TimeUnit.SECONDS);
    endpointUrl = "opc.tcp://127.0.0.1:" + port + "/milo";
  }

  /** The variables V0..V(n-1), Actuator and Sensor, sampled by Milo's subscription model. */
  private static final class Namespace extends ManagedNamespaceWithLifecycle {
    private final SubscriptionModel model;
    private final UaVariableNode[] variables;
    private final int[] values;
    private UaVariableNode sensor;
    private int sensorValue;

    Namespace(OpcUaServer server, int count) {
      super(server, NAMESPACE_URI);
      this.model = new SubscriptionModel(server, this);
      this.variables = new UaVariableNode[count];
      this.values = new int[count];
      getLifecycleManager().addLifecycle(model);
      getLifecycleManager().addStartupTask(this::build);
    }

    private void build() {
      UaFolderNode folder = new UaFolderNode(getNodeContext(), newNodeId("Peer"),
          newQualifiedName("Peer"), LocalizedText.english("Peer"));
      getNodeManager().addNode(folder);
      folder.addReference(new Reference(folder.getNodeId(), NodeIds.Organizes,
          NodeIds.ObjectsFolder.expanded(), false));
      for (int i = 0; i < variables.length; i++) {
        variables[i] = variable(folder, "V" + i, NodeIds.Int32, new Variant(0), false);
      }
      sensor = variable(folder, "Sensor", NodeIds.Int32, new Variant(0), false);
      UaVariableNode actuator =
          variable(folder, "Actuator", NodeIds.Boolean, new Variant(false), true);
      actuator.getFilterChain().addLast(new AttributeFilter() {
        @Override
        public void writeAttribute(AttributeFilterContext ctx, AttributeId id, Object value)
            throws org.eclipse.milo.opcua.stack.core.UaException {
          ctx.writeAttribute(id, value);
          if (id == AttributeId.Value) {
            synchronized (Namespace.this) {
              sensor.setValue(new DataValue(new Variant(++sensorValue)));
            }
          }
        }
      });
    }

    private UaVariableNode variable(
        UaFolderNode folder, String name, NodeId type, Variant value, boolean writable) {
      var access = AccessLevel.toValue(writable ? AccessLevel.READ_WRITE : AccessLevel.READ_ONLY);
      UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
          .setNodeId(newNodeId(name))
          .setBrowseName(newQualifiedName(name))
          .setDisplayName(LocalizedText.english(name))
          .setDataType(type)
          .setTypeDefinition(NodeIds.BaseDataVariableType)
          .setAccessLevel(access)
          .setUserAccessLevel(access)
          .setMinimumSamplingInterval(0.0)
          .build();
      node.setValue(new DataValue(value));
      getNodeManager().addNode(node);
      folder.addOrganizes(node);
      return node;
    }

    void tick(int changing) {
      DateTime now = DateTime.now();
      for (int i = 0; i < changing; i++) {
        variables[i].setValue(
            new DataValue(new Variant(++values[i]), StatusCode.GOOD, now, now));
      }
    }

    @Override
    public void onDataItemsCreated(List<DataItem> items) {
      model.onDataItemsCreated(items);
    }

    @Override
    public void onDataItemsModified(List<DataItem> items) {
      model.onDataItemsModified(items);
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> items) {
      model.onDataItemsDeleted(items);
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> items) {
      model.onMonitoringModeChanged(items);
    }
  }

  @Override
  public String name() {
    return "bare Milo";
  }

  @Override
  public String endpointUrl() {
    return endpointUrl;
  }

  @Override
  public String namespaceUri() {
    return NAMESPACE_URI;
  }

  @Override
  public List<NodeId> counters(UShort ns) {
    List<NodeId> ids = new ArrayList<>();
    for (int i = 0; i < namespace.variables.length; i++) {
      ids.add(new NodeId(ns, "V" + i));
    }
    return ids;
  }

  @Override
  public int changing() {
    return changing;
  }

  @Override
  public long changesMade() {
    return changes.get();
  }

  @Override
  public NodeId actuator(UShort ns) {
    return new NodeId(ns, "Actuator");
  }

  @Override
  public NodeId sensor(UShort ns) {
    return new NodeId(ns, "Sensor");
  }

  @Override
  public void startLoad() {
    load = loader.scheduleAtFixedRate(() -> {
      namespace.tick(changing);
      changes.addAndGet(changing);
    }, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void stopLoad() {
    if (load != null) {
      load.cancel(false);
    }
  }

  @Override
  public void close() throws Exception {
    stopLoad();
    loader.shutdownNow();
    namespace.shutdown();
    server.shutdown().get(10, TimeUnit.SECONDS);
  }
}
