package io.twinline.coupling.plc;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.apache.plc4x.java.api.PlcConnection;
import org.apache.plc4x.java.spi.connection.DefaultNettyPlcConnection;
import org.apache.plc4x.java.spi.events.CloseConnectionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a PLC4X connection release its threads however it ends.
 *
 * <p>Why this exists: in PLC4X 0.13.1, {@code DefaultNettyPlcConnection.close()} sends the close
 * event to the protocol and closes the pipeline only if the channel is still open. When the PLC
 * closed the connection first (a restart, a dropped link) both are skipped, and by then Netty has
 * emptied the dead channel's pipeline, so the Modbus protocol's {@code RequestTransactionManager}
 * (a pool of 4 threads, "plc4x-tm-thread-N") and the wrapper's {@code HashedWheelTimer} (one
 * "pool-N-thread-1") live on: five threads for every reconnect ({@code PlcLinkTest} counted 100
 * after 20 reconnects). A small handler at the head of the pipeline, put there right after the
 * connection opens, does both while the handlers are still there, as the channel goes inactive.
 */
final class ConnectionCloser {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionCloser.class);

  private ConnectionCloser() {}

  /** Call right after the connection is open. */
  static void guard(PlcConnection connection) {
    if (connection instanceof DefaultNettyPlcConnection netty && netty.getChannel() != null) {
      Channel channel = netty.getChannel();
      channel.pipeline().addFirst("twinline-release-on-inactive",
          new ChannelInboundHandlerAdapter() {
            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
              // the protocol shuts its transaction manager down on this event ...
              ctx.pipeline().fireUserEventTriggered(new CloseConnectionEvent());
              // ... and the wrapper stops its timer when the pipeline is closed (a closed
              // channel ignores the close itself)
              ctx.pipeline().close();
              ctx.fireChannelInactive();
            }
          });
    }
  }

  static void close(PlcConnection connection) {
    try {
      connection.close();
    } catch (Exception e) {
      LOG.debug("closing the PLC connection: {}", e.toString());
    }
  }
}
