package io.twinline.opcua.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first handler of every server connection: closes a connection at once when the server
 * already holds {@link ConnectionLimits#maxConnections()} connections, or the client's address
 * holds {@link ConnectionLimits#maxConnectionsPerAddress()}, and closes a connection that has no
 * activated session within {@link ConnectionLimits#loginDeadline()}.
 *
 * <p>Milo closes a connection that sends no HELLO within 10 s, but after a HELLO (or an
 * OpenSecureChannel) it waits for ever, and its own connection limits leave loopback alone: one
 * peer could hold every file descriptor of the process. Refusals are logged once, then at most
 * once a minute with how many there were, so a flood does not also fill the log.
 */
@ChannelHandler.Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimiter.class);
  private static final long LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

  /** Set on a connection once a session was activated on it. */
  static final AttributeKey<Boolean> LOGGED_IN = AttributeKey.valueOf("twinline.loggedIn");

  private final ConnectionLimits limits;
  private final Map<InetAddress, Integer> perAddress = new HashMap<>();
  private int open;
  private long refusedSinceLog;
  private long lastLogNanos;
  private boolean loggedOnce;
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong timedOut = new AtomicLong();

  ConnectionLimiter(ConnectionLimits limits) {
    this.limits = limits;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    Channel channel = ctx.channel();
    InetAddress address = ((InetSocketAddress) channel.remoteAddress()).getAddress();
    if (!admit(address)) {
      refused.incrementAndGet();
      channel.close();
      return;
    }
    long deadline = limits.loginDeadline().toNanos();
    ScheduledFuture<?> check =
        ctx.executor().schedule(() -> closeIfNotLoggedIn(channel), deadline, TimeUnit.NANOSECONDS);
    // cancelled on close, so that a closed connection is not held until its deadline
    channel.closeFuture().addListener(f -> {
      check.cancel(false);
      release(address);
    });
    super.channelActive(ctx);
  }

  private void closeIfNotLoggedIn(Channel channel) {
    if (channel.isOpen() && !Boolean.TRUE.equals(channel.attr(LOGGED_IN).get())) {
      timedOut.incrementAndGet();
      LOG.debug("closing {}: no session activated within {} ms", channel.remoteAddress(),
          limits.loginDeadline().toMillis());
      channel.close();
    }
  }

  private synchronized boolean admit(InetAddress address) {
    int fromAddress = perAddress.getOrDefault(address, 0);
    if (open >= limits.maxConnections() || fromAddress >= limits.maxConnectionsPerAddress()) {
      refusedSinceLog++;
      long now = System.nanoTime();
      if (!loggedOnce || now - lastLogNanos >= LOG_EVERY_NANOS) {
        LOG.warn("refusing OPC UA connections: {} open (limit {}), {} from {} (limit {});"
                + " {} refused since the last such line, the next line comes in a minute at the"
                + " earliest",
            open, limits.maxConnections(), fromAddress, address.getHostAddress(),
            limits.maxConnectionsPerAddress(), refusedSinceLog);
        loggedOnce = true;
        lastLogNanos = now;
        refusedSinceLog = 0;
      }
      return false;
    }
    open++;
    perAddress.put(address, fromAddress + 1);
    return true;
  }

  private synchronized void release(InetAddress address) {
    open--;
    perAddress.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
  }

  /** Connections open now. */
  synchronized int open() {
    return open;
  }

  /** Connections closed at once because a limit was reached, since the server started. */
  long refused() {
    return refused.get();
  }

  /** Connections closed because no session was activated in time, since the server started. */
  long timedOut() {
    return timedOut.get();
  }
}
