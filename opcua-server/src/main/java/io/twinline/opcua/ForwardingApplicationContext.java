package io.twinline.opcua;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.milo.opcua.stack.core.encoding.EncodingContext;
import org.eclipse.milo.opcua.stack.core.security.CertificateManager;
import org.eclipse.milo.opcua.stack.core.types.UaRequestMessageType;
import org.eclipse.milo.opcua.stack.core.types.UaResponseMessageType;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.transport.server.ServerApplicationContext;
import org.eclipse.milo.opcua.stack.transport.server.ServiceRequestContext;

/**
 * Milo's server as its transport sees it, passed on unchanged: the wrappers of the transport
 * (ordered writes, the connection guard) implement this and override only what they change.
 */
public interface ForwardingApplicationContext extends ServerApplicationContext {

  /** The context everything goes on to. */
  ServerApplicationContext server();

  @Override
  default List<EndpointDescription> getEndpointDescriptions() {
    return server().getEndpointDescriptions();
  }

  @Override
  default CertificateManager getCertificateManager() {
    return server().getCertificateManager();
  }

  @Override
  default EncodingContext getEncodingContext() {
    return server().getEncodingContext();
  }

  @Override
  default Long getNextSecureChannelId() {
    return server().getNextSecureChannelId();
  }

  @Override
  default Long getNextSecureChannelTokenId() {
    return server().getNextSecureChannelTokenId();
  }

  @Override
  default CompletableFuture<UaResponseMessageType> handleServiceRequest(
      ServiceRequestContext context, UaRequestMessageType request) {
    return server().handleServiceRequest(context, request);
  }
}
