package io.twinline.opcua.namespace;

import io.twinline.line.SignalPath;
import java.util.List;
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
 *   <li>{@code ns=<twinline>;s=<Line>/PLC/<Program>/<Variable>} a variable of the program an
 *       in-process soft PLC runs ({@code <Line>/PLC} and {@code <Line>/PLC/<Program>} its folders)
 *   <li>{@code ns=<twinline>;s=<signal>.EURange}, {@code .EngineeringUnits} the properties of an
 *       analog signal (or of its tag alias)
 * </ul>
 *
 * <p>Signal NodeIds are also read back here ({@link #signalPath}, {@link #propertyOwner}): the
 * address space makes a signal's nodes when they are asked for, from the NodeId alone.
 */
public final class TwinlineNodeIds {

  /** The namespace URI of every node Twinline adds. */
  public static final String NAMESPACE_URI = "urn:twinline";

  public static final String ROOT = "Twinline";

  /** The name of the simulation's own object, and a name no line may take. */
  public static final String SIMULATION = "Simulation";

  /** The folder of the in-process PLC's watched variables, below the line's. */
  public static final String PLC = "PLC";

  /** The properties of an analog variable (an AnalogItemType). */
  public static final String EU_RANGE = "EURange";

  public static final String ENGINEERING_UNITS = "EngineeringUnits";

  static final List<String> ANALOG_PROPERTIES = List.of(EU_RANGE,
      ENGINEERING_UNITS);

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
  /** The folder of the in-process PLC's variables, or one below it ({@code path} "Main"). */
  public NodeId plc(String line, String path) {
    return new NodeId(namespaceIndex, line + "/" + PLC + (path.isEmpty() ? "" : "/" + path));
  }

  public NodeId tags(String line) {
    return new NodeId(namespaceIndex, line + "/Tags");
  }

  /** A signal under its tag alias: {@code s=<tag>}. */
  public NodeId tag(String tag) {
    return new NodeId(namespaceIndex, tag);
  }

  /** A property of an analog variable: {@code <owner>.<name>}, e.g. {@code ...Level.EURange}. */
  public NodeId property(NodeId owner, String name) {
    return new NodeId(namespaceIndex, owner.getIdentifier() + "." + name);
  }

  /** The string identifier of a NodeId of this namespace, or null for any other NodeId. */
  public String identifier(NodeId nodeId) {
    return namespaceIndex.equals(nodeId.getNamespaceIndex())
        && nodeId.getIdentifier() instanceof String text ? text : null;
  }

  /**
   * The signal path a signal's identifier names: {@code <Line>/<Component>/<Signal>}, or {@code
   * Simulation/<Signal>} for the simulation's own signals; null if the identifier has another
   * form (a tag, a folder, a property). Whether the line has that signal is the caller's question.
   */
  public SignalPath signalPath(String line, String identifier) {
    String rest;
    if (identifier.startsWith(SIMULATION + "/")) {
      rest = identifier;
    } else if (identifier.length() > line.length() + 1 && identifier.startsWith(line)
        && identifier.charAt(line.length()) == '/') {
      rest = identifier.substring(line.length() + 1);
      if (rest.startsWith(SIMULATION + "/")) {
        return null; // the simulation's signals are not under the line
      }
    } else {
      return null;
    }
    int slash = rest.indexOf('/');
    if (slash <= 0 || slash != rest.lastIndexOf('/')) {
      return null;
    }
    String component = rest.substring(0, slash);
    String signal = rest.substring(slash + 1);
    return SignalPath.isName(component) && SignalPath.isName(signal)
        ? new SignalPath(component, signal) : null;
  }

  /**
   * The identifier of the variable whose analog property {@code identifier} names ({@code
   * <owner>.EURange} or {@code <owner>.EngineeringUnits}), or null if it names none.
   */
  public static String propertyOwner(String identifier) {
    int dot = identifier.lastIndexOf('.');
    return dot > 0 && ANALOG_PROPERTIES.contains(identifier.substring(dot + 1))
        ? identifier.substring(0, dot) : null;
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
