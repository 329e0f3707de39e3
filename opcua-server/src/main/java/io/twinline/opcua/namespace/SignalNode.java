package io.twinline.opcua.namespace;

import io.twinline.line.SignalDefinition;
import java.util.Arrays;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilter;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilterContext;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;

/**
 * One signal as OPC UA sees it: its current value and the monitored items that watch it. The
 * variable nodes that show it (the signal's own and its tag alias) are made when a request needs
 * them ({@link LineNodeManager}) and read their Value from here: this object is their first
 * attribute filter.
 *
 * <p>Values are pushed, not sampled: every change the simulation publishes goes to the nodes and
 * straight into each item's queue, so a change is never missed between two samples and a pulse
 * shorter than the sampling interval survives when the client asked for a queue.
 *
 * <p>Changes arrive on the publisher thread ({@link ChangePublisher}). Publishing and registering an item both hold this object's monitor, so a new item's first
 * value can never be older than a change pushed to it.
 */
final class SignalNode implements AttributeFilter {

  /** A signal's value until the simulation publishes its first. */
  static final DataValue WAITING =
      new DataValue(StatusCode.of(StatusCodes.Bad_WaitingForInitialData));

  private static final DataItem[] NO_ITEMS = new DataItem[0];

  private final SignalDefinition definition;
  private volatile DataItem[] items = NO_ITEMS;
  private volatile DataValue value = WAITING;

  SignalNode(SignalDefinition definition) {
    this.definition = definition;
  }

  /**
   * The nodes' Value attribute is this object's value: a change is stored once, here, not set on
   * every node through Milo's attribute machinery (which cost more than the items it feeds).
   */
  @Override
  public Object getAttribute(AttributeFilterContext ctx, AttributeId attributeId) {
    return attributeId == AttributeId.Value ? value : ctx.getAttribute(attributeId);
  }

  /** Passes a client's write on as a write (the default would make it a plain set). */
  @Override
  public void writeAttribute(AttributeFilterContext ctx, AttributeId attributeId, Object value)
      throws UaException {
    ctx.writeAttribute(attributeId, value);
  }

  SignalDefinition definition() {
    return definition;
  }

  synchronized void publish(DataValue newValue) {
    value = newValue;
    for (DataItem item : items) {
      if (item.isSamplingEnabled()) {
        item.setValue(newValue);
      }
    }
  }

  synchronized void addItem(DataItem item) {
    DataItem[] grown = Arrays.copyOf(items, items.length + 1);
    grown[items.length] = item;
    items = grown;
    sendCurrentValue(item);
  }

  synchronized void removeItem(DataItem item) {
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

  /** Gives an item the value it has missed, e.g. when its monitoring is switched back on. */
  synchronized void sendCurrentValue(DataItem item) {
    if (item.isSamplingEnabled()) {
      item.setValue(value);
    }
  }

  int itemCount() {
    return items.length;
  }
}
