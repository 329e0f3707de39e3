package io.twinline.opcua.namespace;

import io.twinline.line.SignalDefinition;
import java.util.Arrays;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;

/**
 * The variable node of one signal and the monitored items that watch its value.
 *
 * <p>Values are pushed, not sampled: every change the simulation publishes goes to the node and
 * straight into each item's queue, so a change is never missed between two samples and a pulse
 * shorter than the sampling interval survives when the client asked for a queue.
 *
 * <p>Publishing and registering an item both hold the node's monitor, so a new item's first value
 * can never be older than a change pushed to it.
 */
final class SignalNode {

  private static final DataItem[] NO_ITEMS = new DataItem[0];

  private final SignalDefinition definition;
  private final UaVariableNode node;
  private volatile DataItem[] items = NO_ITEMS;

  SignalNode(SignalDefinition definition, UaVariableNode node) {
    this.definition = definition;
    this.node = node;
  }

  SignalDefinition definition() {
    return definition;
  }

  UaVariableNode node() {
    return node;
  }

  void publish(DataValue value) {
    synchronized (node) {
      node.setValue(value);
      for (DataItem item : items) {
        if (item.isSamplingEnabled()) {
          item.setValue(value);
        }
      }
    }
  }

  void addItem(DataItem item) {
    synchronized (node) {
      DataItem[] grown = Arrays.copyOf(items, items.length + 1);
      grown[items.length] = item;
      items = grown;
      sendCurrentValue(item);
    }
  }

  void removeItem(DataItem item) {
    synchronized (node) {
      DataItem[] current = items;
      for (int i = 0; i < current.length; i++) {
        if (current[i] == item) {
          DataItem[] shrunk = new DataItem[current.length - 1];
          System.arraycopy(current, 0, shrunk, 0, i);
          System.arraycopy(current, i + 1, shrunk, i, current.length - i - 1);
          items = shrunk;
          return;
        }
      }
    }
  }

  /** Gives an item the value it has missed, e.g. when its monitoring is switched back on. */
  void sendCurrentValue(DataItem item) {
    synchronized (node) {
      if (item.isSamplingEnabled()) {
        item.setValue(node.getValue());
      }
    }
  }

  int itemCount() {
    return items.length;
  }
}
