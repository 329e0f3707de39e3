package io.twinline.coupling.modbus;

import com.digitalpetri.modbus.ExceptionCode;
import com.digitalpetri.modbus.FunctionCode;
import com.digitalpetri.modbus.MbapHeader;
import com.digitalpetri.modbus.ModbusTcpFrame;
import com.digitalpetri.modbus.exceptions.UnknownUnitIdException;
import com.digitalpetri.modbus.server.ModbusRequestContext.ModbusTcpRequestContext;
import com.digitalpetri.modbus.server.ModbusServerConfig;
import com.digitalpetri.modbus.server.ModbusTcpServer;
import com.digitalpetri.modbus.tcp.server.NettyTcpServerTransport;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.twinline.line.SignalDefinition;
import io.twinline.sim.run.SimulationRunner;
import io.twinline.sim.signal.Signal;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The line's signals served over Modbus TCP, as remote I/O that a PLC polls as master: one more
 * client of the control surface (writes) and the change feed (reads). Several masters may be
 * connected at once; requests are answered one at a time, in the order they arrive.
 *
 * <p>Built on digitalpetri's {@code modbus-tcp} server, with the application's own
 * {@code ModbusServices} (the line is the process image; nothing is copied into the library).
 * Start it after the runner; close it before the runner.
 */
public final class ModbusEndpoint implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ModbusEndpoint.class);

  /** The standard Modbus TCP port. */
  public static final int DEFAULT_PORT = 502;

  private static final Set<Integer> SUPPORTED = Set.of(
      FunctionCode.READ_COILS.getCode(), FunctionCode.READ_DISCRETE_INPUTS.getCode(),
      FunctionCode.READ_HOLDING_REGISTERS.getCode(), FunctionCode.READ_INPUT_REGISTERS.getCode(),
      FunctionCode.WRITE_SINGLE_COIL.getCode(), FunctionCode.WRITE_SINGLE_REGISTER.getCode(),
      FunctionCode.WRITE_MULTIPLE_COILS.getCode(),
      FunctionCode.WRITE_MULTIPLE_REGISTERS.getCode());

  /**
   * How to serve: immutable, each {@code withX} returns a new one.
   *
   * @param bindAddress the address to listen on
   * @param port the TCP port; 0 picks a free one ({@link #port()} tells which)
   * @param wordOrder the word order of units 0, 1 and 255 (unit 2 has the other)
   * @param faults communication faults to play ({@link EndpointFault})
   */
  public record Options(String bindAddress, int port, WordOrder wordOrder,
      List<EndpointFault> faults) {

    public Options {
      Objects.requireNonNull(bindAddress, "bindAddress");
      Objects.requireNonNull(wordOrder, "wordOrder");
      faults = List.copyOf(faults);
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("a Modbus port is 0..65535, was " + port);
      }
    }

    public static Options defaults() {
      return new Options("0.0.0.0", DEFAULT_PORT, WordOrder.ABCD, List.of());
    }

    public Options withPort(int newPort) {
      return new Options(bindAddress, newPort, wordOrder, faults);
    }

    public Options withBindAddress(String address) {
      return new Options(address, port, wordOrder, faults);
    }

    public Options withWordOrder(WordOrder order) {
      return new Options(bindAddress, port, order, faults);
    }

    public Options withFaults(List<EndpointFault> newFaults) {
      return new Options(bindAddress, port, wordOrder, newFaults);
    }
  }

  private final ModbusMap map;
  private final ModbusTcpServer server;
  private final AutoCloseable feed;
  private final InetSocketAddress address;
  private final Map<SocketAddress, Channel> masters;
  private final AtomicLong requests;

  private ModbusEndpoint(ModbusMap map, ModbusTcpServer server, AutoCloseable feed,
      InetSocketAddress address, Map<SocketAddress, Channel> masters, AtomicLong requests) {
    this.map = map;
    this.server = server;
    this.feed = feed;
    this.address = address;
    this.masters = masters;
    this.requests = requests;
  }

  /** The signals of {@code runner}'s plant in id order (immutable once built). */
  public static List<SignalDefinition> signalsOf(SimulationRunner runner) {
    return runner.plant().signals().all().stream().map(Signal::definition).toList();
  }

  /**
   * Starts serving {@code runner}'s line (the runner may be new or running).
   *
   * @throws IOException if the port cannot be bound (the message names it); nothing is left
   *     running then
   */
  public static ModbusEndpoint start(SimulationRunner runner, Options options)
      throws IOException {
    List<SignalDefinition> signals = signalsOf(runner);
    ModbusMap map = ModbusMap.of(signals);
    ProcessValues values = new ProcessValues(signals.size());
    AutoCloseable feed = runner.feed().lossless("twinline-modbus-" + runner.plant().name(),
        (changes, epoch) -> values.take(changes));
    Map<SocketAddress, Channel> masters = new ConcurrentHashMap<>();
    CompletableFuture<InetSocketAddress> bound = new CompletableFuture<>();
    NettyTcpServerTransport transport = NettyTcpServerTransport.create(cfg -> {
      cfg.setBindAddress(options.bindAddress());
      cfg.setPort(options.port());
      cfg.setBootstrapCustomizer(bootstrap -> bootstrap.handler(
          new ChannelInboundHandlerAdapter() {
            @Override
            public void channelActive(ChannelHandlerContext ctx) {
              bound.complete((InetSocketAddress) ctx.channel().localAddress());
              ctx.fireChannelActive();
            }
          }));
      cfg.setPipelineCustomizer(pipeline -> pipeline.addFirst(
          new ChannelInboundHandlerAdapter() {
            @Override
            public void channelActive(ChannelHandlerContext ctx) {
              masters.put(ctx.channel().remoteAddress(), ctx.channel());
              ctx.fireChannelActive();
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
              masters.remove(ctx.channel().remoteAddress());
              ctx.fireChannelInactive();
            }
          }));
    });
    AtomicLong requests = new AtomicLong();
    LineServices services = new LineServices(map, values, runner, options.wordOrder());
    ModbusTcpServer server = new LineServer(transport, services, options.faults(), requests,
        masters);
    try {
      server.start();
      InetSocketAddress address = bound.get(10, TimeUnit.SECONDS);
      return new ModbusEndpoint(map, server, feed, address, masters, requests);
    } catch (ExecutionException e) {
      close(feed);
      throw new IOException("cannot serve Modbus TCP on " + options.bindAddress() + ":"
          + options.port() + ": " + e.getCause().getMessage()
          + " (is the port in use? ports below 1024 need privileges; --modbus-port 0 picks a"
          + " free one)", e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      close(feed);
      stop(server);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IOException("the Modbus TCP server did not start", e);
    }
  }

  /** The line's address map. */
  public ModbusMap map() {
    return map;
  }

  /** The port it listens on. */
  public int port() {
    return address.getPort();
  }

  /** The address it listens on. */
  public InetSocketAddress address() {
    return address;
  }

  /** Masters connected now. */
  public int masters() {
    return masters.size();
  }

  /** Requests received since the start. */
  public long requests() {
    return requests.get();
  }

  /** Closes the masters' connections and the port, then leaves the feed. */
  @Override
  public void close() {
    stop(server);
    close(feed);
  }

  private static void stop(ModbusTcpServer server) {
    try {
      server.stop();
    } catch (ExecutionException e) {
      LOG.warn("closing the Modbus TCP server: {}", e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void close(AutoCloseable feed) {
    try {
      feed.close();
    } catch (Exception e) {
      LOG.warn("leaving the change feed: {}", e.toString());
    }
  }

  /**
   * The library's TCP server with two additions at the frame: function codes it has no decoder
   * for (07, 08, 2B, ...) are answered with exception 01 instead of closing the connection, and
   * the endpoint's faults are played before a request is handled.
   */
  private static final class LineServer extends ModbusTcpServer {
    private final List<EndpointFault> faults;
    private final AtomicLong requests;
    private final Map<SocketAddress, Channel> masters;

    LineServer(NettyTcpServerTransport transport, LineServices services,
        List<EndpointFault> faults, AtomicLong requests, Map<SocketAddress, Channel> masters) {
      super(ModbusServerConfig.create(cfg -> { }), transport, services);
      this.faults = faults;
      this.requests = requests;
      this.masters = masters;
    }

    @Override
    protected ModbusTcpFrame handleModbusTcpFrame(ModbusTcpFrame frame,
        ModbusTcpRequestContext context) throws Exception {
      long request = requests.incrementAndGet();
      ByteBuffer pdu = frame.pdu();
      int fc = pdu.remaining() > 0 ? pdu.get(pdu.position()) & 0xFF : 0;
      for (EndpointFault fault : faults) {
        if (!fault.hits(request)) {
          continue;
        }
        switch (fault.kind()) {
          case DELAY -> sleep(fault.delay());
          case EXCEPTION -> {
            return exception(frame.header(), fc, fault.exceptionCode());
          }
          case SILENT -> throw new UnknownUnitIdException(frame.header().unitId());
          case DROP -> {
            Channel channel = masters.get(context.remoteAddress());
            if (channel != null) {
              channel.close();
            }
            // not answered: the transport ignores a request for an unknown unit quietly
            throw new UnknownUnitIdException(frame.header().unitId());
          }
        }
      }
      if (!SUPPORTED.contains(fc)) {
        return exception(frame.header(), fc, ExceptionCode.ILLEGAL_FUNCTION.getCode());
      }
      return super.handleModbusTcpFrame(frame, context);
    }

    private static ModbusTcpFrame exception(MbapHeader request, int fc, int code) {
      ByteBuffer pdu = ByteBuffer.allocate(2).put((byte) (fc | 0x80)).put((byte) code).flip();
      return new ModbusTcpFrame(
          new MbapHeader(request.transactionId(), 0, 3, request.unitId()), pdu);
    }

    private static void sleep(Duration delay) throws InterruptedException {
      // a played fault: the wall-clock delay is the point (a slow device)
      Thread.sleep(delay.toMillis());
    }
  }
}
