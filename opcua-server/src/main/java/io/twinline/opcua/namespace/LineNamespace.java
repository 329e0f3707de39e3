package io.twinline.opcua.namespace;

import io.twinline.line.Analog;
import io.twinline.line.SignalDefinition;
import io.twinline.line.model.ComponentDefinition;
import io.twinline.line.model.LineDefinition;
import io.twinline.opcua.mapping.OpcUaTypes;
import io.twinline.opcua.security.Roles;
import io.twinline.sim.run.ChangeSubscriber;
import io.twinline.sim.run.SimulationRunner;
import io.twinline.sim.signal.ChangeSet;
import io.twinline.sim.signal.Signal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.core.ValueRanks;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.model.variables.AnalogItemTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.structured.Range;
import org.eclipse.milo.opcua.sdk.server.model.variables.PropertyTypeNode;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;

/**
 * The address space of one simulated line:
 *
 * <ul>
 *   <li>{@code Objects/Twinline/<Line>/<Component>/<Signal>}: one variable per signal with its
 *       data type, description, and for analog values an AnalogItemType with EURange and
 *       EngineeringUnits; inputs read-only to clients (unless forcible), outputs writable;
 *   <li>{@code Objects/Twinline/<Line>/Tags/<tag>}: the same signals under their tag aliases,
 *       NodeId {@code s=<tag>};
 *   <li>{@code Objects/Twinline/Simulation}: the simulation's state and methods.
 * </ul>
 *
 * <p>Signal values are pushed from the simulation's change sets ({@link #onChanges}), each with
 * the simulated time of the change as its source timestamp. Monitored items on signal values are
 * fed by those pushes; items on anything else are sampled by Milo's {@link SubscriptionModel}.
 */
public final class LineNamespace extends ManagedNamespaceWithLifecycle
    implements ChangeSubscriber {

  private static final UByte READ_ONLY = AccessLevel.toValue(AccessLevel.READ_ONLY);
  private static final UByte READ_WRITE = AccessLevel.toValue(AccessLevel.READ_WRITE);
  private static final DataValue WAITING =
      new DataValue(StatusCode.of(StatusCodes.Bad_WaitingForInitialData));

  private final SimulationRunner runner;
  private final LineDefinition line;
  private final TwinlineNodeIds nodeIds;
  private final RoleFilter roleFilter;
  private final SubscriptionModel sampledItems;
  private final SignalNode[] signalNodesById;
  private final ChangePublisher publisher;
  private final Map<NodeId, SignalNode> signalNodes = new HashMap<>();
  private SimulationNodes simulation;

  public LineNamespace(OpcUaServer server, SimulationRunner runner, Roles roles) {
    super(server, TwinlineNodeIds.NAMESPACE_URI);
    this.runner = runner;
    this.line = runner.plant().definition();
    this.nodeIds = new TwinlineNodeIds(getNamespaceIndex());
    this.roleFilter = new RoleFilter(roles);
    this.sampledItems = new SubscriptionModel(server, this);
    this.signalNodesById = new SignalNode[runner.plant().signals().size()];
    this.publisher = new ChangePublisher("twinline-publisher", this::publish);
    getLifecycleManager().addLifecycle(sampledItems);
    getLifecycleManager().addStartupTask(this::createNodes);
    getLifecycleManager().addLifecycle(new org.eclipse.milo.opcua.sdk.server.Lifecycle() {
      @Override
      public void startup() {
        publisher.start();
      }

      @Override
      public void shutdown() {
        publisher.close();
      }
    });
    getLifecycleManager().addStartupTask(() -> runner.subscribe(this));
  }

  public TwinlineNodeIds nodeIds() {
    return nodeIds;
  }

  /** Monitored items currently fed by pushes, over all signals (for diagnostics and tests). */
  public int pushedItemCount() {
    int count = 0;
    for (SignalNode node : signalNodesById) {
      count += node == null ? 0 : node.itemCount();
    }
    return count;
  }

  private void createNodes() {
    UaFolderNode root = folder(nodeIds.root(), TwinlineNodeIds.ROOT, "Simulated lines");
    root.addReference(
        new Reference(root.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(), false));

    UaFolderNode simulationFolder =
        folder(nodeIds.simulation(), TwinlineNodeIds.SIMULATION,
            "The simulation's own state and methods");
    root.addOrganizes(simulationFolder);
    simulation =
        new SimulationNodes(runner, nodeIds, getNodeContext(), getNodeManager()::addNode,
            roleFilter, publisher);
    simulation.build(simulationFolder);

    UaFolderNode lineFolder = folder(nodeIds.line(line.name()), line.name(), line.description());
    root.addOrganizes(lineFolder);
    UaFolderNode tagsFolder = null;

    Map<String, UaFolderNode> componentFolders = new LinkedHashMap<>();
    componentFolders.put(TwinlineNodeIds.SIMULATION, simulationFolder);
    Map<String, String> descriptions = new HashMap<>();
    for (ComponentDefinition component : line.components()) {
      descriptions.put(component.name(), component.description());
    }
    for (Signal signal : runner.plant().signals().all()) {
      SignalDefinition definition = signal.definition();
      String component = definition.path().component();
      UaFolderNode folder =
          componentFolders.computeIfAbsent(
              component,
              name -> {
                UaFolderNode f =
                    folder(
                        nodeIds.component(line.name(), name),
                        name,
                        descriptions.getOrDefault(name, ""));
                lineFolder.addOrganizes(f);
                return f;
              });
      List<UaVariableNode> nodes = new ArrayList<>();
      UaVariableNode variable =
          variable(definition, nodeIds.signal(line.name(), definition.path()),
              definition.path().signal());
      folder.addOrganizes(variable);
      nodes.add(variable);
      if (definition.tag().isPresent()) {
        if (tagsFolder == null) {
          tagsFolder = folder(nodeIds.tags(line.name()), "Tags",
              "The signals under their tag aliases");
          lineFolder.addOrganizes(tagsFolder);
        }
        UaVariableNode alias =
            variable(definition, nodeIds.tag(definition.tag().get()), definition.tag().get());
        tagsFolder.addOrganizes(alias);
        nodes.add(alias);
      }
      SignalNode signalNode = new SignalNode(definition, nodes);
      for (UaVariableNode node : nodes) {
        // first in the chain: reads take the value from the signal node, whoever asks
        node.getFilterChain().addFirst(signalNode);
      }
      signalNodesById[signal.id()] = signalNode;
      for (UaVariableNode node : nodes) {
        signalNodes.put(node.getNodeId(), signalNode);
      }
    }
  }

  private UaFolderNode folder(NodeId nodeId, String name, String description) {
    UaFolderNode folder =
        new UaFolderNode(
            getNodeContext(), nodeId, newQualifiedName(name), LocalizedText.english(name));
    if (description != null && !description.isEmpty()) {
      folder.setDescription(LocalizedText.english(description));
    }
    getNodeManager().addNode(folder);
    return folder;
  }

  private UaVariableNode variable(SignalDefinition definition, NodeId nodeId, String name) {
    boolean writable = definition.clientWritable();
    UByte access = writable ? READ_WRITE : READ_ONLY;
    QualifiedName browseName = newQualifiedName(name);
    LocalizedText displayName = LocalizedText.english(name);
    LocalizedText description = LocalizedText.english(definition.description());
    NodeId dataType = OpcUaTypes.dataType(definition.type());
    UaVariableNode node;
    if (definition.analog().isPresent()) {
      node = new AnalogItemTypeNode(getNodeContext(), nodeId, browseName, displayName,
          description, UInteger.MIN, UInteger.MIN, null, null, null, WAITING, dataType,
          ValueRanks.Scalar, null, access, access, 0.0, false, null);
      node.addReference(new Reference(nodeId, NodeIds.HasTypeDefinition,
          NodeIds.AnalogItemType.expanded(), true));
      getNodeManager().addNode(node);
      Analog analog = definition.analog().get();
      property(node, "EURange", NodeIds.Range, new Range(analog.min(), analog.max()));
      property(node, "EngineeringUnits", NodeIds.EUInformation,
          EngineeringUnits.of(analog.unit()));
    } else {
      node = new UaVariableNode(getNodeContext(), nodeId, browseName, displayName, description,
          UInteger.MIN, UInteger.MIN, null, null, null, WAITING, dataType, ValueRanks.Scalar,
          null, access, access, 0.0, false, null);
      node.addReference(new Reference(nodeId, NodeIds.HasTypeDefinition,
          NodeIds.BaseDataVariableType.expanded(), true));
      getNodeManager().addNode(node);
    }
    node.getFilterChain().addLast(roleFilter);
    if (writable) {
      node.getFilterChain().addLast(new SignalWriteFilter(definition, runner));
    }
    return node;
  }

  /**
   * A property of an analog item (EURange, EngineeringUnits), built directly: Milo's node factory
   * would look the type's instance declarations up for every one of tens of thousands of nodes.
   */
  private void property(UaVariableNode owner, String name, NodeId dataType, Object value) {
    NodeId id = new NodeId(owner.getNodeId().getNamespaceIndex(),
        owner.getNodeId().getIdentifier() + "." + name);
    PropertyTypeNode property = new PropertyTypeNode(getNodeContext(), id,
        new QualifiedName(0, name), LocalizedText.english(name), LocalizedText.NULL_VALUE,
        UInteger.MIN, UInteger.MIN, null, null, null, new DataValue(new Variant(value)), dataType,
        ValueRanks.Scalar, null, READ_ONLY, READ_ONLY, 0.0, false, null);
    property.addReference(new Reference(id, NodeIds.HasTypeDefinition,
        NodeIds.PropertyType.expanded(), true));
    getNodeManager().addNode(property);
    owner.addReference(new Reference(owner.getNodeId(), NodeIds.HasProperty, id.expanded(),
        true));
  }

  // --- values from the simulation -----------------------------------------------------------

  /**
   * Called on the simulation thread with every publication: queues it for the publisher thread.
   */
  @Override
  public void onChanges(ChangeSet changes) {
    publisher.offer(changes, runner.epoch());
  }

  /**
   * Waits until every change published by the simulation so far is in the nodes and their items
   * (after a method stepped the simulation, say), at most {@code timeoutMillis}.
   *
   * @return false if that took longer
   */
  public boolean awaitPublished(long timeoutMillis) throws InterruptedException {
    return publisher.awaitPublished(timeoutMillis);
  }

  /** Change sets the simulation published that OPC UA has not taken yet. */
  public int publishBacklog() {
    return publisher.backlog();
  }

  /** Feeds one change set to the nodes and monitored items; on the publisher thread. */
  private void publish(ChangeSet changes, Instant epoch) {
    DateTime serverTime = DateTime.now();
    for (int i = 0; i < changes.size(); i++) {
      Signal signal = changes.signal(i);
      SignalNode node = signalNodesById[signal.id()];
      DataValue value =
          new DataValue(
              OpcUaTypes.variant(signal.type(), changes.bits(i), changes.text(i)),
              StatusCode.GOOD,
              new DateTime(epoch.plusNanos(changes.time(i))),
              serverTime);
      node.publish(value);
    }
  }

  // --- monitored items ----------------------------------------------------------------------

  private Optional<SignalNode> pushed(MonitoredItem item) {
    if (!AttributeId.Value.isEqual(item.getReadValueId().getAttributeId())) {
      return Optional.empty();
    }
    return Optional.ofNullable(signalNodes.get(item.getReadValueId().getNodeId()));
  }

  @Override
  public void onDataItemsCreated(List<DataItem> items) {
    List<DataItem> sampled = new ArrayList<>();
    for (DataItem item : items) {
      Optional<SignalNode> node = pushed(item);
      if (node.isPresent()) {
        node.get().addItem(item);
      } else {
        sampled.add(item);
      }
    }
    if (!sampled.isEmpty()) {
      sampledItems.onDataItemsCreated(sampled);
    }
  }

  @Override
  public void onDataItemsModified(List<DataItem> items) {
    List<DataItem> sampled = items.stream().filter(i -> pushed(i).isEmpty()).toList();
    if (!sampled.isEmpty()) {
      sampledItems.onDataItemsModified(sampled);
    }
  }

  @Override
  public void onDataItemsDeleted(List<DataItem> items) {
    List<DataItem> sampled = new ArrayList<>();
    for (DataItem item : items) {
      Optional<SignalNode> node = pushed(item);
      if (node.isPresent()) {
        node.get().removeItem(item);
      } else {
        sampled.add(item);
      }
    }
    if (!sampled.isEmpty()) {
      sampledItems.onDataItemsDeleted(sampled);
    }
  }

  @Override
  public void onMonitoringModeChanged(List<MonitoredItem> items) {
    List<MonitoredItem> sampled = new ArrayList<>();
    for (MonitoredItem item : items) {
      Optional<SignalNode> node = pushed(item);
      if (node.isPresent() && item instanceof DataItem dataItem) {
        node.get().sendCurrentValue(dataItem);
      } else {
        sampled.add(item);
      }
    }
    if (!sampled.isEmpty()) {
      sampledItems.onMonitoringModeChanged(sampled);
    }
  }

  /** True for a signal node that clients may not write at all (an input). Any thread. */
  public boolean isReadOnlySignal(NodeId nodeId) {
    SignalNode node = signalNodes.get(nodeId);
    return node != null && !node.definition().clientWritable();
  }
}
