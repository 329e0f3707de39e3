package io.twinline.opcua.namespace;

import io.twinline.line.SignalPath;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;

/**
 * The one place where Twinline's NodeIds are made. They are strings, stable across restarts and
 * predictable from the line file:
 *
 * <ul>
 *   <li>{@code ns=<twinline>;s=Twinline} the root folder below Objects
 *   <li>{@code ns=<twinline>;s=<Line>} a line
 *   <li>{@code ns=<twinline>;s=<Line>/<Component>} a component's folder
 *   <li>{@code ns=<twinline>;s=<Line>/<Component>/<Signal>} a signal
 *   <li>{@code ns=<twinline>;s=<tag>} a signal under its tag alias
 *   <li>{@code ns=<twinline>;s=Simulation/<Name>} the simulation's own nodes
 * </ul>
 */
public final class TwinlineNodeIds {

  /** The namespace URI of every node Twinline adds. */
  public static final String NAMESPACE_URI = "urn:twinline";

  public static final String ROOT = "Twinline";

  /** The name of the simulation's own object, and a name no line may take. */
  public static final String SIMULATION = "Simulation";

  private final UShort namespaceIndex;

  public TwinlineNodeIds(UShort namespaceIndex) {
    this.namespaceIndex = namespaceIndex;
  }

  public UShort namespaceIndex() {
    return namespaceIndex;
  }

  public NodeId root() {
    return new NodeId(namespaceIndex, ROOT);
  }

  public NodeId line(String line) {
    return new NodeId(namespaceIndex, line);
  }

  public NodeId component(String line, String component) {
    return new NodeId(namespaceIndex, line + "/" + component);
  }

  public NodeId signal(String line, SignalPath path) {
    if (path.component().equals(SIMULATION)) {
      return new NodeId(namespaceIndex, SIMULATION + "/" + path.signal());
    }
    return new NodeId(namespaceIndex, line + "/" + path.component() + "/" + path.signal());
  }

  /** The folder of a line's tag aliases. */
  public NodeId tags(String line) {
    return new NodeId(namespaceIndex, line + "/Tags");
  }

  /** A signal under its tag alias: {@code s=<tag>}. */
  public NodeId tag(String tag) {
    return new NodeId(namespaceIndex, tag);
  }

  /** {@code Objects/Twinline/Simulation}: the simulation's own state and methods. */
  public NodeId simulation() {
    return new NodeId(namespaceIndex, SIMULATION);
  }

  /** A node of the Simulation object, e.g. {@code Simulation/SimTime}. */
  public NodeId simulation(String child) {
    return new NodeId(namespaceIndex, SIMULATION + "/" + child);
  }
}
