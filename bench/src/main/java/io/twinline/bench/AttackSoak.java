package io.twinline.bench;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.encoding.DefaultEncodingContext;
import org.eclipse.milo.opcua.stack.core.encoding.EncodingContext;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.ApplicationType;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.ApplicationDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.CreateSessionRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.RequestHeader;
import org.eclipse.milo.opcua.stack.transport.client.ClientApplicationContext;
import org.eclipse.milo.opcua.stack.transport.client.OpcClientTransport;
import org.eclipse.milo.opcua.stack.transport.client.tcp.OpcTcpClientTransport;
import org.eclipse.milo.opcua.stack.transport.client.tcp.OpcTcpClientTransportConfig;

/**
 * A soak of the attacks of issue 12 against Twinline in this JVM: connections that say HELLO and
 * nothing more (slowloris), then CreateSession requests that are never activated (a session
 * flood), while an honest client reads {@code Simulation/SimSeconds} every 100 ms. Prints the
 * process's heap (after GC), threads and open files before and after, and what the honest client
 * saw. Not part of {@code twinline bench}: run it on its own,
 * {@code java -cp <bench classpath> io.twinline.bench.AttackSoak [sockets] [sessions]}.
 */
final class AttackSoak {

  private AttackSoak() {}

  public static void main(String[] args) throws Exception {
    int sockets = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    Path pki = Files.createTempDirectory("twinline-soak-pki");
    try (TwinlineTarget target = new TwinlineTarget(1_000, 0.0, pki)) {
      String url = target.endpointUrl();
      OpcUaClient honest = NetworkBenchmark.connect(target);
      NodeId simSeconds =
          new NodeId(NetworkBenchmark.namespace(honest, target), "Simulation/SimSeconds");
      Reader reader = new Reader(honest, simSeconds);
      reader.start();
      String before = state(target);

      long t0 = System.nanoTime();
      int[] answers = slowloris(URI.create(url).getPort(), url, sockets);
      double slowlorisSeconds = (System.nanoTime() - t0) / 1e9;
      long t1 = System.nanoTime();
      int created = flood(url, sessions);
      double floodSeconds = (System.nanoTime() - t1) / 1e9;
      long loginStart = System.nanoTime();
      OpcUaClient late = NetworkBenchmark.connect(target);
      double loginMillis = (System.nanoTime() - loginStart) / 1e6;
      NetworkBenchmark.disconnect(late);
      Thread.sleep(12_000); // past the 10 s login deadline: everything the attacks left expires
      String after = state(target);
      reader.stop();

      System.out.printf("slowloris: %d connections with HELLO in %.1f s: %d answered ACK, %d closed"
          + " at once%n", sockets, slowlorisSeconds, answers[0], answers[1]);
      System.out.printf("session flood: %d CreateSession in %.1f s, %d answered Good%n", sessions,
          floodSeconds, created);
      System.out.printf("a new client logged in after the flood in %.0f ms%n", loginMillis);
      System.out.printf("honest reads: %d good, %d failed, slowest %.1f ms%n", reader.good.get(),
          reader.failed.get(), reader.slowestNanos.get() / 1e6);
      System.out.println("before: " + before);
      System.out.println("after:  " + after);
      NetworkBenchmark.disconnect(honest);
    }
  }

  /** Heap after GC, threads, open files, sessions, connections. */
  private static String state(TwinlineTarget target) throws IOException {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    int threads = ManagementFactory.getThreadMXBean().getThreadCount();
    long files;
    try (var list = Files.list(Path.of("/proc/self/fd"))) {
      files = list.count();
    }
    return String.format("heap %d MB, %d threads, %d open files, %d sessions, %d connections",
        heap >> 20, threads, files, target.server().sessionCount(),
        target.server().openConnections());
  }

  /** Opens {@code n} connections from 127.0.0.x that say HELLO; [answered ACK, closed at once]. */
  private static int[] slowloris(int port, String url, int n) throws IOException {
    byte[] endpoint = url.getBytes(StandardCharsets.UTF_8);
    ByteBuffer hello = ByteBuffer.allocate(32 + endpoint.length).order(ByteOrder.LITTLE_ENDIAN);
    hello.put("HELF".getBytes(StandardCharsets.US_ASCII)).putInt(32 + endpoint.length)
        .putInt(0).putInt(65536).putInt(65536).putInt(0).putInt(0)
        .putInt(endpoint.length).put(endpoint);
    List<Socket> open = new ArrayList<>();
    int ack = 0;
    int closed = 0;
    try {
      for (int i = 0; i < n; i++) {
        Socket socket = new Socket();
        open.add(socket);
        socket.bind(new InetSocketAddress("127.0.0." + (2 + i % 50), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.getOutputStream().write(hello.array());
        socket.setSoTimeout(5000);
        byte[] type = new byte[3];
        int read;
        try {
          read = socket.getInputStream().readNBytes(type, 0, 3);
        } catch (IOException e) {
          read = 0;
        }
        if (read == 3) {
          ack++;
        } else {
          closed++;
          socket.close();
        }
      }
    } finally {
      // held open until here: the server's login deadline closes the ones it took
      for (Socket socket : open) {
        socket.close();
      }
    }
    return new int[] {ack, closed};
  }

  /** {@code n} CreateSession requests, 20 on each secure channel; how many answered Good. */
  private static int flood(String url, int n) throws Exception {
    EndpointDescription endpoint = DiscoveryClient.getEndpoints(url).get(10, TimeUnit.SECONDS)
        .stream().filter(e -> e.getSecurityPolicyUri().endsWith("#None"))
        .filter(e -> !e.getEndpointUrl().endsWith("/discovery")).findFirst().orElseThrow();
    int good = 0;
    OpcClientTransport channel = null;
    for (int i = 0; i < n; i++) {
      if (i % 20 == 0) {
        if (channel != null) {
          channel.disconnect();
        }
        channel = new OpcTcpClientTransport(OpcTcpClientTransportConfig.newBuilder().build());
        channel.connect(context(endpoint)).get(10, TimeUnit.SECONDS);
      }
      CreateSessionRequest request = new CreateSessionRequest(
          new RequestHeader(NodeId.NULL_VALUE, DateTime.now(), uint(i), uint(0), null,
              uint(10_000), null),
          new ApplicationDescription("urn:soak", "urn:soak", LocalizedText.english("soak"),
              ApplicationType.Client, null, null, null),
          null, url, "flood", ByteString.of(new byte[32]), ByteString.NULL_VALUE, 120_000.0,
          uint(0));
      try {
        if (channel.sendRequestMessage(request).get(10, TimeUnit.SECONDS)
            .getResponseHeader().getServiceResult().isGood()) {
          good++;
        }
      } catch (Exception e) {
        // refused: counted as not Good
      }
    }
    channel.disconnect();
    return good;
  }

  private static ClientApplicationContext context(EndpointDescription endpoint) {
    return new ClientApplicationContext() {
      @Override
      public EndpointDescription getEndpoint() {
        return endpoint;
      }

      @Override
      public Optional<KeyPair> getKeyPair() {
        return Optional.empty();
      }

      @Override
      public Optional<X509Certificate> getCertificate() {
        return Optional.empty();
      }

      @Override
      public Optional<X509Certificate[]> getCertificateChain() {
        return Optional.empty();
      }

      @Override
      public CertificateValidator getCertificateValidator() {
        return new CertificateValidator.InsecureCertificateValidator();
      }

      @Override
      public EncodingContext getEncodingContext() {
        return DefaultEncodingContext.INSTANCE;
      }

      @Override
      public UInteger getRequestTimeout() {
        return uint(10_000);
      }
    };
  }

  /** The honest client: reads SimSeconds every 100 ms on its own thread. */
  private static final class Reader implements Runnable {
    private final OpcUaClient client;
    private final NodeId node;
    private final Thread thread = new Thread(this, "honest-reader");
    private volatile boolean running = true;
    final AtomicLong good = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong slowestNanos = new AtomicLong();

    Reader(OpcUaClient client, NodeId node) {
      this.client = client;
      this.node = node;
    }

    void start() {
      thread.start();
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join();
    }

    @Override
    public void run() {
      while (running) {
        long start = System.nanoTime();
        try {
          boolean ok = client.readValues(0, TimestampsToReturn.Neither, List.of(node)).get(0)
              .statusCode().isGood();
          (ok ? good : failed).incrementAndGet();
        } catch (Exception e) {
          failed.incrementAndGet();
        }
        slowestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
        try {
          Thread.sleep(100); // the honest client's own pace, not a wait for a condition
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }
}
