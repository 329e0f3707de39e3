package io.twinline.opcua;

import java.util.Optional;

/**
 * Where the OPC UA server listens and how it names itself. Immutable; each {@code withX} returns
 * a new object.
 *
 * @param bindAddress the address to listen on; {@code 0.0.0.0} for all
 * @param port the TCP port; 0 picks a free one (see {@link TwinlineServer#port()})
 * @param path the endpoint path, e.g. {@code /twinline}
 * @param hostname the host name put into endpoint URLs; empty for this machine's name
 */
public record ServerOptions(String bindAddress, int port, String path, Optional<String> hostname) {

  public static final int DEFAULT_PORT = 4840;

  public ServerOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    path = path.startsWith("/") ? path : "/" + path;
  }

  public static ServerOptions defaults() {
    return new ServerOptions("0.0.0.0", DEFAULT_PORT, "/twinline", Optional.empty());
  }

  public ServerOptions withPort(int newPort) {
    return new ServerOptions(bindAddress, newPort, path, hostname);
  }

  public ServerOptions withBindAddress(String address) {
    return new ServerOptions(address, port, path, hostname);
  }

  public ServerOptions withHostname(String name) {
    return new ServerOptions(bindAddress, port, path, Optional.ofNullable(name));
  }
}
