package io.twinline.opcua.namespace;

import io.twinline.line.Direction;
import io.twinline.line.SignalDefinition;
import io.twinline.line.model.ComponentDefinition;
import io.twinline.line.model.LineDefinition;
import io.twinline.opcua.mapping.OpcUaTypes;
import io.twinline.sim.run.ChangeSubscriber;
import io.twinline.sim.run.SimulationRunner;
import io.twinline.sim.signal.ChangeSet;
import io.twinline.sim.signal.Signal;
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
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/**
 * The address space of one simulated line:
 * {@code Objects/Twinline/<Line>/<Component>/<Signal>}, one variable per signal with its data type;
 * inputs are read-only to clients, outputs writable.
 *
 * <p>Signal values are pushed from the simulation's change sets ({@link #onChanges}), each with
 * the simulated time of the change as its source timestamp. Monitored items on signal values are
 * fed by those pushes; items on anything else (a folder's DisplayName, say) are sampled by
 * Milo's {@link SubscriptionModel}.
 */
public final class LineNamespace extends ManagedNamespaceWithLifecycle
    implements ChangeSubscriber {

  private final SimulationRunner runner;
  private final LineDefinition line;
  private final TwinlineNodeIds nodeIds;
  private final SubscriptionModel sampledItems;
  private final SignalNode[] signalNodesById;
  private final Map<NodeId, SignalNode> signalNodes = new HashMap<>();

  public LineNamespace(OpcUaServer server, SimulationRunner runner) {
    super(server, TwinlineNodeIds.NAMESPACE_URI);
    this.runner = runner;
    this.line = runner.plant().definition();
    this.nodeIds = new TwinlineNodeIds(getNamespaceIndex());
    this.sampledItems = new SubscriptionModel(server, this);
    this.signalNodesById = new SignalNode[runner.plant().signals().size()];
    getLifecycleManager().addLifecycle(sampledItems);
    getLifecycleManager().addStartupTask(this::createNodes);
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

    UaFolderNode lineFolder = folder(nodeIds.line(line.name()), line.name(), line.description());
    root.addOrganizes(lineFolder);

    Map<String, UaFolderNode> componentFolders = new LinkedHashMap<>();
    UaFolderNode simulationFolder =
        folder(nodeIds.simulation(), TwinlineNodeIds.SIMULATION,
            "The simulation's own state: time, faults");
    root.addOrganizes(simulationFolder);
    componentFolders.put(TwinlineNodeIds.SIMULATION, simulationFolder);
    Map<String, String> descriptions = new HashMap<>();
    for (ComponentDefinition component : line.components()) {
      descriptions.put(component.name(), component.description());
    }
    List<Signal> signals = runner.plant().signals().all();
    for (Signal signal : signals) {
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
      UaVariableNode variable = variable(definition);
      folder.addOrganizes(variable);
      SignalNode signalNode = new SignalNode(definition, variable);
      signalNodesById[signal.id()] = signalNode;
      signalNodes.put(variable.getNodeId(), signalNode);
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

  private UaVariableNode variable(SignalDefinition definition) {
    String name = definition.path().signal();
    boolean writable = definition.direction() == Direction.OUTPUT;
    UaVariableNode node =
        new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
            .setNodeId(nodeIds.signal(line.name(), definition.path()))
            .setBrowseName(newQualifiedName(name))
            .setDisplayName(LocalizedText.english(name))
            .setDescription(LocalizedText.english(definition.description()))
            .setDataType(OpcUaTypes.dataType(definition.type()))
            .setValueRank(ValueRanks.Scalar)
            .setAccessLevel(writable ? AccessLevel.READ_WRITE : AccessLevel.READ_ONLY)
            .setUserAccessLevel(writable ? AccessLevel.READ_WRITE : AccessLevel.READ_ONLY)
            .setMinimumSamplingInterval(0.0)
            .setTypeDefinition(NodeIds.BaseDataVariableType)
            .build();
    node.setValue(new DataValue(StatusCode.of(StatusCodes.Bad_WaitingForInitialData)));
    if (writable) {
      node.getFilterChain().addLast(new SignalWriteFilter(definition, runner));
    }
    getNodeManager().addNode(node);
    return node;
  }

  // --- values from the simulation -----------------------------------------------------------

  /** Called on the simulation thread with every published change set. */
  @Override
  public void onChanges(ChangeSet changes) {
    DateTime serverTime = DateTime.now();
    for (int i = 0; i < changes.size(); i++) {
      Signal signal = changes.signal(i);
      SignalNode node = signalNodesById[signal.id()];
      DataValue value =
          new DataValue(
              OpcUaTypes.variant(signal.type(), changes.bits(i), changes.text(i)),
              StatusCode.GOOD,
              new DateTime(runner.instantOf(changes.time(i))),
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

  /** True for a signal node that clients may not write (an input). Any thread. */
  public boolean isReadOnlySignal(NodeId nodeId) {
    SignalNode node = signalNodes.get(nodeId);
    return node != null
        && !AccessLevel.fromValue(node.node().getAccessLevel()).contains(AccessLevel.CurrentWrite);
  }

  /** The variant currently shown for a signal (for diagnostics). */
  Variant currentValue(NodeId nodeId) {
    SignalNode node = signalNodes.get(nodeId);
    return node == null ? Variant.NULL_VALUE : node.node().getValue().value();
  }
}
