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
 * saw. Part of {@code twinline bench} (its section "Under attack"; {@code -Dbench.only=soak}
 * runs it alone), or on its own:
 * {@code java -cp <bench classpath> io.twinline.bench.AttackSoak [sockets] [sessions]}.
 */
final class AttackSoak {

  private AttackSoak() {}

  public static void main(String[] args) throws Exception {
    int sockets = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    StringBuilder md = new StringBuilder();
    report(md, sockets, sessions, 1_000);
    System.out.print(md);
  }

  /** The soak as a section of docs/benchmarks.md. */
  static void report(StringBuilder md, int sockets, int sessions, int killed) throws Exception {
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
      long t2 = System.nanoTime();
      int subscribed = killedClients(url, simSeconds, killed);
      double killedSeconds = (System.nanoTime() - t2) / 1e9;
      String during = state(target);
      // past the 10 s login deadline, the 5 s session timeout and the subscriptions' lifetime
      // (60 x 100 ms): everything the attacks left behind has expired
      Thread.sleep(15_000);
      String after = state(target);
      reader.stop();

      md.append("## Under attack (soak)\n\n");
      md.append("`AttackSoak` against a served 1,000-signal line in this JVM, while an honest ")
          .append("client reads `Simulation/SimSeconds` every 100 ms (the attacks of issue 12 ")
          .append("from loopback; limits and timeouts as in [security](security.md)).\n\n");
      md.append("| attack | figure |\n|---|---|\n");
      md.append(String.format(java.util.Locale.ROOT, "| slowloris: connections that say HELLO"
          + " and nothing more | %d in %.1f s: %d acknowledged, %d closed at once |\n", sockets,
          slowlorisSeconds, answers[0], answers[1]));
      md.append(String.format(java.util.Locale.ROOT, "| session flood: CreateSession never"
          + " activated | %d in %.1f s, %d answered Good |\n", sessions, floodSeconds, created));
      md.append(String.format(java.util.Locale.ROOT, "| a new login right after the flood |"
          + " %.0f ms |\n", loginMillis));
      md.append(String.format(java.util.Locale.ROOT, "| killed clients: session, subscription,"
          + " then the channel drops (no CloseSession) | %d in %.1f s, %d subscribed |\n", killed,
          killedSeconds, subscribed));
      md.append(String.format(java.util.Locale.ROOT, "| the honest client's reads | %d good, %d"
          + " failed, slowest %.1f ms |\n\n", reader.good.get(), reader.failed.get(),
          reader.slowestNanos.get() / 1e6));
      md.append("| when | state |\n|---|---|\n");
      md.append("| before | ").append(before).append(" |\n");
      md.append("| right after the killed clients | ").append(during).append(" |\n");
      md.append("| 15 s later | ").append(after).append(" |\n\n");
      md.append("Killed clients count against the 100 activated sessions until their session ")
          .append("times out (5 s here): the rest of the burst is refused `Bad_TooManySessions` ")
          .append("meanwhile, and 15 s later every session, subscription and connection they ")
          .append("left is gone. The threads that stay are Milo's and Netty's pools, grown to ")
          .append("their size under the load, not one per client.\n\n");
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

  /**
   * {@code n} clients that open a session, subscribe to SimSeconds and then vanish: their channel
   * closes with no CloseSession or DeleteSubscriptions (a PLC switched off, a killed process).
   * Their sessions time out after 5 s and their subscriptions are cleaned after their lifetime.
   *
   * @return how many got as far as their subscription
   */
  private static int killedClients(String url, NodeId simSeconds, int n) throws Exception {
    EndpointDescription endpoint = DiscoveryClient.getEndpoints(url).get(10, TimeUnit.SECONDS)
        .stream().filter(e -> e.getSecurityPolicyUri().endsWith("#None")).findFirst()
        .orElseThrow();
    String anonymous = java.util.Arrays.stream(endpoint.getUserIdentityTokens())
        .filter(t -> t.getTokenType()
            == org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType.Anonymous)
        .findFirst().orElseThrow().getPolicyId();
    int subscribed = 0;
    for (int i = 0; i < n; i++) {
      OpcClientTransport channel =
          new OpcTcpClientTransport(OpcTcpClientTransportConfig.newBuilder().build());
      channel.connect(context(endpoint)).get(10, TimeUnit.SECONDS);
      try {
        var created = (org.eclipse.milo.opcua.stack.core.types.structured.CreateSessionResponse)
            channel.sendRequestMessage(new CreateSessionRequest(header(NodeId.NULL_VALUE, i),
                new ApplicationDescription("urn:soak", "urn:soak", LocalizedText.english("soak"),
                    ApplicationType.Client, null, null, null),
                null, url, "killed-" + i, ByteString.of(new byte[32]), ByteString.NULL_VALUE,
                5_000.0, uint(0))).get(10, TimeUnit.SECONDS);
        NodeId token = created.getAuthenticationToken();
        var none = new org.eclipse.milo.opcua.stack.core.types.structured.SignatureData(null,
            null);
        channel.sendRequestMessage(
            new org.eclipse.milo.opcua.stack.core.types.structured.ActivateSessionRequest(
                header(token, i), none, null, null,
                org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject.encode(
                    DefaultEncodingContext.INSTANCE,
                    new org.eclipse.milo.opcua.stack.core.types.structured.AnonymousIdentityToken(
                        anonymous)),
                none)).get(10, TimeUnit.SECONDS);
        var subscription =
            (org.eclipse.milo.opcua.stack.core.types.structured.CreateSubscriptionResponse)
                channel.sendRequestMessage(
                    new org.eclipse.milo.opcua.stack.core.types.structured.CreateSubscriptionRequest(
                        header(token, i), 100.0, uint(60), uint(20), uint(0), true,
                        org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ubyte(0)))
                    .get(10, TimeUnit.SECONDS);
        channel.sendRequestMessage(
            new org.eclipse.milo.opcua.stack.core.types.structured.CreateMonitoredItemsRequest(
                header(token, i), subscription.getSubscriptionId(), TimestampsToReturn.Both,
                new org.eclipse.milo.opcua.stack.core.types.structured.MonitoredItemCreateRequest[] {
                    new org.eclipse.milo.opcua.stack.core.types.structured
                        .MonitoredItemCreateRequest(
                        new org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId(
                            simSeconds, uint(13), null, null),
                        org.eclipse.milo.opcua.stack.core.types.enumerated.MonitoringMode
                            .Reporting,
                        new org.eclipse.milo.opcua.stack.core.types.structured
                            .MonitoringParameters(uint(1), 100.0, null, uint(10), true))}))
            .get(10, TimeUnit.SECONDS);
        subscribed++;
      } catch (Exception e) {
        // refused: counted as not subscribed
      } finally {
        channel.disconnect(); // the channel goes; the session and subscription are left behind
      }
    }
    return subscribed;
  }

  private static RequestHeader header(NodeId token, int handle) {
    return new RequestHeader(token, DateTime.now(), uint(handle), uint(0), null, uint(10_000),
        null);
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
