package io.twinline.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.channel.messages.ErrorMessage;
import org.eclipse.milo.opcua.stack.core.channel.messages.HelloMessage;
import org.eclipse.milo.opcua.stack.core.channel.messages.TcpMessageDecoder;
import org.eclipse.milo.opcua.stack.core.channel.messages.TcpMessageEncoder;
import org.eclipse.milo.opcua.stack.core.encoding.DefaultEncodingContext;
import org.eclipse.milo.opcua.stack.core.encoding.binary.OpcUaBinaryDecoder;
import org.eclipse.milo.opcua.stack.core.encoding.binary.OpcUaBinaryEncoder;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.SecurityTokenRequestType;
import org.eclipse.milo.opcua.stack.core.types.structured.OpenSecureChannelRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.OpenSecureChannelResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.RequestHeader;

/**
 * A client that speaks OPC UA TCP byte by byte, for what a real client stack will not send:
 * a Hello for any URL, garbage after a Hello, a bare OpenSecureChannel. Reads time out after
 * 10 s.
 */
final class RawUascClient implements AutoCloseable {

  /** A message as received: its three-letter type and all its bytes, header included. */
  record Message(String type, byte[] bytes) {
    ErrorMessage error() throws UaException {
      return TcpMessageDecoder.decodeError(Unpooled.wrappedBuffer(bytes));
    }
  }

  private final Socket socket;
  private final DataInputStream in;

  RawUascClient(int port) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(10_000);
    in = new DataInputStream(socket.getInputStream());
  }

  void send(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
  }

  /** Sends a Hello for {@code endpointUrl} and returns the answer (ACK or ERR). */
  Message hello(String endpointUrl) throws IOException, UaException {
    ByteBuf hello =
        TcpMessageEncoder.encode(new HelloMessage(0, 65_536, 65_536, 0, 0, endpointUrl));
    send(ByteBufUtil.getBytes(hello));
    hello.release();
    return read();
  }

  /** Opens a secure channel with security None (after an acknowledged Hello). */
  OpenSecureChannelResponse openSecureChannel() throws IOException, UaException {
    var request =
        new OpenSecureChannelRequest(
            new RequestHeader(NodeId.NULL_VALUE, DateTime.now(), uint(1), uint(0), null,
                uint(10_000), null),
            uint(0),
            SecurityTokenRequestType.Issue,
            MessageSecurityMode.None,
            ByteString.NULL_VALUE,
            uint(60_000));
    ByteBuf body = Unpooled.buffer();
    new OpcUaBinaryEncoder(DefaultEncodingContext.INSTANCE).setBuffer(body)
        .encodeMessage(null, request);
    sendOpenSecureChannel(ByteBufUtil.getBytes(body));
    body.release();

    Message answer = read();
    if (!answer.type().equals("OPN")) {
      throw new IllegalStateException("expected OPN, got " + answer.type());
    }
    ByteBuffer response = ByteBuffer.wrap(answer.bytes()).order(ByteOrder.LITTLE_ENDIAN);
    response.position(12);
    for (int field = 0; field < 3; field++) { // policy URI, certificate, thumbprint
      int size = response.getInt();
      response.position(response.position() + Math.max(size, 0));
    }
    response.position(response.position() + 8); // sequence number, request id
    ByteBuf rest = Unpooled.wrappedBuffer(answer.bytes(), response.position(),
        response.remaining());
    return (OpenSecureChannelResponse)
        new OpcUaBinaryDecoder(DefaultEncodingContext.INSTANCE).setBuffer(rest).decodeMessage(null);
  }

  /** Sends an OpenSecureChannel message (security None) with {@code body} as its request. */
  void sendOpenSecureChannel(byte[] body) throws IOException {
    byte[] policy = SecurityPolicy.None.getUri().getBytes(StandardCharsets.US_ASCII);
    int length = 8 + 4 + (4 + policy.length) + 4 + 4 + 4 + 4 + body.length;
    ByteBuffer message = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    message.put("OPNF".getBytes(StandardCharsets.US_ASCII)).putInt(length).putInt(0);
    message.putInt(policy.length).put(policy).putInt(-1).putInt(-1); // no certificates
    message.putInt(1).putInt(1); // sequence number, request id
    message.put(body);
    send(message.array());
  }

  /** The next message from the server. */
  Message read() throws IOException {
    byte[] header = new byte[8];
    in.readFully(header);
    int length = ByteBuffer.wrap(header, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    byte[] bytes = new byte[length];
    System.arraycopy(header, 0, bytes, 0, 8);
    in.readFully(bytes, 8, length - 8);
    return new Message(new String(header, 0, 3, StandardCharsets.US_ASCII), bytes);
  }

  /** Whether the server has closed the connection (reads until end of stream). */
  boolean closedByServer() throws IOException {
    return in.read() == -1;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
