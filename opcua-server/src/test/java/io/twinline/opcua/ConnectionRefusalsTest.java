package io.twinline.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.channel.messages.ErrorMessage;
import org.eclipse.milo.opcua.stack.core.channel.messages.HelloMessage;
import org.eclipse.milo.opcua.stack.core.channel.messages.TcpMessageDecoder;
import org.eclipse.milo.opcua.stack.core.channel.messages.TcpMessageEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The refusal handler on a Netty pipeline of its own, for what a real socket does not make
 * reproducible: a Hello arriving in pieces. (ConnectingTest has the real server.)
 */
class ConnectionRefusalsTest {

  private final EmbeddedChannel channel = new EmbeddedChannel();

  ConnectionRefusalsTest() {
    new ConnectionRefusals(List.of("/twinline", "/"), System::nanoTime)
        .install(channel.pipeline());
  }

  @AfterEach
  void close() {
    channel.finishAndReleaseAll();
  }

  private static byte[] hello(String url) throws Exception {
    ByteBuf hello = TcpMessageEncoder.encode(new HelloMessage(0, 65_536, 65_536, 0, 0, url));
    byte[] bytes = ByteBufUtil.getBytes(hello);
    hello.release();
    return bytes;
  }

  /** Sends {@code bytes} in pieces of {@code size}. */
  private void receive(byte[] bytes, int size) {
    for (int at = 0; at < bytes.length; at += size) {
      channel.writeInbound(
          Unpooled.wrappedBuffer(bytes, at, Math.min(size, bytes.length - at)));
    }
  }

  private byte[] passedOn() {
    ByteBuf all = Unpooled.buffer();
    for (ByteBuf piece; (piece = channel.readInbound()) != null; ) {
      all.writeBytes(piece);
      piece.release();
    }
    byte[] bytes = ByteBufUtil.getBytes(all);
    all.release();
    return bytes;
  }

  @Test
  void aServedHelloInPiecesIsPassedOnWholeWithWhatFollows() throws Exception {
    byte[] hello = hello("opc.tcp://plc-host:4840");
    byte[] next = "OPNF....".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    receive(hello, 3);
    receive(next, 8);

    byte[] expected = new byte[hello.length + next.length];
    System.arraycopy(hello, 0, expected, 0, hello.length);
    System.arraycopy(next, 0, expected, hello.length, next.length);
    assertThat(passedOn()).isEqualTo(expected);
    assertThat((Object) channel.readOutbound()).isNull();
  }

  @Test
  void anUnservedHelloInPiecesIsAnsweredWithTheUrlsToUseAndGoesNoFurther() throws Exception {
    receive(hello("opc.tcp://plc-host:4840/OPCUA/Server"), 5);

    assertThat(passedOn()).isEmpty();
    ByteBuf answer = channel.readOutbound();
    ErrorMessage error = TcpMessageDecoder.decodeError(answer);
    answer.release();
    assertThat(error.getError().value()).isEqualTo(StatusCodes.Bad_TcpEndpointUrlInvalid);
    assertThat(error.getReason())
        .endsWith("use opc.tcp://plc-host:4840/twinline or opc.tcp://plc-host:4840");
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void anErrWithJavaTextGoesOutWithTheStatusCodesDescription() throws Exception {
    channel.writeOutbound(TcpMessageEncoder.encode(new ErrorMessage(StatusCodes.Bad_UnexpectedError,
        "java.lang.IndexOutOfBoundsException: readerIndex(16) + length(9) exceeds writerIndex(20)")));

    ByteBuf answer = channel.readOutbound();
    ErrorMessage error = TcpMessageDecoder.decodeError(answer);
    answer.release();
    assertThat(error.getError().value()).isEqualTo(StatusCodes.Bad_UnexpectedError);
    assertThat(error.getReason()).isEqualTo("An unexpected error occurred.");
  }
}
