package io.twinline.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.stack.core.encoding.DefaultEncodingContext;
import org.eclipse.milo.opcua.stack.core.encoding.EncodingContext;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.UaResponseMessageType;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.ApplicationType;
import org.eclipse.milo.opcua.stack.core.types.structured.ApplicationDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.CreateSessionRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.RequestHeader;
import org.eclipse.milo.opcua.stack.transport.client.ClientApplicationContext;
import org.eclipse.milo.opcua.stack.transport.client.OpcClientTransport;
import org.eclipse.milo.opcua.stack.transport.client.tcp.OpcTcpClientTransport;
import org.eclipse.milo.opcua.stack.transport.client.tcp.OpcTcpClientTransportConfig;

/** What the attacks of issue 12 send: raw HELLOs and CreateSession requests, never a login. */
final class Attacker {

  private Attacker() {}

  /**
   * A TCP connection from {@code localAddress} that has sent a valid HELLO for {@code
   * endpointUrl} and then stays silent.
   */
  static Socket helloAndSilence(String localAddress, int port, String endpointUrl)
      throws IOException {
    Socket socket = new Socket();
    socket.bind(new InetSocketAddress(localAddress, 0));
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    byte[] url = endpointUrl.getBytes(StandardCharsets.UTF_8);
    ByteBuffer hello = ByteBuffer.allocate(32 + url.length).order(ByteOrder.LITTLE_ENDIAN);
    hello.put("HELF".getBytes(StandardCharsets.US_ASCII));
    hello.putInt(32 + url.length);
    hello.putInt(0); // protocol version
    hello.putInt(65536); // receive buffer size
    hello.putInt(65536); // send buffer size
    hello.putInt(0); // max message size: no limit
    hello.putInt(0); // max chunk count: no limit
    hello.putInt(url.length);
    hello.put(url);
    socket.getOutputStream().write(hello.array());
    socket.getOutputStream().flush();
    return socket;
  }

  /**
   * What the server sent first on {@code socket}: "ACK" for a taken connection, "" if it closed
   * the connection instead, null if it said nothing within {@code millis}.
   */
  static String firstAnswer(Socket socket, int millis) throws IOException {
    socket.setSoTimeout(millis);
    InputStream in = socket.getInputStream();
    byte[] type = new byte[3];
    try {
      int n = in.readNBytes(type, 0, 3);
      return n < 3 ? "" : new String(type, StandardCharsets.US_ASCII);
    } catch (SocketTimeoutException e) {
      return null;
    } catch (IOException e) {
      return ""; // reset by the server
    }
  }

  /** Whether the server has closed {@code socket} (reading it ends), waiting up to 100 ms. */
  static boolean closedByServer(Socket socket) {
    try {
      socket.setSoTimeout(100);
      InputStream in = socket.getInputStream();
      while (true) {
        if (in.read() < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /** A secure channel (policy None) to the server, without a session. */
  static OpcClientTransport openChannel(String endpointUrl) throws Exception {
    EndpointDescription endpoint =
        DiscoveryClient.getEndpoints(endpointUrl).get(10, TimeUnit.SECONDS).stream()
            .filter(e -> e.getSecurityPolicyUri().equals(SecurityPolicy.None.getUri()))
            .filter(e -> !e.getEndpointUrl().endsWith("/discovery"))
            .findFirst()
            .orElseThrow();
    OpcTcpClientTransport transport =
        new OpcTcpClientTransport(OpcTcpClientTransportConfig.newBuilder().build());
    transport.connect(context(endpoint)).get(10, TimeUnit.SECONDS);
    return transport;
  }

  /** Asks for a session that is never activated; its answer. */
  static UaResponseMessageType createSession(OpcClientTransport channel, String endpointUrl)
      throws Exception {
    CreateSessionRequest request =
        new CreateSessionRequest(
            new RequestHeader(NodeId.NULL_VALUE, DateTime.now(), uint(1), uint(0), null,
                uint(10_000), null),
            new ApplicationDescription("urn:attacker", "urn:attacker",
                LocalizedText.english("attacker"), ApplicationType.Client, null, null, null),
            null,
            endpointUrl,
            "flood",
            ByteString.of(new byte[32]),
            ByteString.NULL_VALUE,
            120_000.0,
            uint(0));
    return channel.sendRequestMessage(request).get(10, TimeUnit.SECONDS);
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
}
