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
 * </ul>
 */
public final class TwinlineNodeIds {

  /** The namespace URI of every node Twinline adds. */
  public static final String NAMESPACE_URI = "urn:twinline";

  public static final String ROOT = "Twinline";

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
    return new NodeId(namespaceIndex, line + "/" + path.component() + "/" + path.signal());
  }
}
