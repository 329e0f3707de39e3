package io.twinline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.twinline.line.SignalPath;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live stream over a real WebSocket: states, frames, edge counts, resume, fan-out. */
class LiveStreamTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private ConsoleFixture web;

  @BeforeEach
  void serve() throws Exception {
    web = ConsoleFixture.stepped();
  }

  @AfterEach
  void stop() {
    web.close();
  }

  private int id(String path) {
    return web.runner.plant().signals().get(SignalPath.parse(path)).id();
  }

  @Test
  void aViewerFirstGetsEverySignalThenFramesNumberedOneByOne() throws Exception {
    try (StreamViewer viewer = new StreamViewer(web.vertx, web.port(), "/api/stream")) {
      await().atMost(PATIENCE).until(() -> viewer.valueOf(id("Belt/MotorOn")) != null);

      web.put("/api/signals/Belt/MotorOn", new JsonObject().put("value", true));
      web.put("/api/signals/Var/Level", new JsonObject().put("value", 12.5));

      await().atMost(PATIENCE).until(() -> Double.valueOf(12.5).equals(
          viewer.valueOf(id("Var/Level"))));
      assertThat(viewer.messages.get(0).getString("type")).isEqualTo("state");
      assertThat(viewer.valueOf(id("Belt/MotorOn"))).isEqualTo(true);
      List<Long> seqs = viewer.frames().stream().map(f -> f.getLong("seq")).toList();
      for (int i = 1; i < seqs.size(); i++) {
        assertThat(seqs.get(i)).isEqualTo(seqs.get(i - 1) + 1);
      }
    }
  }

  @Test
  void everyEdgeBetweenFramesIsCountedSoAPulseIsNeverInvisible() throws Exception {
    AtomicInteger edges = new AtomicInteger();
    int eye = id("Belt/AtEnd");
    AutoCloseable reference = web.runner.feed().lossless("reference", (changes, epoch) -> {
      if (!changes.isSnapshot()) {
        for (int i = 0; i < changes.size(); i++) {
          if (changes.id(i) == eye) {
            edges.incrementAndGet();
          }
        }
      }
    });
    try (StreamViewer viewer = new StreamViewer(web.vertx, web.port(), "/api/stream")) {
      await().atMost(PATIENCE).until(() -> !viewer.messages.isEmpty());
      web.put("/api/signals/Belt/MotorOn", new JsonObject().put("value", true));

      // boxes every 5 s run past the eye at the end of the belt, each a short pulse
      web.post("/api/sim/step", new JsonObject().put("milliseconds", 21_000));

      await().atMost(PATIENCE).until(() -> viewer.changesOf(eye).stream()
          .mapToInt(c -> c.getInteger(3)).sum() == edges.get() && edges.get() > 0);
      assertThat(edges.get() % 2).isZero();
      assertThat(viewer.valueOf(eye)).isEqualTo(false);
    } finally {
      reference.close();
    }
  }

  @Test
  void aViewerThatReconnectsWithTheLastFrameItSawGetsEveryFrameAfterIt() throws Exception {
    long seen;
    try (StreamViewer first = new StreamViewer(web.vertx, web.port(), "/api/stream")) {
      web.put("/api/signals/Var/Level", new JsonObject().put("value", 1.0));
      await().atMost(PATIENCE).until(() -> Double.valueOf(1.0).equals(
          first.valueOf(id("Var/Level"))));
      seen = first.lastSeq();
    }
    web.put("/api/signals/Var/Level", new JsonObject().put("value", 2.0));
    web.put("/api/signals/Var/Level", new JsonObject().put("value", 3.0));

    try (StreamViewer again = new StreamViewer(web.vertx, web.port(),
        "/api/stream?since=" + seen)) {
      await().atMost(PATIENCE).until(() -> Double.valueOf(3.0).equals(
          again.valueOf(id("Var/Level"))));
      assertThat(again.messages).allMatch(m -> m.getString("type").equals("frame"));
      assertThat(again.messages.get(0).getLong("seq")).isEqualTo(seen + 1);
      // both writes, whether they fell into one frame or two: two edges, the last value 3
      assertThat(again.changesOf(id("Var/Level")).stream().mapToInt(c -> c.getInteger(3)).sum())
          .isEqualTo(2);
    }
  }

  @Test
  void aViewerResumingFromAFrameNoLongerKeptGetsTheLatestState() throws Exception {
    try (StreamViewer viewer = new StreamViewer(web.vertx, web.port(),
        "/api/stream?since=999999")) {
      await().atMost(PATIENCE).until(() -> !viewer.messages.isEmpty());

      assertThat(viewer.messages.get(0).getString("type")).isEqualTo("state");
    }
  }

  @Test
  void twoViewersGetTheSameFramesAndEachOthersActionsInTheEventLog() throws Exception {
    try (StreamViewer one = new StreamViewer(web.vertx, web.port(), "/api/stream");
        StreamViewer two = new StreamViewer(web.vertx, web.port(), "/api/stream")) {
      await().atMost(PATIENCE).until(() -> web.console.viewers() == 2);

      web.post("/api/faults", new JsonObject().put("target", "Belt").put("kind", "jam")
          .put("id", "J1"));

      for (StreamViewer viewer : List.of(one, two)) {
        await().atMost(PATIENCE).until(() -> viewer.frames().stream()
            .anyMatch(f -> f.containsKey("faults") && f.getJsonArray("faults").size() == 1));
        await().atMost(PATIENCE).until(() -> viewer.frames().stream()
            .filter(f -> f.containsKey("events"))
            .flatMap(f -> f.getJsonArray("events").stream()).map(JsonObject.class::cast)
            .anyMatch(e -> e.getString("kind").equals("fault")
                && e.getString("text").contains("J1")));
      }
      JsonObject frame = one.frames().get(one.frames().size() - 1);
      JsonObject same = two.frames().stream().filter(f -> f.getLong("seq")
          .equals(frame.getLong("seq"))).findFirst().orElseThrow();
      assertThat(same).isEqualTo(frame);
    }
  }

  @Test
  void whatAnotherClientDidThroughTheControlSurfaceReachesTheEventLog() throws Exception {
    try (StreamViewer viewer = new StreamViewer(web.vertx, web.port(), "/api/stream")) {
      web.runner.control().operate("Start", "press").get();

      await().atMost(PATIENCE).until(() -> viewer.frames().stream()
          .filter(f -> f.containsKey("events"))
          .flatMap(f -> f.getJsonArray("events").stream()).map(JsonObject.class::cast)
          .anyMatch(e -> e.getString("kind").equals("operator")
              && e.getString("by").equals("another client")));
    }
  }

  @Test
  void partsOnTheBeltAreInTheFrames() throws Exception {
    try (StreamViewer viewer = new StreamViewer(web.vertx, web.port(), "/api/stream")) {
      await().atMost(PATIENCE).until(() -> web.console.viewers() == 1);
      web.put("/api/signals/Belt/MotorOn", new JsonObject().put("value", true));
      web.post("/api/sim/step", new JsonObject().put("milliseconds", 1_000));

      await().atMost(PATIENCE).until(() -> viewer.frames().stream()
          .filter(f -> f.containsKey("parts"))
          .map(f -> f.getJsonObject("parts").getJsonArray("Belt"))
          .anyMatch(p -> p != null && !p.isEmpty()));
      JsonArray belt = viewer.frames().stream().filter(f -> f.containsKey("parts"))
          .reduce((a, b) -> b).orElseThrow().getJsonObject("parts").getJsonArray("Belt");
      assertThat(belt.getDouble(0)).isBetween(0.0, 2.0);
    }
  }
}
