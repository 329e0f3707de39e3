package io.twinline.opcua;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import org.eclipse.milo.opcua.stack.core.types.UaRequestMessageType;
import org.eclipse.milo.opcua.stack.core.types.UaResponseMessageType;
import io.twinline.opcua.namespace.DeferredCalls;
import org.eclipse.milo.opcua.stack.core.types.structured.CallRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.WriteRequest;
import org.eclipse.milo.opcua.stack.transport.server.OpcServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.ServerApplicationContext;
import org.eclipse.milo.opcua.stack.transport.server.ServiceRequestContext;

/**
 * Milo's TCP transport with one change: the Write and Call requests of one connection are handled
 * one after the other, in the order they arrived.
 *
 * <p>Milo hands every request to a thread pool as it arrives, so two writes a PLC sends back to
 * back (without waiting for the first answer) can reach the simulation in either order, and a
 * {@code Step} can overtake the writes sent before it. A PLC expects its last write to win and its
 * outputs to be applied before the time step it asks for; this keeps that promise. Reads, browses
 * and publishes are not held up.
 */
final class OrderedWritesTransport implements OpcServerTransport {

  private static final AttributeKey<CompletableFuture<?>> LAST =
      AttributeKey.valueOf("twinline.lastOrderedRequest");

  private final OpcServerTransport delegate;
  private final DeferredCalls deferredCalls;

  /**
   * @param deferredCalls method results that are ready after Milo's answer: a Call's response is
   *     sent once they are in it ({@link DeferredCalls#settle}), and the connection's next write
   *     or call waits until then, without holding a thread
   */
  OrderedWritesTransport(OpcServerTransport delegate, DeferredCalls deferredCalls) {
    this.delegate = delegate;
    this.deferredCalls = deferredCalls;
  }

  @Override
  public void bind(ServerApplicationContext applicationContext, InetSocketAddress bindAddress)
      throws Exception {
    delegate.bind(new Ordering(applicationContext, deferredCalls), bindAddress);
  }

  @Override
  public void unbind() throws Exception {
    delegate.unbind();
  }

  private record Ordering(ServerApplicationContext server, DeferredCalls deferredCalls)
      implements ForwardingApplicationContext {

    /** Never 0 (Milo already starts at a random id in [1, 2^31) and wraps to 1). */
    @Override
    public Long getNextSecureChannelId() {
      long id = server.getNextSecureChannelId();
      return id == 0 ? 1L : id;
    }

    /**
     * 1, 2, ... wrapping after 2^32 - 1 back to 1. Milo counts from 0, and open62541 1.3 clients
     * take token id 0 for "no token" and drop the first channel after every server start.
     */
    @Override
    public Long getNextSecureChannelTokenId() {
      return server.getNextSecureChannelTokenId() % 0xFFFF_FFFFL + 1;
    }

    /** Called on the connection's event loop thread, in the order the requests arrived. */
    @Override
    public CompletableFuture<UaResponseMessageType> handleServiceRequest(
        ServiceRequestContext context, UaRequestMessageType request) {
      if (!(request instanceof WriteRequest || request instanceof CallRequest)) {
        return server.handleServiceRequest(context, request);
      }
      Channel channel = context.getChannel();
      CompletableFuture<?> previous = channel.attr(LAST).get();
      CompletableFuture<UaResponseMessageType> response;
      if (previous == null || previous.isDone()) {
        response = settled(context, request);
      } else {
        response =
            previous
                .handle((ignored, failure) -> null)
                .thenCompose(ignored -> settled(context, request));
      }
      channel.attr(LAST).set(response);
      return response;
    }

    /** Milo's answer, with the deferred results of a Call in it. */
    private CompletableFuture<UaResponseMessageType> settled(
        ServiceRequestContext context, UaRequestMessageType request) {
      CompletableFuture<UaResponseMessageType> response =
          server.handleServiceRequest(context, request);
      if (!(request instanceof CallRequest call)) {
        return response;
      }
      return response
          .whenComplete((r, failure) -> {
            if (failure != null || !(r instanceof CallResponse)) {
              deferredCalls.forget(call); // nothing to settle: do not keep what was deferred
            }
          })
          .thenCompose(r -> r instanceof CallResponse answer
              ? deferredCalls.settle(call, answer).thenApply(settled -> settled)
              : CompletableFuture.completedFuture(r));
    }
  }
}
