package io.twinline.opcua.namespace;

import io.twinline.line.SignalPath;
import io.twinline.sim.signal.Signal;
import io.twinline.sim.signal.SignalRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.UaNodeManager;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * The nodes of a line's namespace. Folders and the Simulation object are stored, as Milo stores
 * nodes; the variables of the signals, their tag aliases and their analog properties are not:
 * they are made from the signal's definition when a request asks for one, and forgotten after it.
 * Stored, a line of 100,000 signals kept 145,000 Milo nodes and 590,000 references, 2.5 KB a
 * signal, to say what the line file already says.
 *
 * <p>A made node is a function of its NodeId and the signal's definition, so it is the same node
 * every time; its Value comes from the signal's {@link SignalNode}, which is kept. References to
 * and from the made nodes are made the same way: a component's folder organizes its signals, the
 * Tags folder the aliases, a variable has its type definition and, if analog, its EURange and
 * EngineeringUnits properties.
 *
 * <p>Any thread: what is kept never changes after {@link #addFolder}, which the namespace calls
 * while it starts.
 */
final class LineNodeManager extends UaNodeManager {

  private static final ExpandedNodeId BASE_DATA_VARIABLE_TYPE =
      NodeIds.BaseDataVariableType.expanded();
  private static final ExpandedNodeId ANALOG_ITEM_TYPE = NodeIds.AnalogItemType.expanded();
  private static final ExpandedNodeId PROPERTY_TYPE = NodeIds.PropertyType.expanded();

  /**
   * A node of a signal that a NodeId names: the signal's own variable, its tag alias ({@code
   * alias}), or an analog property of either ({@code property} names it).
   *
   * @param parent the folder that organizes the variable, or the variable that has the property
   */
  record SignalNodeId(
      SignalNode signal, NodeId nodeId, String name, NodeId parent, boolean alias,
      String property) {

    boolean isVariable() {
      return property == null;
    }
  }

  /** The signals a folder organizes: their own variables, or their tag aliases. */
  private record Folder(List<SignalNode> signals, boolean aliases) {}

  private final TwinlineNodeIds nodeIds;
  private final String line;
  private final SignalRegistry signals;
  private final SignalNode[] signalNodes;
  private final Map<NodeId, Folder> folders = new HashMap<>();
  private Function<SignalNodeId, UaNode> maker;

  /**
   * @param signalNodes every signal's node, by signal id
   */
  LineNodeManager(TwinlineNodeIds nodeIds, String line, SignalRegistry signals,
      SignalNode[] signalNodes) {
    this.nodeIds = nodeIds;
    this.line = line;
    this.signals = signals;
    this.signalNodes = signalNodes;
  }

  /** How a signal's node is made; set once, before the namespace serves. */
  void setMaker(Function<SignalNodeId, UaNode> maker) {
    this.maker = maker;
  }

  /** Makes the stored folder {@code folder} organize these signals (or their tag aliases). */
  void addFolder(NodeId folder, List<SignalNode> organized, boolean aliases) {
    folders.put(folder, new Folder(List.copyOf(organized), aliases));
  }

  /** The signal's node {@code nodeId} names, or null if it names none. */
  SignalNodeId resolve(NodeId nodeId) {
    String identifier = nodeIds.identifier(nodeId);
    if (identifier == null) {
      return null;
    }
    SignalNodeId variable = variable(nodeId, identifier);
    if (variable != null) {
      return variable;
    }
    String owner = TwinlineNodeIds.propertyOwner(identifier);
    if (owner == null) {
      return null;
    }
    NodeId ownerId = new NodeId(nodeIds.namespaceIndex(), owner);
    SignalNodeId of = variable(ownerId, owner);
    if (of == null || of.signal().definition().analog().isEmpty()) {
      return null;
    }
    String property = identifier.substring(owner.length() + 1);
    return new SignalNodeId(of.signal(), nodeId, property, ownerId, of.alias(), property);
  }

  private SignalNodeId variable(NodeId nodeId, String identifier) {
    SignalPath path = nodeIds.signalPath(line, identifier);
    if (path != null) {
      Optional<Signal> signal = signals.find(path);
      if (signal.isEmpty()) {
        return null;
      }
      NodeId folder = path.component().equals(TwinlineNodeIds.SIMULATION)
          ? nodeIds.simulation() : nodeIds.component(line, path.component());
      return new SignalNodeId(signalNodes[signal.get().id()], nodeId, path.signal(), folder,
          false, null);
    }
    if (identifier.indexOf('/') >= 0) {
      return null;
    }
    return signals.tagged(identifier)
        .map(signal -> new SignalNodeId(signalNodes[signal.id()], nodeId, identifier,
            nodeIds.tags(line), true, null))
        .orElse(null);
  }

  // --- the NodeManager, with the made nodes ---------------------------------------------------

  @Override
  public boolean containsNode(NodeId nodeId) {
    return super.containsNode(nodeId) || resolve(nodeId) != null;
  }

  @Override
  public Optional<UaNode> getNode(NodeId nodeId) {
    Optional<UaNode> stored = super.getNode(nodeId);
    if (stored.isPresent()) {
      return stored;
    }
    SignalNodeId made = resolve(nodeId);
    return made == null ? Optional.empty() : Optional.of(maker.apply(made));
  }

  @Override
  public List<Reference> getReferences(NodeId nodeId) {
    List<Reference> stored = super.getReferences(nodeId);
    List<Reference> made = madeReferences(nodeId);
    if (made.isEmpty()) {
      return stored;
    }
    if (stored.isEmpty()) {
      return made;
    }
    List<Reference> all = new ArrayList<>(stored.size() + made.size());
    all.addAll(stored);
    all.addAll(made);
    return all;
  }

  @Override
  public List<Reference> getReferences(NodeId nodeId, Predicate<Reference> filter) {
    List<Reference> all = getReferences(nodeId);
    List<Reference> kept = new ArrayList<>(all.size());
    for (Reference reference : all) {
      if (filter.test(reference)) {
        kept.add(reference);
      }
    }
    return kept;
  }

  private List<Reference> madeReferences(NodeId nodeId) {
    Folder folder = folders.get(nodeId);
    if (folder != null) {
      List<Reference> organizes = new ArrayList<>(folder.signals().size());
      for (SignalNode signal : folder.signals()) {
        NodeId target = folder.aliases()
            ? nodeIds.tag(signal.definition().tag().orElseThrow())
            : nodeIds.signal(line, signal.definition().path());
        organizes.add(new Reference(nodeId, NodeIds.Organizes, target.expanded(), true));
      }
      return organizes;
    }
    SignalNodeId node = resolve(nodeId);
    if (node == null) {
      return List.of();
    }
    if (!node.isVariable()) {
      return List.of(
          new Reference(nodeId, NodeIds.HasTypeDefinition, PROPERTY_TYPE, true),
          new Reference(nodeId, NodeIds.HasProperty, node.parent().expanded(), false));
    }
    boolean analog = node.signal().definition().analog().isPresent();
    List<Reference> references = new ArrayList<>(analog ? 4 : 2);
    references.add(new Reference(nodeId, NodeIds.HasTypeDefinition,
        analog ? ANALOG_ITEM_TYPE : BASE_DATA_VARIABLE_TYPE, true));
    references.add(new Reference(nodeId, NodeIds.Organizes, node.parent().expanded(), false));
    if (analog) {
      for (String property : TwinlineNodeIds.ANALOG_PROPERTIES) {
        references.add(new Reference(nodeId, NodeIds.HasProperty,
            nodeIds.property(nodeId, property).expanded(), true));
      }
    }
    return references;
  }
}
