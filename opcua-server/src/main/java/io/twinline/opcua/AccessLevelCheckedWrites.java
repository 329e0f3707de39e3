package io.twinline.opcua;

import io.twinline.opcua.namespace.LineNamespace;
import io.twinline.opcua.security.Roles;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.servicesets.AttributeServiceSet;
import org.eclipse.milo.opcua.sdk.server.servicesets.impl.DefaultAttributeServiceSet;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.DiagnosticInfo;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryReadRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryReadResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryUpdateRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryUpdateResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.ResponseHeader;
import org.eclipse.milo.opcua.stack.core.types.structured.WriteRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.WriteResponse;
import org.eclipse.milo.opcua.stack.transport.server.ServiceRequestContext;

/**
 * Milo's attribute services with two changes: a write of a signal that is not writable at all
 * (an input) is answered {@code Bad_NotWritable}, as OPC UA Part 4 asks, before the user's rights
 * are looked at; and a write outside the Twinline namespace (the server's own settings) is the
 * engineer's alone ({@code Bad_UserAccessDenied} for observers and PLCs), see {@link
 * ServerSettings}.
 *
 * <p>Milo checks the UserAccessLevel first and would answer {@code Bad_UserAccessDenied} for an
 * input, which sends an engineer looking for a permissions problem that is not there. Everything
 * else goes to Milo unchanged, in the client's order.
 */
final class AccessLevelCheckedWrites implements AttributeServiceSet {

  private final OpcUaServer server;
  private final LineNamespace namespace;
  private final AttributeServiceSet milo;
  private final ServerSettings settings;

  AccessLevelCheckedWrites(OpcUaServer server, LineNamespace namespace, Roles roles) {
    this.server = server;
    this.namespace = namespace;
    this.milo = new DefaultAttributeServiceSet(server);
    this.settings = new ServerSettings(server, namespace.getNamespaceIndex(), roles);
  }

  @Override
  public ReadResponse onRead(ServiceRequestContext context, ReadRequest request)
      throws UaException {
    return milo.onRead(context, request);
  }

  @Override
  public HistoryReadResponse onHistoryRead(
      ServiceRequestContext context, HistoryReadRequest request) throws UaException {
    return milo.onHistoryRead(context, request);
  }

  @Override
  public HistoryUpdateResponse onHistoryUpdate(
      ServiceRequestContext context, HistoryUpdateRequest request) throws UaException {
    return milo.onHistoryUpdate(context, request);
  }

  @Override
  public WriteResponse onWrite(ServiceRequestContext context, WriteRequest request)
      throws UaException {
    var nodesToWrite = request.getNodesToWrite();
    if (nodesToWrite == null
        || nodesToWrite.length == 0
        || nodesToWrite.length > server.getConfig().getLimits().getMaxNodesPerWrite().intValue()) {
      return milo.onWrite(context, request);
    }
    StatusCode[] results = new StatusCode[nodesToWrite.length];
    List<Integer> passedOn = new ArrayList<>();
    List<org.eclipse.milo.opcua.stack.core.types.structured.WriteValue> rest = new ArrayList<>();
    ServerSettings.Check settingsCheck = settings.check(context, request.getRequestHeader());
    for (int i = 0; i < nodesToWrite.length; i++) {
      var value = nodesToWrite[i];
      StatusCode refused = settingsCheck.refusal(value);
      if (refused != null) {
        results[i] = refused;
      } else if (AttributeId.Value.isEqual(value.getAttributeId())
          && namespace.isReadOnlySignal(value.getNodeId())) {
        results[i] = new StatusCode(StatusCodes.Bad_NotWritable);
      } else {
        passedOn.add(i);
        rest.add(value);
      }
    }
    if (rest.size() == nodesToWrite.length) {
      return milo.onWrite(context, request);
    }
    if (!rest.isEmpty()) {
      WriteResponse response =
          milo.onWrite(
              context,
              new WriteRequest(
                  request.getRequestHeader(),
                  rest.toArray(
                      new org.eclipse.milo.opcua.stack.core.types.structured.WriteValue[0])));
      StatusCode[] partial = response.getResults();
      for (int j = 0; j < passedOn.size(); j++) {
        results[passedOn.get(j)] = partial[j];
      }
    }
    ResponseHeader header =
        new ResponseHeader(
            DateTime.now(),
            request.getRequestHeader().getRequestHandle(),
            StatusCode.GOOD,
            null,
            null,
            null);
    return new WriteResponse(header, results, new DiagnosticInfo[0]);
  }
}
