package io.twinline.opcua;

import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.servicesets.SessionServiceSet;
import org.eclipse.milo.opcua.sdk.server.servicesets.impl.DefaultSessionServiceSet;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.structured.ActivateSessionRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.ActivateSessionResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.CancelRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CancelResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.CloseSessionRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CloseSessionResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.CreateSessionRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CreateSessionResponse;
import org.eclipse.milo.opcua.stack.transport.server.ServiceRequestContext;

/**
 * Milo's session services with one change: a CreateSession asking for a session timeout that is
 * not a number gets the server's longest session timeout instead.
 *
 * <p>Milo clamps the requested timeout to [5 s, max] with {@code Math.min}/{@code Math.max},
 * which let NaN through to a rounding that throws {@code ArithmeticException} on a worker thread:
 * the request was never answered and the client waited for its own timeout. Negative and infinite
 * timeouts are clamped by Milo already (to 5 s and to the maximum).
 */
final class RevisedSessionTimeouts implements SessionServiceSet {

  private final OpcUaServer server;
  private final SessionServiceSet milo;

  RevisedSessionTimeouts(OpcUaServer server) {
    this.server = server;
    this.milo = new DefaultSessionServiceSet(server);
  }

  @Override
  public CreateSessionResponse onCreateSession(
      ServiceRequestContext context, CreateSessionRequest request) throws UaException {
    Double requested = request.getRequestedSessionTimeout();
    if (requested != null && !requested.isNaN()) {
      return milo.onCreateSession(context, request);
    }
    return milo.onCreateSession(
        context,
        new CreateSessionRequest(
            request.getRequestHeader(),
            request.getClientDescription(),
            request.getServerUri(),
            request.getEndpointUrl(),
            request.getSessionName(),
            request.getClientNonce(),
            request.getClientCertificate(),
            server.getConfig().getLimits().getMaxSessionTimeout(),
            request.getMaxResponseMessageSize()));
  }

  @Override
  public ActivateSessionResponse onActivateSession(
      ServiceRequestContext context, ActivateSessionRequest request) throws UaException {
    return milo.onActivateSession(context, request);
  }

  @Override
  public CloseSessionResponse onCloseSession(
      ServiceRequestContext context, CloseSessionRequest request) throws UaException {
    return milo.onCloseSession(context, request);
  }

  @Override
  public CancelResponse onCancel(ServiceRequestContext context, CancelRequest request)
      throws UaException {
    return milo.onCancel(context, request);
  }
}
