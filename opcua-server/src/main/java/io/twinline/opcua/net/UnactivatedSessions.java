package io.twinline.opcua.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.UaRequestMessageType;
import org.eclipse.milo.opcua.stack.core.types.UaResponseMessageType;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.structured.ActivateSessionRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CloseSessionRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CreateSessionRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CreateSessionResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.RequestHeader;
import org.eclipse.milo.opcua.stack.transport.server.ServerApplicationContext;
import org.eclipse.milo.opcua.stack.transport.server.ServiceRequestContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions that were created but not yet activated: at most {@link
 * ConnectionLimits#maxUnactivatedSessions()} of them, each closed when it is not activated within
 * {@link ConnectionLimits#loginDeadline()}.
 *
 * <p>Milo counts a created session against {@code maxSessions} as if it were in use and keeps it
 * for its whole session timeout (up to two minutes), so a hundred CreateSession requests that are
 * never activated lock every client out, even one that logs in properly. Here, created sessions
 * have a pool of their own: when it is full, a new CreateSession closes the oldest unactivated
 * session of the address that holds the most (a flood evicts itself, not the client that logs in
 * between its requests); and only activated sessions count against {@code maxSessions}.
 *
 * <p>A session is closed as its client would close it: with a CloseSession request on the
 * connection it was created on, handed to Milo directly (no answer goes to the client).
 */
final class UnactivatedSessions {

  private static final Logger LOG = LoggerFactory.getLogger(UnactivatedSessions.class);

  /** A created session (or one whose CreateSession Milo is still working on: no token yet). */
  private static final class Pending {
    final long order;
    final InetAddress peer;
    final ServiceRequestContext context;
    NodeId token;
    int activating;
    boolean expired;
    ScheduledFuture<?> expiry;

    Pending(long order, InetAddress peer, ServiceRequestContext context) {
      this.order = order;
      this.peer = peer;
      this.context = context;
    }
  }

  private final ConnectionLimits limits;
  private final int maxSessions;
  private final IntSupplier sessionCount;
  private final Map<Long, Pending> pending = new LinkedHashMap<>();
  private final Map<NodeId, Pending> byToken = new HashMap<>();
  private long nextOrder;
  private final AtomicLong closed = new AtomicLong();

  /**
   * @param maxSessions activated sessions allowed
   * @param sessionCount Milo's count of sessions, created and activated
   */
  UnactivatedSessions(ConnectionLimits limits, int maxSessions, IntSupplier sessionCount) {
    this.limits = limits;
    this.maxSessions = maxSessions;
    this.sessionCount = sessionCount;
  }

  /** Hands {@code request} to {@code server}, keeping count of the sessions it creates. */
  CompletableFuture<UaResponseMessageType> handle(
      ServerApplicationContext server,
      ServiceRequestContext context,
      UaRequestMessageType request) {
    if (request instanceof CreateSessionRequest) {
      return create(server, context, request);
    }
    if (request instanceof ActivateSessionRequest) {
      return activate(server, context, request);
    }
    return server.handleServiceRequest(context, request);
  }

  private CompletableFuture<UaResponseMessageType> create(
      ServerApplicationContext server,
      ServiceRequestContext context,
      UaRequestMessageType request) {
    Pending entry;
    Pending evicted = null;
    synchronized (this) {
      if (sessionCount.getAsInt() - byToken.size() >= maxSessions) {
        return CompletableFuture.failedFuture(new UaException(StatusCodes.Bad_TooManySessions));
      }
      if (pending.size() >= limits.maxUnactivatedSessions()) {
        evicted = evictable().orElse(null);
        if (evicted == null) {
          return CompletableFuture.failedFuture(new UaException(StatusCodes.Bad_TooManySessions));
        }
        forget(evicted);
      }
      entry = new Pending(nextOrder++, context.clientAddress(), context);
      pending.put(entry.order, entry);
    }
    if (evicted != null) {
      LOG.debug("closing an unactivated session of {}: {} sessions are waiting to be activated",
          evicted.peer.getHostAddress(), limits.maxUnactivatedSessions());
      close(server, evicted);
    }
    return server
        .handleServiceRequest(context, request)
        .whenComplete((response, failure) -> created(server, entry, response));
  }

  private void created(
      ServerApplicationContext server, Pending entry, UaResponseMessageType response) {
    synchronized (this) {
      if (!(response instanceof CreateSessionResponse created)
          || !response.getResponseHeader().getServiceResult().isGood()) {
        pending.remove(entry.order);
        return;
      }
      entry.token = created.getAuthenticationToken();
      byToken.put(entry.token, entry);
      entry.expiry = entry.context.getChannel().eventLoop().schedule(
          () -> expire(server, entry), limits.loginDeadline().toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  private void expire(ServerApplicationContext server, Pending entry) {
    synchronized (this) {
      if (!pending.containsKey(entry.order) || pending.get(entry.order) != entry) {
        return;
      }
      if (entry.activating > 0) {
        entry.expired = true;
        return;
      }
      forget(entry);
    }
    LOG.debug("closing a session of {}: not activated within {} ms",
        entry.peer.getHostAddress(), limits.loginDeadline().toMillis());
    close(server, entry);
  }

  private CompletableFuture<UaResponseMessageType> activate(
      ServerApplicationContext server,
      ServiceRequestContext context,
      UaRequestMessageType request) {
    NodeId token = request.getRequestHeader().getAuthenticationToken();
    Pending entry;
    synchronized (this) {
      entry = byToken.get(token);
      if (entry != null) {
        entry.activating++;
      }
    }
    return server
        .handleServiceRequest(context, request)
        .whenComplete((response, failure) -> activated(server, context, entry, response));
  }

  private void activated(
      ServerApplicationContext server,
      ServiceRequestContext context,
      Pending entry,
      UaResponseMessageType response) {
    boolean good = response != null && response.getResponseHeader().getServiceResult().isGood();
    if (good) {
      context.getChannel().attr(ConnectionLimiter.LOGGED_IN).set(true);
    }
    if (entry == null) {
      return;
    }
    boolean closeNow;
    synchronized (this) {
      entry.activating--;
      if (pending.get(entry.order) != entry) {
        return;
      }
      closeNow = !good && entry.expired && entry.activating == 0;
      if (good || closeNow) {
        forget(entry);
      }
    }
    if (closeNow) {
      close(server, entry);
    }
  }

  /** The oldest created, not activating session of the address with the most of them. */
  private Optional<Pending> evictable() {
    Map<InetAddress, Integer> perPeer = new HashMap<>();
    List<Pending> candidates = new ArrayList<>();
    for (Pending p : pending.values()) {
      perPeer.merge(p.peer, 1, Integer::sum);
      if (p.token != null && p.activating == 0) {
        candidates.add(p);
      }
    }
    return candidates.stream()
        .min(Comparator.<Pending>comparingInt(p -> -perPeer.get(p.peer))
            .thenComparingLong(p -> p.order));
  }

  private void forget(Pending entry) {
    pending.remove(entry.order);
    if (entry.token != null) {
      byToken.remove(entry.token);
    }
    if (entry.expiry != null) {
      entry.expiry.cancel(false); // so that the entry and its connection are not held till then
    }
  }

  private void close(ServerApplicationContext server, Pending entry) {
    closed.incrementAndGet();
    RequestHeader header =
        new RequestHeader(entry.token, DateTime.now(), UInteger.MIN, UInteger.MIN, null,
            UInteger.valueOf(10_000), null);
    server
        .handleServiceRequest(entry.context, new CloseSessionRequest(header, true))
        .whenComplete((response, failure) -> {
          if (failure != null) {
            // the client closed it first, or it was activated meanwhile on another channel
            LOG.debug("closing an unactivated session: {}", failure.toString());
          }
        });
  }

  /** Sessions created but not yet activated (or still being created) now. */
  synchronized int count() {
    return pending.size();
  }

  /** Unactivated sessions this closed, since the server started. */
  long closed() {
    return closed.get();
  }
}
