package io.twinline.opcua;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.LongSupplier;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.channel.messages.ErrorMessage;
import org.eclipse.milo.opcua.stack.core.channel.messages.HelloMessage;
import org.eclipse.milo.opcua.stack.core.channel.messages.TcpMessageDecoder;
import org.eclipse.milo.opcua.stack.core.channel.messages.TcpMessageEncoder;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the server turns a connection away: one plain line in the log, a plain reason to the peer.
 *
 * <p>Milo logs every connection it refuses at ERROR with a stack trace (a PLC dialing a wrong URL
 * once a second, or a fuzzer, fills the disk) and sends the text of Java exceptions back as the
 * reason of its ERR message. A handler at the socket end of every connection's pipeline
 * <ul>
 *   <li>refuses a Hello for an endpoint URL that is not served, naming the URLs that are;
 *   <li>replaces the reason of every ERR message Milo sends with the status code's description;
 *   <li>counts a close by Milo during the handshake without an ERR (an OpenSecureChannel it could
 *       not decode) as a refusal too;
 *   <li>logs one WARN line per refused connection, at most one per peer address and 10 s, with
 *       the number of refusals left out since the last line.
 * </ul>
 * Milo's own handshake loggers are switched off in {@code twinline-opcua-logging.xml}. Only
 * connections that never got a secure channel, or lost it to an ERR, are concerned: a client's
 * service errors are answered with status codes as before.
 */
final class ConnectionRefusals {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionRefusals.class);

  private static final Duration WINDOW = Duration.ofSeconds(10);

  /** Milo's limit for a Hello message (UascServerHelloHandler). */
  private static final int MAX_HELLO_SIZE = 8 + 20 + 4 + 4096;

  private static final int HEADER_SIZE = 8;
  private static final int MAX_URL_ECHO = 200;

  private final List<String> servedPaths;
  private final PeerLogLimit limit;

  /**
   * @param servedPaths every path a session can be created at, as {@link EndpointUtil#getPath}
   *     gives them ({@code /} for the bare URL), the configured one first
   */
  ConnectionRefusals(List<String> servedPaths, LongSupplier nanoClock) {
    this.servedPaths = List.copyOf(servedPaths);
    this.limit = new PeerLogLimit(WINDOW, nanoClock);
  }

  /** Puts the handler at the socket end of a new connection's pipeline. */
  void install(ChannelPipeline pipeline) {
    pipeline.addFirst("twinline-refusals", new Gate());
  }

  private void log(SocketAddress remote, String what) {
    OptionalInt leftOut =
        remote instanceof InetSocketAddress address && address.getAddress() != null
            ? limit.admit(address.getAddress())
            : OptionalInt.of(0);
    if (leftOut.isPresent()) {
      String more =
          leftOut.getAsInt() == 0
              ? ""
              : " (" + leftOut.getAsInt() + " more from this address since the last line)";
      LOG.warn("refused OPC UA connection from {}: {}{}", remote, oneLine(what), more);
    }
  }

  /** The URL the peer dialed with the path replaced by each served one. */
  private String servedUrls(String requested) {
    String host = EndpointUtil.getHost(requested);
    int port = EndpointUtil.getPort(requested);
    String base = "opc.tcp://" + (host == null || host.isEmpty() ? "<host>" : host) + ":" + port;
    StringBuilder urls = new StringBuilder();
    for (String path : servedPaths) {
      if (!urls.isEmpty()) {
        urls.append(" or ");
      }
      urls.append(base).append(path.equals("/") ? "" : path);
    }
    return urls.toString();
  }

  private static String description(long statusCode) {
    return StatusCodes.lookup(statusCode)
        .map(nameAndText -> nameAndText[1].isEmpty() ? nameAndText[0] : nameAndText[1])
        .orElse("the connection was refused");
  }

  private static String name(long statusCode) {
    return StatusCodes.lookup(statusCode)
        .map(nameAndText -> nameAndText[0])
        .orElse(String.format("0x%08X", statusCode));
  }

  /** Peer-supplied text made safe for one log line. */
  private static String oneLine(String text) {
    String flat = text == null ? "" : text.replaceAll("\\p{Cntrl}", " ");
    return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
  }

  /** Whether {@code buffer} starts with a final chunk of this message type. */
  private static boolean isType(ByteBuf buffer, String type) {
    int at = buffer.readerIndex();
    return buffer.readableBytes() >= HEADER_SIZE
        && buffer.getByte(at) == type.charAt(0)
        && buffer.getByte(at + 1) == type.charAt(1)
        && buffer.getByte(at + 2) == type.charAt(2)
        && buffer.getByte(at + 3) == 'F';
  }

  /** One per connection, on its event loop. */
  private final class Gate extends ChannelDuplexHandler {

    private ByteBuf hello;
    private boolean helloChecked;
    private boolean refused;
    private boolean channelOpened;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (helloChecked || !(msg instanceof ByteBuf bytes)) {
        ctx.fireChannelRead(msg);
        return;
      }
      if (hello == null) {
        hello = ctx.alloc().buffer();
      }
      hello.writeBytes(bytes);
      bytes.release();
      if (hello.readableBytes() < HEADER_SIZE) {
        return;
      }
      int length = hello.getIntLE(hello.readerIndex() + 4);
      if (isType(hello, "HEL")
          && length >= HEADER_SIZE
          && length <= MAX_HELLO_SIZE
          && hello.readableBytes() < length) {
        return;
      }
      helloChecked = true;
      String refusedUrl = isType(hello, "HEL") ? unservedUrl(hello) : null;
      ByteBuf received = hello;
      hello = null;
      if (refusedUrl == null) {
        ctx.fireChannelRead(received); // Milo's handlers judge everything else
        return;
      }
      received.release();
      refuse(ctx, refusedUrl);
    }

    /** The endpoint URL of this complete Hello if it is not served, else null. */
    private String unservedUrl(ByteBuf message) {
      HelloMessage decoded;
      try {
        decoded = TcpMessageDecoder.decodeHello(message.duplicate());
      } catch (UaException | RuntimeException e) {
        return null; // Milo refuses it with the right status code
      }
      String url = decoded.getEndpointUrl();
      if (url == null || servedPaths.contains(EndpointUtil.getPath(url))) {
        return null;
      }
      return url;
    }

    private void refuse(ChannelHandlerContext ctx, String url) {
      String echo = url.length() > MAX_URL_ECHO ? url.substring(0, MAX_URL_ECHO) + "..." : url;
      String reason =
          "the endpoint URL " + echo + " is not served here; use " + servedUrls(url);
      refused = true;
      log(ctx.channel().remoteAddress(), reason);
      ByteBuf error;
      try {
        error =
            TcpMessageEncoder.encode(
                new ErrorMessage(StatusCodes.Bad_TcpEndpointUrlInvalid, reason));
      } catch (UaException e) {
        ctx.close();
        return;
      }
      ctx.writeAndFlush(error).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise)
        throws Exception {
      if (!(msg instanceof ByteBuf bytes) || !isType(bytes, "ERR")) {
        if (msg instanceof ByteBuf bytes && isType(bytes, "OPN")) {
          channelOpened = true;
        }
        ctx.write(msg, promise);
        return;
      }
      ErrorMessage milo;
      try {
        milo = TcpMessageDecoder.decodeError(bytes.duplicate());
      } catch (UaException | RuntimeException e) {
        ctx.write(msg, promise);
        return;
      }
      ReferenceCountUtil.release(bytes);
      long code = milo.getError().value();
      if (!refused) {
        refused = true;
        log(ctx.channel().remoteAddress(), name(code) + " (" + milo.getReason() + ")");
      }
      ctx.write(TcpMessageEncoder.encode(new ErrorMessage(code, description(code))), promise);
    }

    /**
     * Milo closes without an ERR when an OpenSecureChannel request cannot be decoded or its
     * token not installed; that is a refusal too.
     */
    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
      if (helloChecked && !channelOpened && !refused && ctx.channel().isActive()) {
        refused = true;
        log(ctx.channel().remoteAddress(),
            "closed in the handshake, no secure channel could be opened");
      }
      ctx.close(promise);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
      if (hello != null) {
        hello.release();
        hello = null;
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      handlerRemoved(ctx);
      ctx.fireChannelInactive();
    }
  }
}
