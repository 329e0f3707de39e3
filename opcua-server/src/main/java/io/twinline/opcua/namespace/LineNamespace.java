package io.twinline.opcua.namespace;

import io.twinline.line.SignalDefinition;
import io.twinline.line.model.ComponentDefinition;
import io.twinline.line.model.LineDefinition;
import io.twinline.opcua.mapping.OpcUaTypes;
import io.twinline.opcua.security.Roles;
import io.twinline.sim.run.SimulationRunner;
import io.twinline.sim.signal.ChangeSet;
import io.twinline.sim.signal.Signal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.AttributeReader;
import org.eclipse.milo.opcua.sdk.server.AttributeWriter;
import org.eclipse.milo.opcua.sdk.server.Lifecycle;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.UaNodeManager;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.methods.MethodInvocationHandler;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectNode;
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
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ViewDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.WriteValue;

/**
 * The address space of one simulated line:
 *
 * <ul>
 *   <li>{@code Objects/Twinline/<Line>/<Component>/<Signal>}: one variable per signal with its
 *       data type, description, and for analog values an AnalogItemType with EURange and
 *       EngineeringUnits; inputs read-only to clients (unless forcible), outputs writable;
 *   <li>{@code Objects/Twinline/<Line>/Tags/<tag>}: the same signals under their tag aliases,
 *       NodeId {@code s=<tag>};
 *   <li>{@code Objects/Twinline/Simulation}: the simulation's state and methods;
 *   <li>{@code Objects/Twinline/<Line>/PLC/<Program>/<Variable>}: the variables of an
 *       in-process soft PLC's program, read-only ({@link PlcNodes}).
 * </ul>
 *
 * <p>The folders and the Simulation object are stored nodes; the signals' nodes are made when a
 * request asks for them ({@link LineNodeManager}), so a line of 100,000 signals costs a few
 * hundred bytes a signal, not kilobytes.
 *
 * <p>Signal values are pushed from the simulation's change sets ({@link #onChanges}), each with
 * the simulated time of the change as its source timestamp. Monitored items on signal values are
 * fed by those pushes; items on anything else are sampled by Milo's {@link SubscriptionModel}.
 */
public final class LineNamespace extends ManagedNamespaceWithLifecycle {

  /** A forced value is published with Good_LocalOverride: good, but not the plant's own. */

  private final SimulationRunner runner;
  private final LineDefinition line;
  private final TwinlineNodeIds nodeIds;
  private final RoleFilter roleFilter;
  private final SubscriptionModel sampledItems;
  private final MonitoredSignals monitoredSignals;
  private final SignalNode[] signalNodesById;
  private final LineNodeManager nodeManager;
  private final DeferredCalls deferredCalls;
  private AutoCloseable feedSubscription;
  /** The in-process PLC's variables: read-only to everyone. */
  private volatile java.util.Set<NodeId> plcVariables = java.util.Set.of();
  private SimulationNodes simulation;

  /**
   * @param deferredCalls where the namespace's methods leave the answers they give later; the
   *     server's transport settles them ({@link DeferredCalls#settle})
   */
  public LineNamespace(OpcUaServer server, SimulationRunner runner, Roles roles,
      DeferredCalls deferredCalls) {
    super(server, TwinlineNodeIds.NAMESPACE_URI);
    this.runner = runner;
    this.line = runner.plant().definition();
    this.nodeIds = new TwinlineNodeIds(getNamespaceIndex());
    this.roleFilter = new RoleFilter(roles);
    this.sampledItems = new SubscriptionModel(server, this);
    List<Signal> signals = runner.plant().signals().all();
    this.signalNodesById = new SignalNode[signals.size()];
    for (Signal signal : signals) {
      signalNodesById[signal.id()] = new SignalNode(signal.definition());
    }
    this.nodeManager =
        new LineNodeManager(nodeIds, line.name(), runner.plant().signals(), signalNodesById);
    SignalVariables variables =
        new SignalVariables(getNodeContext(), getNamespaceIndex(), roleFilter, runner);
    nodeManager.setMaker(variables::make);
    this.monitoredSignals = new MonitoredSignals(nodeManager, sampledItems, line.ioCycle());
    this.deferredCalls = deferredCalls;
    getLifecycleManager().addLifecycle(sampledItems);
    getLifecycleManager().addStartupTask(this::createNodes);
    getLifecycleManager().addLifecycle(new Lifecycle() {
      @Override
      public void startup() {
        // lossless: the simulation waits rather than a monitored item losing a change
        feedSubscription = runner.feed().lossless("twinline-publisher", LineNamespace.this::publish);
      }

      @Override
      public void shutdown() {
        try {
          if (feedSubscription != null) {
            feedSubscription.close();
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    });
  }

  public TwinlineNodeIds nodeIds() {
    return nodeIds;
  }

  /**
   * The namespace's nodes: the stored ones and the signals' made ones. (Milo's managed address
   * space creates a node manager of its own, which stays empty: every method here that finds
   * nodes asks this one.)
   */
  @Override
  public UaNodeManager getNodeManager() {
    return nodeManager;
  }

  /** Monitored items currently fed by pushes, over all signals (for diagnostics and tests). */
  public int pushedItemCount() {
    int count = 0;
    for (SignalNode node : signalNodesById) {
      count += node.itemCount();
    }
    return count;
  }

  /** The nodes this namespace stores (folders and the Simulation object; not the signals). */
  public int storedNodeCount() {
    return nodeManager.getNodes().size();
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
        new SimulationNodes(runner, nodeIds, getNodeContext(), nodeManager::addNode,
            roleFilter, deferredCalls);
    simulation.build(simulationFolder);

    UaFolderNode lineFolder = folder(nodeIds.line(line.name()), line.name(), line.description());
    root.addOrganizes(lineFolder);
    runner.programWatch().ifPresent(watch -> plcVariables = new PlcNodes(runner, watch, nodeIds,
        getNodeContext(), nodeManager::addNode, line.name()).build(lineFolder));

    // the signals of each component, in the line's order; the folders organize them
    Map<String, List<SignalNode>> byComponent = new LinkedHashMap<>();
    byComponent.put(TwinlineNodeIds.SIMULATION, new ArrayList<>());
    List<SignalNode> tagged = new ArrayList<>();
    for (SignalNode node : signalNodesById) {
      SignalDefinition definition = node.definition();
      byComponent.computeIfAbsent(definition.path().component(), c -> new ArrayList<>())
          .add(node);
      if (definition.tag().isPresent()) {
        tagged.add(node);
      }
    }
    Map<String, String> descriptions = new HashMap<>();
    for (ComponentDefinition component : line.components()) {
      descriptions.put(component.name(), component.description());
    }
    for (Map.Entry<String, List<SignalNode>> component : byComponent.entrySet()) {
      String name = component.getKey();
      NodeId folderId;
      if (name.equals(TwinlineNodeIds.SIMULATION)) {
        folderId = simulationFolder.getNodeId();
      } else {
        UaFolderNode folder = folder(nodeIds.component(line.name(), name), name,
            descriptions.getOrDefault(name, ""));
        lineFolder.addOrganizes(folder);
        folderId = folder.getNodeId();
      }
      nodeManager.addFolder(folderId, component.getValue(), false);
    }
    if (!tagged.isEmpty()) {
      UaFolderNode tagsFolder = folder(nodeIds.tags(line.name()), "Tags",
          "The signals under their tag aliases");
      lineFolder.addOrganizes(tagsFolder);
      nodeManager.addFolder(tagsFolder.getNodeId(), tagged, true);
    }
  }

  private UaFolderNode folder(NodeId nodeId, String name, String description) {
    UaFolderNode folder =
        new UaFolderNode(
            getNodeContext(), nodeId, newQualifiedName(name), LocalizedText.english(name));
    if (description != null && !description.isEmpty()) {
      folder.setDescription(LocalizedText.english(description));
    }
    nodeManager.addNode(folder);
    return folder;
  }

  // --- Milo's managed address space, on this namespace's node manager -----------------------

  @Override
  public List<ReferenceResult> browse(BrowseContext context, ViewDescription view,
      List<NodeId> nodeIds) {
    List<ReferenceResult> results = new ArrayList<>(nodeIds.size());
    for (NodeId nodeId : nodeIds) {
      results.add(nodeManager.containsNode(nodeId)
          ? ReferenceResult.of(nodeManager.getReferences(nodeId))
          : ReferenceResult.unknown());
    }
    return results;
  }

  @Override
  public ReferenceResult.ReferenceList gather(BrowseContext context, ViewDescription view,
      NodeId nodeId) {
    return ReferenceResult.of(nodeManager.getReferences(nodeId));
  }

  @Override
  public List<DataValue> read(ReadContext context, Double maxAge, TimestampsToReturn timestamps,
      List<ReadValueId> readValueIds) {
    List<DataValue> results = new ArrayList<>(readValueIds.size());
    for (ReadValueId id : readValueIds) {
      UaNode node = nodeManager.get(id.getNodeId());
      results.add(node == null
          ? new DataValue(StatusCodes.Bad_NodeIdUnknown)
          : AttributeReader.readAttribute(context, node, id.getAttributeId(), timestamps,
              id.getIndexRange(), id.getDataEncoding()));
    }
    return results;
  }

  @Override
  public List<StatusCode> write(WriteContext context, List<WriteValue> writeValues) {
    List<StatusCode> results = new ArrayList<>(writeValues.size());
    for (WriteValue value : writeValues) {
      UaNode node = nodeManager.get(value.getNodeId());
      results.add(node == null
          ? new StatusCode(StatusCodes.Bad_NodeIdUnknown)
          : AttributeWriter.writeAttribute(context, node, value.getAttributeId(),
              value.getValue(), value.getIndexRange()));
    }
    return results;
  }

  @Override
  protected MethodInvocationHandler getInvocationHandler(NodeId objectId, NodeId methodId)
      throws UaException {
    UaNode node = nodeManager.getNode(objectId)
        .orElseThrow(() -> new UaException(StatusCodes.Bad_NodeIdUnknown));
    UaMethodNode method = node instanceof UaObjectNode object
        ? object.findMethodNode(methodId) : null;
    if (method == null) {
      throw new UaException(StatusCodes.Bad_MethodInvalid);
    }
    return method.getInvocationHandler();
  }

  // --- values from the simulation -----------------------------------------------------------

  /**
   * Waits until every change published by the simulation so far is in the nodes and their items
   * (after a method stepped the simulation, say), at most {@code timeoutMillis}.
   *
   * @return false if that took longer
   */
  public boolean awaitPublished(long timeoutMillis) throws InterruptedException {
    try {
      runner.feed().published().get(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Change sets the simulation published that OPC UA has not taken yet. */
  public int publishBacklog() {
    return runner.feed().backlog();
  }

  /** Feeds one change set to the nodes and monitored items; on the publisher thread. */
  private void publish(ChangeSet changes, Instant epoch) {
    DateTime serverTime = DateTime.now();
    long epochNanos = OpcUaTypes.epochNanos(epoch);
    for (int i = 0; i < changes.size(); i++) {
      SignalNode node = signalNodesById[changes.id(i)];
      DataValue value =
          new DataValue(
              OpcUaTypes.variant(changes.definition(i).type(), changes.bits(i), changes.text(i)),
              io.twinline.opcua.mapping.SignalStatus.of(changes.quality(i), changes.forced(i)),
              OpcUaTypes.dateTime(epochNanos + changes.time(i)),
              serverTime);
      node.publish(value);
    }
  }

  // --- monitored items: values of signals pushed, the rest sampled (MonitoredSignals) -------

  @Override
  public RevisedDataItemParameters onCreateDataItem(ReadValueId item, Double samplingInterval,
      UInteger queueSize) {
    return new RevisedDataItemParameters(samplingInterval,
        monitoredSignals.revisedQueueSize(item, queueSize));
  }

  @Override
  public RevisedDataItemParameters onModifyDataItem(ReadValueId item, Double samplingInterval,
      UInteger queueSize) {
    return new RevisedDataItemParameters(samplingInterval,
        monitoredSignals.revisedQueueSize(item, queueSize));
  }

  @Override
  public void onDataItemsCreated(List<DataItem> items) {
    monitoredSignals.created(items);
  }

  @Override
  public void onDataItemsModified(List<DataItem> items) {
    monitoredSignals.modified(items);
  }

  @Override
  public void onDataItemsDeleted(List<DataItem> items) {
    monitoredSignals.deleted(items);
  }

  @Override
  public void onMonitoringModeChanged(List<MonitoredItem> items) {
    monitoredSignals.monitoringModeChanged(items);
  }

  /**
   * True for a signal node that clients may not write at all (an input), or a variable of the
   * in-process PLC's program. Any thread.
   */
  public boolean isReadOnlySignal(NodeId nodeId) {
    if (plcVariables.contains(nodeId)) {
      return true;
    }
    LineNodeManager.SignalNodeId id = nodeManager.resolve(nodeId);
    return id != null && id.isVariable() && !id.signal().definition().clientWritable();
  }
}
