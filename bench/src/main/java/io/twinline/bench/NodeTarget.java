package io.twinline.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;

/** The node-opcua peer ({@link NodeOpcUaPeer}) as a benchmark target; it changes from the start. */
final class NodeTarget implements ServerTarget {

  private final NodeOpcUaPeer peer;
  private final int variables;
  private final int changing;

  NodeTarget(Path nodeDir, int variables, double fraction, int periodMs) throws Exception {
    this.peer = NodeOpcUaPeer.start(nodeDir, 0, variables, fraction, periodMs);
    this.variables = variables;
    this.changing = (int) Math.round(variables * fraction);
  }

  @Override
  public String name() {
    return "node-opcua";
  }

  @Override
  public String endpointUrl() {
    return peer.endpointUrl();
  }

  @Override
  public String namespaceUri() {
    return peer.namespaceUri();
  }

  @Override
  public List<NodeId> counters(UShort ns) {
    List<NodeId> ids = new ArrayList<>(variables);
    for (int i = 0; i < variables; i++) {
      ids.add(new NodeId(ns, "V" + i));
    }
    return ids;
  }

  @Override
  public int changing() {
    return changing;
  }

  /** Not known in Java; the client counts the changes from the counters' values. */
  @Override
  public long changesMade() {
    return -1;
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
    // the peer counts from its start
  }

  @Override
  public void stopLoad() {
    // the peer stops with its process
  }

  @Override
  public void close() {
    peer.close();
  }
}
