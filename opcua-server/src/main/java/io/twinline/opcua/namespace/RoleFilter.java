package io.twinline.opcua.namespace;

import io.twinline.opcua.security.Role;
import io.twinline.opcua.security.Roles;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilter;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilterContext;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;

/**
 * What a session may do with a node, by its role: an observer's UserAccessLevel has no write, a
 * method's UserExecutable is true for engineers only. Milo's access checks read these attributes,
 * so writes and calls of the wrong role get {@code Bad_UserAccessDenied}.
 */
final class RoleFilter implements AttributeFilter {

  private final Roles roles;

  RoleFilter(Roles roles) {
    this.roles = roles;
  }

  @Override
  public Object getAttribute(AttributeFilterContext ctx, AttributeId attributeId) {
    Object value = ctx.getAttribute(attributeId);
    Session session = ctx.getSession().orElse(null);
    if (session == null) {
      return value;
    }
    Role role = roles.of(session);
    if (attributeId == AttributeId.UserAccessLevel && value instanceof UByte level) {
      if (role.canWrite()) {
        return level;
      }
      Set<AccessLevel> levels = EnumSet.noneOf(AccessLevel.class);
      levels.addAll(AccessLevel.fromValue(level));
      levels.remove(AccessLevel.CurrentWrite);
      return AccessLevel.toValue(levels);
    }
    if (attributeId == AttributeId.UserExecutable && value instanceof Boolean executable) {
      return executable && role.canCallMethods();
    }
    return value;
  }

  /**
   * Passes a client's write on down the chain as a write. (The interface's default turns it into
   * a plain set, which would skip the {@link SignalWriteFilter} behind this filter.)
   */
  @Override
  public void writeAttribute(AttributeFilterContext ctx, AttributeId attributeId, Object value)
      throws UaException {
    ctx.writeAttribute(attributeId, value);
  }
}
