package io.twinline.bench;

import java.util.List;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;

/**
 * An OPC UA server under measurement: Twinline serving a generated line, or a peer with the same
 * number of plain variables. Each has counters that change every period (a load), and an
 * actuator whose write a sensor follows (a reaction to time).
 */
interface ServerTarget extends AutoCloseable {

  String name();

  String endpointUrl();

  String namespaceUri();

  /**
   * The nodes a client monitors, as NodeIds in namespace {@code ns}: the changing counters
   * first, then the rest (counters or other values that stay still).
   */
  List<NodeId> counters(UShort ns);

  /** How many of the counters change every period. */
  int changing();

  /** Changes the target made so far (offered load). */
  long changesMade();

  /** The Boolean actuator a client writes. */
  NodeId actuator(UShort ns);

  /** The sensor that follows the actuator (Boolean or a counter). */
  NodeId sensor(UShort ns);

  /** Starts changing the counters, {@code changing()} of them every period. */
  void startLoad();

  void stopLoad();

  /**
   * Tells {@code published} the moment ({@link System#nanoTime()}) the server publishes each
   * change of the sensor, if its plant runs in this JVM.
   *
   * @return whether it will
   */
  default boolean watchSensor(java.util.function.LongConsumer published) {
    return false;
  }

  /** The measurement begins (after a warm-up): forget what was recorded so far. */
  default void measuring() {}

  @Override
  void close() throws Exception;
}
