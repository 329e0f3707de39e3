package io.twinline.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A viewer of the live stream: a real WebSocket client that keeps every message it gets. */
final class StreamViewer implements AutoCloseable {

  final List<JsonObject> messages = new CopyOnWriteArrayList<>();
  final WebSocket socket;
  private final WebSocketClient client;

  StreamViewer(Vertx vertx, int port, String uri) throws Exception {
    // a frame of a large line is a long message (sent as several WebSocket frames)
    client = vertx.createWebSocketClient(new io.vertx.core.http.WebSocketClientOptions()
        .setMaxMessageSize(64 << 20));
    // the handler before the connection: the server sends its first message at once
    socket = client.webSocket().textMessageHandler(text -> messages.add(new JsonObject(text)))
        .connect(new WebSocketConnectOptions().setPort(port).setHost("127.0.0.1").setURI(uri))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  List<JsonObject> frames() {
    return messages.stream().filter(m -> m.getString("type").equals("frame")).toList();
  }

  long lastSeq() {
    return messages.isEmpty() ? 0 : messages.get(messages.size() - 1).getLong("seq");
  }

  /** The changes of signal {@code id} in every frame so far: [value, time, edges, forced]. */
  List<JsonArray> changesOf(int id) {
    return frames().stream().flatMap(f -> f.getJsonArray("changes").stream())
        .map(JsonArray.class::cast).filter(c -> c.getInteger(0) == id).toList();
  }

  /** The last value of signal {@code id} the viewer has seen, from states and frames. */
  Object valueOf(int id) {
    Object value = null;
    for (JsonObject message : messages) {
      JsonArray list = message.getJsonArray(message.getString("type").equals("state")
          ? "values" : "changes");
      for (Object entry : list) {
        JsonArray change = (JsonArray) entry;
        if (change.getInteger(0) == id) {
          value = change.getValue(1);
        }
      }
    }
    return value;
  }

  @Override
  public void close() throws Exception {
    socket.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    client.close();
  }
}
