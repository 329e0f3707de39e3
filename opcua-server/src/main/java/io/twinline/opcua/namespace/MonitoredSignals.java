package io.twinline.opcua.namespace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;

/**
 * The monitored items of a line's namespace. An item on a signal's value is fed by the signal's
 * {@link SignalNode}, which pushes every change the simulation publishes into it; an item on
 * anything else (the Simulation variables, other attributes) is sampled by Milo's {@link
 * SubscriptionModel}. Called on Milo's threads.
 */
final class MonitoredSignals {

  /** How much a queued item on a signal holds at least: a second's worth of I/O cycles. */
  private static final long QUEUE_SPAN_NANOS = 1_000_000_000L;

  /** Milo's largest queue. */
  private static final long MAX_QUEUE = 0xFFFF;

  private final LineNodeManager nodes;
  private final SubscriptionModel sampled;
  private final long leastQueue;

  MonitoredSignals(LineNodeManager nodes, SubscriptionModel sampled, Duration ioCycle) {
    this.nodes = nodes;
    this.sampled = sampled;
    long cycle = Math.max(1, ioCycle.toNanos());
    this.leastQueue = Math.min(MAX_QUEUE, (QUEUE_SPAN_NANOS + cycle - 1) / cycle);
  }

  /**
   * A client that asks for a queue (more than 1) on a signal's value gets one that holds at
   * least a second of I/O cycles. After a stall of the machine (a GC pause, a core taken by
   * someone else) the simulation runs the cycles it owes back to back; a queue of a few
   * publishing intervals would overflow and lose changes the client asked to see. A client that
   * asks for 0 or 1 (the latest value) keeps that; the revised size is in the response, as OPC UA
   * provides.
   */
  UInteger revisedQueueSize(ReadValueId item, UInteger requested) {
    if (requested == null || requested.longValue() <= 1 || requested.longValue() >= leastQueue
        || !AttributeId.Value.isEqual(item.getAttributeId())) {
      return requested;
    }
    LineNodeManager.SignalNodeId id = nodes.resolve(item.getNodeId());
    return id != null && id.isVariable() ? UInteger.valueOf(leastQueue) : requested;
  }

  void created(List<DataItem> items) {
    split(items, SignalNode::addItem, sampled::onDataItemsCreated);
  }

  void modified(List<DataItem> items) {
    split(items, (node, item) -> { }, sampled::onDataItemsModified);
  }

  void deleted(List<DataItem> items) {
    split(items, SignalNode::removeItem, sampled::onDataItemsDeleted);
  }

  /** An item switched back to reporting gets the value it missed meanwhile. */
  void monitoringModeChanged(List<MonitoredItem> items) {
    split(items, (node, item) -> {
      if (item instanceof DataItem dataItem) {
        node.sendCurrentValue(dataItem);
      }
    }, sampled::onMonitoringModeChanged);
  }

  /** Gives each item on a signal's value to {@code pushed}, the rest at once to {@code others}. */
  private <T extends MonitoredItem> void split(List<T> items, BiConsumer<SignalNode, T> pushed,
      Consumer<List<T>> others) {
    List<T> rest = new ArrayList<>();
    for (T item : items) {
      Optional<SignalNode> node = signalOf(item);
      if (node.isPresent()) {
        pushed.accept(node.get(), item);
      } else {
        rest.add(item);
      }
    }
    if (!rest.isEmpty()) {
      others.accept(rest);
    }
  }

  /** The signal whose value the item watches, if it watches one. */
  private Optional<SignalNode> signalOf(MonitoredItem item) {
    if (!AttributeId.Value.isEqual(item.getReadValueId().getAttributeId())) {
      return Optional.empty();
    }
    LineNodeManager.SignalNodeId id = nodes.resolve(item.getReadValueId().getNodeId());
    return id != null && id.isVariable() ? Optional.of(id.signal()) : Optional.empty();
  }
}
