package io.twinline.opcua.namespace;

import io.twinline.sim.controller.ProgramWatch;
import io.twinline.sim.controller.WatchedVariable;
import io.twinline.sim.run.SimulationRunner;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.ValueRanks;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNodeContext;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilters;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/**
 * {@code Objects/Twinline/<Line>/PLC/<Program>/<Variable>}: the variables of the program an
 * in-process soft PLC runs, read-only. A read (or a subscription's sample) takes the value from
 * the last snapshot the simulation thread published after a scan, with the scan's simulated time
 * as its source timestamp; before the first scan it is Bad_WaitingForInitialData.
 */
final class PlcNodes {

  private final SimulationRunner runner;
  private final ProgramWatch watch;
  private final TwinlineNodeIds nodeIds;
  private final UaNodeContext context;
  private final Consumer<UaNode> add;
  private final String line;

  PlcNodes(SimulationRunner runner, ProgramWatch watch, TwinlineNodeIds nodeIds,
      UaNodeContext context, Consumer<UaNode> add, String line) {
    this.runner = runner;
    this.watch = watch;
    this.nodeIds = nodeIds;
    this.context = context;
    this.add = add;
    this.line = line;
  }

  /** Adds the nodes below {@code lineFolder}; returns the variables' NodeIds. */
  java.util.Set<NodeId> build(UaFolderNode lineFolder) {
    java.util.Set<NodeId> made = new java.util.HashSet<>();
    UaFolderNode plc = folder(nodeIds.plc(line, ""), TwinlineNodeIds.PLC,
        "The variables of the program the in-process PLC runs, as of its last scan");
    lineFolder.addOrganizes(plc);
    Map<String, UaFolderNode> owners = new HashMap<>();
    List<WatchedVariable> variables = watch.variables();
    for (int i = 0; i < variables.size(); i++) {
      WatchedVariable variable = variables.get(i);
      int slash = variable.path().indexOf('/');
      String owner = variable.path().substring(0, slash);
      String name = variable.path().substring(slash + 1);
      UaFolderNode folder = owners.computeIfAbsent(owner, o -> {
        UaFolderNode f = folder(nodeIds.plc(line, o), o, "");
        plc.addOrganizes(f);
        return f;
      });
      UaVariableNode node = variable(variable, name, i);
      folder.addOrganizes(node);
      made.add(node.getNodeId());
    }
    return java.util.Set.copyOf(made);
  }

  private UaVariableNode variable(WatchedVariable variable, String name, int index) {
    UaVariableNode node =
        new UaVariableNode.UaVariableNodeBuilder(context)
            .setNodeId(nodeIds.plc(line, variable.path()))
            .setBrowseName(new QualifiedName(nodeIds.namespaceIndex(), name))
            .setDisplayName(LocalizedText.english(name))
            .setDescription(LocalizedText.english(variable.type()))
            .setDataType(dataType(variable.kind()))
            .setValueRank(ValueRanks.Scalar)
            .setAccessLevel(AccessLevel.READ_ONLY)
            .setUserAccessLevel(AccessLevel.READ_ONLY)
            .setMinimumSamplingInterval(0.0)
            .setTypeDefinition(NodeIds.BaseDataVariableType)
            .build();
    node.getFilterChain().addLast(AttributeFilters.getValue(ctx -> value(index)));
    add.accept(node);
    return node;
  }

  private DataValue value(int index) {
    ProgramWatch.Snapshot snapshot = watch.latest();
    if (snapshot == null) {
      return new DataValue(StatusCodes.Bad_WaitingForInitialData);
    }
    return new DataValue(new Variant(snapshot.values()[index]), StatusCode.GOOD,
        new DateTime(runner.instantOf(snapshot.simTime())), DateTime.now());
  }

  private static NodeId dataType(WatchedVariable.Kind kind) {
    return switch (kind) {
      case BOOL -> NodeIds.Boolean;
      case INTEGER -> NodeIds.Int64;
      case REAL -> NodeIds.Double;
      case TEXT -> NodeIds.String;
    };
  }

  private UaFolderNode folder(NodeId nodeId, String name, String description) {
    UaFolderNode folder = new UaFolderNode(context, nodeId,
        new QualifiedName(nodeIds.namespaceIndex(), name), LocalizedText.english(name));
    if (!description.isEmpty()) {
      folder.setDescription(LocalizedText.english(description));
    }
    add.accept(folder);
    return folder;
  }
}
