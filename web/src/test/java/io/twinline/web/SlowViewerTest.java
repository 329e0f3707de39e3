package io.twinline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.twinline.line.LineDefinitions;
import io.twinline.sim.run.TimeMode;
import io.twinline.sim.signal.Signal;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A viewer that stops reading is collapsed to the latest state instead of growing a queue on
 * the server, and a viewer that keeps reading is not held back by it.
 */
class SlowViewerTest {

  private static final String LINE = """
      line: Busy
      components:
        - name: Cell
          type: variables
          variables: [{name: Count, type: Int32, direction: input, count: 3000}]
      """;

  @Test
  void aViewerThatStopsReadingGetsTheLatestStateWhenItReadsAgain() throws Exception {
    try (ConsoleFixture web = new ConsoleFixture(LineDefinitions.parse("busy.yaml", LINE),
        TimeMode.REALTIME, WebOptions.defaults())) {
      // every counter changes every I/O cycle: frames of some 60 KB, 20 a second
      var running = new java.util.concurrent.atomic.AtomicBoolean(true);
      CompletableFuture<Void> load = web.runner.runScript(ctx -> {
        Signal[] counters = ctx.session().plant().signals().all().stream()
            .filter(s -> s.path().component().equals("Cell")).toArray(Signal[]::new);
        int value = 0;
        while (running.get()) {
          value++;
          for (Signal counter : counters) {
            counter.set(value);
          }
          ctx.runUntil(p -> false, ctx.session().ioCycle());
        }
        return null;
      });
      try (StreamViewer slow = new StreamViewer(web.vertx, web.port(), "/api/stream");
          StreamViewer brisk = new StreamViewer(web.vertx, web.port(), "/api/stream")) {
        await().atMost(Duration.ofSeconds(30)).until(() -> slow.messages.size() > 2);
        slow.socket.pause();
        int before = slow.messages.size();

        await().atMost(Duration.ofMinutes(2)).until(() -> collapsed(web) > 0);
        long framesWhileSlow = brisk.frames().size();
        await().atMost(Duration.ofSeconds(30))
            .until(() -> brisk.frames().size() > framesWhileSlow + 5);
        slow.socket.resume();

        await().atMost(Duration.ofMinutes(1)).until(() -> slow.messages.stream()
            .skip(before).anyMatch(m -> m.getString("type").equals("state")));
        JsonObject state = slow.messages.stream().skip(before)
            .filter(m -> m.getString("type").equals("state")).findFirst().orElseThrow();
        assertThat(state.getJsonArray("values").size()).isGreaterThanOrEqualTo(3000);
      } finally {
        running.set(false);
        load.get();
      }
    }
  }

  private static double collapsed(ConsoleFixture web) throws Exception {
    String metrics = web.get("/metrics").bodyAsString();
    return metrics.lines().filter(l -> l.startsWith("twinline_stream_collapsed_frames "))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1))).sum();
  }
}
