package io.twinline.opcua;

import io.twinline.opcua.security.Role;
import io.twinline.opcua.security.Roles;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;
import org.eclipse.milo.opcua.stack.core.types.structured.RequestHeader;
import org.eclipse.milo.opcua.stack.core.types.structured.WriteValue;
import org.eclipse.milo.opcua.stack.transport.server.ServiceRequestContext;

/**
 * Who may write the server's own nodes (everything outside the Twinline namespace, such as
 * {@code Server/ServerDiagnostics/EnabledFlag}): engineers only, as the roles promise (an observer
 * reads, a PLC writes outputs, an engineer does everything).
 *
 * <p>Nobody switches on Milo's session diagnostics: in Milo 1.0.5 they keep every session that
 * timed out in the heap, with its subscriptions, for as long as the server runs (issue 12). A
 * write of {@code true} to the EnabledFlag is answered {@code Bad_NotSupported}.
 */
final class ServerSettings {

  private final OpcUaServer server;
  private final UShort twinlineNamespace;
  private final Roles roles;

  ServerSettings(OpcUaServer server, UShort twinlineNamespace, Roles roles) {
    this.server = server;
    this.twinlineNamespace = twinlineNamespace;
    this.roles = roles;
  }

  /** The check for one Write request. */
  Check check(ServiceRequestContext context, RequestHeader header) {
    return new Check(context, header);
  }

  /** Refusals for the values of one Write request; the session's role is looked up once. */
  final class Check {
    private final ServiceRequestContext context;
    private final RequestHeader header;
    private Role role;
    private boolean looked;

    private Check(ServiceRequestContext context, RequestHeader header) {
      this.context = context;
      this.header = header;
    }

    /** Why {@code value} may not be written, or null to let Milo decide. */
    StatusCode refusal(WriteValue value) {
      if (twinlineNamespace.equals(value.getNodeId().getNamespaceIndex())) {
        return null;
      }
      Role writer = role();
      if (writer == null) {
        return null; // no valid session: Milo answers the request as a whole
      }
      if (writer != Role.ENGINEER) {
        return new StatusCode(StatusCodes.Bad_UserAccessDenied);
      }
      if (NodeIds.Server_ServerDiagnostics_EnabledFlag.equals(value.getNodeId())
          && AttributeId.Value.isEqual(value.getAttributeId())
          && !Boolean.FALSE.equals(value.getValue().value().value())) {
        return new StatusCode(StatusCodes.Bad_NotSupported);
      }
      return null;
    }

    private Role role() {
      if (!looked) {
        looked = true;
        try {
          Session session = server.getSessionManager().getSession(context, header);
          role = roles.of(session);
        } catch (UaException e) {
          role = null;
        }
      }
      return role;
    }
  }
}
