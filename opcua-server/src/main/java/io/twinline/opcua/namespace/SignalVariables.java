package io.twinline.opcua.namespace;

import io.twinline.line.Analog;
import io.twinline.line.SignalDefinition;
import io.twinline.opcua.mapping.OpcUaTypes;
import io.twinline.opcua.namespace.LineNodeManager.SignalNodeId;
import io.twinline.sim.run.SimulationRunner;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.ValueRanks;
import org.eclipse.milo.opcua.sdk.server.model.variables.AnalogItemTypeNode;
import org.eclipse.milo.opcua.sdk.server.model.variables.PropertyTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNodeContext;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;
import org.eclipse.milo.opcua.stack.core.types.structured.Range;

/**
 * Makes the nodes of a signal that a request asks for ({@link LineNodeManager}): the variable, with
 * its data type and description, an AnalogItemType for analog values; read-only to clients for
 * inputs (unless forcible), writable for outputs; and the analog properties EURange and
 * EngineeringUnits. The nodes are not stored and add no references: the node manager makes those.
 *
 * <p>A variable's attribute filters, in order: its {@link SignalNode} (the Value), the {@link
 * RoleFilter} (the user's access), and for writable signals a {@link SignalWriteFilter} that turns
 * a write into a command for the simulation.
 */
final class SignalVariables {

  private static final UByte READ_ONLY = AccessLevel.toValue(AccessLevel.READ_ONLY);
  private static final UByte READ_WRITE = AccessLevel.toValue(AccessLevel.READ_WRITE);
  private static final Double SAMPLING_AS_FAST_AS_POSSIBLE = 0.0;

  private final UaNodeContext context;
  private final UShort namespaceIndex;
  private final RoleFilter roleFilter;
  private final SimulationRunner runner;

  SignalVariables(UaNodeContext context, UShort namespaceIndex, RoleFilter roleFilter,
      SimulationRunner runner) {
    this.context = context;
    this.namespaceIndex = namespaceIndex;
    this.roleFilter = roleFilter;
    this.runner = runner;
  }

  /** The node {@code id} names, made afresh. Any thread. */
  UaNode make(SignalNodeId id) {
    return id.isVariable() ? variable(id) : property(id);
  }

  private UaVariableNode variable(SignalNodeId id) {
    SignalDefinition definition = id.signal().definition();
    boolean writable = definition.clientWritable();
    UByte access = writable ? READ_WRITE : READ_ONLY;
    QualifiedName browseName = new QualifiedName(namespaceIndex, id.name());
    LocalizedText displayName = LocalizedText.english(id.name());
    LocalizedText description = LocalizedText.english(definition.description());
    NodeId dataType = OpcUaTypes.dataType(definition.type());
    // the value given here is never read: the signal node, first in the chain, answers
    UaVariableNode node = definition.analog().isPresent()
        ? new AnalogItemTypeNode(context, id.nodeId(), browseName, displayName, description,
            UInteger.MIN, UInteger.MIN, null, null, null, SignalNode.WAITING, dataType,
            ValueRanks.Scalar, null, access, access, SAMPLING_AS_FAST_AS_POSSIBLE, false, null)
        : new UaVariableNode(context, id.nodeId(), browseName, displayName, description,
            UInteger.MIN, UInteger.MIN, null, null, null, SignalNode.WAITING, dataType,
            ValueRanks.Scalar, null, access, access, SAMPLING_AS_FAST_AS_POSSIBLE, false, null);
    node.getFilterChain().addFirst(id.signal());
    node.getFilterChain().addLast(roleFilter);
    if (writable) {
      node.getFilterChain().addLast(new SignalWriteFilter(definition, runner));
    }
    return node;
  }

  private PropertyTypeNode property(SignalNodeId id) {
    Analog analog = id.signal().definition().analog().orElseThrow();
    boolean range = TwinlineNodeIds.EU_RANGE.equals(id.property());
    Object value = range
        ? new Range(analog.min(), analog.max()) : EngineeringUnits.of(analog.unit());
    return new PropertyTypeNode(context, id.nodeId(), new QualifiedName(0, id.property()),
        LocalizedText.english(id.property()), LocalizedText.NULL_VALUE, UInteger.MIN,
        UInteger.MIN, null, null, null, new DataValue(new Variant(value)),
        range ? NodeIds.Range : NodeIds.EUInformation, ValueRanks.Scalar, null, READ_ONLY,
        READ_ONLY, SAMPLING_AS_FAST_AS_POSSIBLE, false, null);
  }
}
