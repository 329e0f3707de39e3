package io.twinline.opcua;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Drops Milo's warning for each endpoint it could not bind, each with the whole stack trace of
 * the {@code BindException} (about 950 lines when a port is taken, one block per endpoint and
 * security policy). {@code TwinlineServer} finds out why the port cannot be used and {@code
 * twinline serve} says so in one line; Milo's other warnings still show.
 */
public final class BindFailureFilter extends Filter<ILoggingEvent> {

  static final String MILO_SERVER = "org.eclipse.milo.opcua.sdk.server.OpcUaServer";

  @Override
  public FilterReply decide(ILoggingEvent event) {
    String message = event.getMessage();
    return MILO_SERVER.equals(event.getLoggerName()) && message != null
            && message.startsWith("Failed to bind endpoint")
        ? FilterReply.DENY
        : FilterReply.NEUTRAL;
  }
}
