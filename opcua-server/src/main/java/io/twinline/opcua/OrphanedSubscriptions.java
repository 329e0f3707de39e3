package io.twinline.opcua;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.items.BaseMonitoredItem;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.EventItem;
import org.eclipse.milo.opcua.sdk.server.subscriptions.Subscription;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the subscriptions of sessions that are gone once their lifetime has run out.
 *
 * <p>When a client vanishes (a PLC loses power, a cable is pulled), its session times out and,
 * as OPC UA Part 4 asks, its subscriptions stay for their lifetime so that a reconnecting client
 * can transfer them. Milo 1.0 keeps them after that, with their monitored items, for as long as
 * the server runs: a server that PLCs reconnect to all day would fill up. This sweeper removes
 * them, with their monitored items, once they have been orphaned for their lifetime
 * (publishing interval times lifetime count).
 */
final class OrphanedSubscriptions implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OrphanedSubscriptions.class);
  private static final long SWEEP_MILLIS = 1000;

  private final OpcUaServer server;
  private final Map<UInteger, Long> orphanedSince = new ConcurrentHashMap<>();
  private final ScheduledFuture<?> sweeping;

  OrphanedSubscriptions(OpcUaServer server) {
    this.server = server;
    this.sweeping =
        server
            .getScheduledExecutorService()
            .scheduleWithFixedDelay(this::sweepQuietly, SWEEP_MILLIS, SWEEP_MILLIS,
                TimeUnit.MILLISECONDS);
  }

  private void sweepQuietly() {
    try {
      sweep(System.nanoTime());
    } catch (RuntimeException e) {
      LOG.warn("sweeping orphaned subscriptions: {}", e.toString(), e);
    }
  }

  /** One sweep at {@code nowNanos}; returns how many subscriptions it deleted. */
  int sweep(long nowNanos) {
    Set<Session> sessions = new HashSet<>(server.getSessionManager().getAllSessions());
    Set<UInteger> present = new HashSet<>();
    int deleted = 0;
    for (Subscription subscription : new ArrayList<>(server.getSubscriptions().values())) {
      UInteger id = subscription.getId();
      present.add(id);
      Session session = subscription.getSession();
      if (session != null && sessions.contains(session)) {
        orphanedSince.remove(id);
        continue;
      }
      long since = orphanedSince.computeIfAbsent(id, k -> nowNanos);
      double lifetimeMillis = subscription.getPublishingInterval() * subscription.getLifetimeCount();
      if ((nowNanos - since) / 1e6 >= lifetimeMillis) {
        delete(subscription);
        orphanedSince.remove(id);
        deleted++;
      }
    }
    orphanedSince.keySet().retainAll(present);
    return deleted;
  }

  private void delete(Subscription subscription) {
    if (server.getSubscriptions().remove(subscription.getId()) == null) {
      return;
    }
    List<BaseMonitoredItem<?>> items = subscription.deleteSubscription();
    List<DataItem> dataItems = new ArrayList<>();
    List<EventItem> eventItems = new ArrayList<>();
    for (BaseMonitoredItem<?> item : items) {
      if (item instanceof DataItem dataItem) {
        dataItems.add(dataItem);
      } else if (item instanceof EventItem eventItem) {
        eventItems.add(eventItem);
      }
    }
    if (!dataItems.isEmpty()) {
      server.getAddressSpaceManager().onDataItemsDeleted(dataItems);
    }
    if (!eventItems.isEmpty()) {
      server.getAddressSpaceManager().onEventItemsDeleted(eventItems);
    }
    server.getMonitoredItemCount().addAndGet(-items.size());
    LOG.info("deleted subscription {} of a closed session ({} monitored items): its lifetime ran"
        + " out without a client taking it over", subscription.getId(), items.size());
  }

  @Override
  public void close() {
    sweeping.cancel(false);
  }
}
