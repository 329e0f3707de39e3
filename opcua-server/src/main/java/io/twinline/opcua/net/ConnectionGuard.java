package io.twinline.opcua.net;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.stack.core.types.UaRequestMessageType;
import org.eclipse.milo.opcua.stack.core.types.UaResponseMessageType;
import org.eclipse.milo.opcua.stack.transport.server.OpcServerTransport;
import io.twinline.opcua.ForwardingApplicationContext;
import org.eclipse.milo.opcua.stack.transport.server.ServerApplicationContext;
import org.eclipse.milo.opcua.stack.transport.server.ServiceRequestContext;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * What keeps clients that never log in from using up the server: caps on connections (total and
 * per address), a deadline to log in for every connection, and a pool of its own for sessions
 * that are created but not yet activated. See {@link ConnectionLimiter} and {@link
 * UnactivatedSessions}; the promises are listed in docs/security.md.
 *
 * <p>Use: make the server's transports with {@link #transport}, then {@link #watch} the server.
 */
public final class ConnectionGuard {

  private final ConnectionLimiter limiter;
  private final ConnectionLimits limits;
  private final int maxSessions;
  private volatile OpcUaServer server;
  private final UnactivatedSessions unactivated;

  /** @param maxSessions activated sessions allowed (unactivated ones have their own pool) */
  public ConnectionGuard(ConnectionLimits limits, int maxSessions) {
    this.limits = limits;
    this.maxSessions = maxSessions;
    this.limiter = new ConnectionLimiter(limits);
    this.unactivated = new UnactivatedSessions(limits, maxSessions, this::sessionCount);
  }

  /**
   * A TCP transport with the guard in front: {@code decorate} gets Milo's transport (configured
   * to give every connection's pipeline to {@code customizer}, then to put the {@link
   * ConnectionLimiter} first, before anything else) and may wrap it.
   */
  public OpcServerTransport transport(java.util.function.Consumer<io.netty.channel.ChannelPipeline>
      customizer, Function<OpcServerTransport, OpcServerTransport> decorate) {
    OpcTcpServerTransportConfig config =
        OpcTcpServerTransportConfig.newBuilder()
            .setChannelPipelineCustomizer(pipeline -> {
              customizer.accept(pipeline);
              pipeline.addFirst(limiter);
            })
            .build();
    OpcServerTransport inner = decorate.apply(new OpcTcpServerTransport(config));
    return new OpcServerTransport() {
      @Override
      public void bind(ServerApplicationContext application, InetSocketAddress address)
          throws Exception {
        inner.bind(new Guarded(application, unactivated), address);
      }

      @Override
      public void unbind() throws Exception {
        inner.unbind();
      }
    };
  }

  /** The server whose sessions are counted; call before it starts. */
  public void watch(OpcUaServer watched) {
    this.server = watched;
  }

  /**
   * The {@code maxSessions} to give Milo, which counts unactivated sessions too: the activated
   * ones allowed plus the pool of unactivated ones.
   */
  public int miloMaxSessions() {
    return maxSessions + limits.maxUnactivatedSessions();
  }

  private int sessionCount() {
    OpcUaServer watched = server;
    return watched == null ? 0 : watched.getSessionManager().getCurrentSessionCount().intValue();
  }

  /** TCP connections open now. */
  public int openConnections() {
    return limiter.open();
  }

  /** Connections refused because a limit was reached, since the server started. */
  public long refusedConnections() {
    return limiter.refused();
  }

  /** Connections closed because no session was activated on them in time. */
  public long timedOutConnections() {
    return limiter.timedOut();
  }

  /** Sessions created but not activated now. */
  public int unactivatedSessions() {
    return unactivated.count();
  }

  /** Unactivated sessions closed (evicted or expired), since the server started. */
  public long closedUnactivatedSessions() {
    return unactivated.closed();
  }

  private record Guarded(ServerApplicationContext server, UnactivatedSessions unactivated)
      implements ForwardingApplicationContext {

    @Override
    public CompletableFuture<UaResponseMessageType> handleServiceRequest(
        ServiceRequestContext context, UaRequestMessageType request) {
      return unactivated.handle(server, context, request);
    }
  }
}
