package io.twinline.opcua;

import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;

/**
 * Keeps Milo from making a diagnostics object for every session, which in Milo 1.0.5 keeps
 * every session in the heap for as long as the server runs.
 *
 * <p>Milo makes such an object (under {@code Server/ServerDiagnostics/SessionsDiagnosticsSummary})
 * for each new session, whether diagnostics are enabled or not. Its node tree lacks children the
 * code expects, so making it fails halfway (a NullPointerException on Milo's task queue) after
 * its first part has registered an observer on {@code Server/ServerDiagnostics/EnabledFlag}; the
 * half-made object is never shut down, and the observer holds the session, its subscriptions and
 * their monitored items for good. Without the {@code SessionDiagnosticsObjectType} in the address
 * space, Milo refuses to make the object before anything is registered (it logs one warning).
 * Twinline does not offer session diagnostics (see {@link ServerSettings}).
 */
final class NoSessionDiagnostics {

  private NoSessionDiagnostics() {}

  /** Call after the server started, before the first session. */
  static void apply(OpcUaServer server) {
    server.getAddressSpaceManager()
        .getManagedNode(NodeIds.SessionDiagnosticsObjectType)
        .ifPresent(UaNode::delete);
  }
}
