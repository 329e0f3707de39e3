package io.twinline.web;

import io.twinline.line.SignalDefinition;
import io.twinline.sim.run.Command;
import io.twinline.sim.run.LatestValues;
import io.twinline.sim.run.RunnerState;
import io.twinline.sim.run.SimulationRunner;
import io.twinline.sim.run.Snapshot;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The live stream every viewer gets: one fan-out for all of them. Every {@value #FRAME_MILLIS} ms
 * one timer takes what changed from one {@link LatestValues} view of the change feed (the latest
 * value of each signal, and how many times it changed since the last frame, so a 10 ms pulse is
 * never invisible), builds one frame and sends it to every viewer.
 *
 * <p>Each frame has a sequence number; the last {@value #RING} frames are kept, so a viewer that
 * reconnects with {@code ?since=N} gets the frames after N and loses nothing. A viewer that
 * cannot keep up (its socket's write queue is full) gets no frames until it has drained, then
 * one {@code state} message with the latest value of every signal: it is collapsed to the
 * latest state instead of growing a queue, and never holds anybody else back. The same happens
 * to one that resumes from a frame no longer kept.
 *
 * <p>Messages are JSON text: {@code {"type":"frame","seq":..,"simTime":..,"changes":[[id, value,
 * changedAt, edges, forced], ..], ...}} and {@code {"type":"state", "seq":.., "values":[...]}}
 * (see docs/console.md). Event loop only, but {@link #close}.
 */
final class LiveStream {

  static final long FRAME_MILLIS = 50;
  static final int RING = 400;
  static final int WRITE_QUEUE_BYTES = 512 * 1024;

  /** One viewer. */
  private static final class Viewer {
    final ServerWebSocket socket;
    boolean behind;
    long frames;
    long collapsed;

    Viewer(ServerWebSocket socket) {
      this.socket = socket;
    }
  }

  private final Vertx vertx;
  private final Context context;
  private final SimulationRunner runner;
  private final EventLog events;
  private final Trends trends;
  private final SignalDefinition[] definitions;
  private final Object[] values;
  private final long[] times;
  private final boolean[] forced;
  private final String[] ring = new String[RING];
  private final List<Viewer> viewers = new ArrayList<>();
  /** Commands the HTTP API sent itself: it logs them; the journal watch logs the others. */
  private final Set<Command> ours = Collections.newSetFromMap(new IdentityHashMap<>());
  private LatestValues view;
  private long timer = -1;
  private long seq;
  private long simTime = -1;
  private long eventsSent;
  private int journalIndex;
  private boolean viewPending;
  private PlantView fresh;
  private String partsJson = "";
  private String faultsJson = "";
  private JsonObject parts = new JsonObject();
  private JsonArray faults = new JsonArray();
  private String recipe;
  private RunnerState state;
  private boolean stateLogged;
  private long framesBuilt;
  private long bytesBuilt;

  LiveStream(Vertx vertx, Context context, SimulationRunner runner, EventLog events,
      Trends trends) {
    this.vertx = vertx;
    this.context = context;
    this.runner = runner;
    this.events = events;
    this.trends = trends;
    var signals = runner.plant().signals();
    int n = signals.size();
    this.definitions = new SignalDefinition[n];
    for (int i = 0; i < n; i++) {
      definitions[i] = signals.byId(i).definition();
    }
    this.values = new Object[n];
    this.times = new long[n];
    this.forced = new boolean[n];
  }

  void start() {
    view = runner.feed().latest(definitions.length);
    state = runner.state();
    timer = vertx.setPeriodic(FRAME_MILLIS, id -> tick());
  }

  void close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    if (view != null) {
      view.close();
    }
  }

  /** The API is about to send {@code command}: it logs it itself. */
  void ours(Command command) {
    ours.add(command);
  }

  /** The API's command was refused: it never reaches the journal. */
  void notOurs(Command command) {
    ours.remove(command);
  }

  /** The API logged a state change (pause, resume, ...): the next frame need not. */
  void stateLogged() {
    stateLogged = true;
  }

  /** The latest value of signal {@code id} the stream knows, or null before the first frame. */
  Object value(int id) {
    return values[id];
  }

  long changedAt(int id) {
    return times[id];
  }

  int viewers() {
    return viewers.size();
  }

  long framesBuilt() {
    return framesBuilt;
  }

  long bytesBuilt() {
    return bytesBuilt;
  }

  long seq() {
    return seq;
  }

  /** Frames not sent to viewers that were behind, over all viewers now connected. */
  long collapsed() {
    long sum = 0;
    for (Viewer viewer : viewers) {
      sum += viewer.collapsed;
    }
    return sum;
  }

  /** A new viewer; {@code since} is the last frame it saw (0: none). */
  void attach(ServerWebSocket socket, long since) {
    Viewer viewer = new Viewer(socket);
    viewers.add(viewer);
    socket.setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
    socket.closeHandler(v -> viewers.remove(viewer));
    socket.exceptionHandler(e -> viewers.remove(viewer));
    socket.handler(buffer -> { }); // viewers send nothing; their actions go through the API
    socket.drainHandler(v -> {
      if (viewer.behind) {
        viewer.behind = false;
        send(viewer, stateMessage());
      }
    });
    long oldest = Math.max(1, seq - RING + 1);
    if (since > 0 && since <= seq && since + 1 >= oldest) {
      for (long s = since + 1; s <= seq; s++) {
        send(viewer, ring[(int) (s % RING)]);
      }
    } else {
      send(viewer, stateMessage());
    }
  }

  private void tick() {
    requestView();
    LatestValues.Frame frame = view.poll();
    JsonArray changes = new JsonArray();
    for (LatestValues.Latest latest : frame.signals()) {
      int id = latest.id();
      values[id] = latest.value();
      times[id] = latest.time();
      forced[id] = latest.forced();
      trends.record(id, latest.value(), latest.time(), latest.changes());
      changes.add(new JsonArray().add(id).add(SignalJson.value(latest.value()))
          .add(latest.time()).add(latest.changes()).add(latest.forced()));
    }
    boolean changed = !changes.isEmpty();
    JsonObject message = new JsonObject().put("type", "frame");
    PlantView plant = fresh;
    fresh = null;
    if (plant != null) {
      changed |= takeView(plant, message);
    }
    RunnerState now = runner.state();
    if (now != state) {
      if (!stateLogged) {
        events.add(runner.simTime(), "state", "the simulation is " + stateName(now), "line");
      }
      state = now;
      changed = true;
    }
    stateLogged = false;
    List<EventLog.Event> news = events.since(eventsSent);
    eventsSent = events.last();
    if (!news.isEmpty()) {
      JsonArray list = new JsonArray();
      news.forEach(e -> list.add(e.toJson()));
      message.put("events", list);
      changed = true;
    }
    long time = runner.simTime();
    if (!changed && time == simTime) {
      return;
    }
    simTime = time;
    seq++;
    header(message);
    message.put("changes", changes);
    String text = message.encode();
    ring[(int) (seq % RING)] = text;
    framesBuilt++;
    bytesBuilt += text.length();
    for (Viewer viewer : List.copyOf(viewers)) {
      if (viewer.socket.isClosed()) {
        viewers.remove(viewer); // closed under us: its close handler has not run yet
      } else if (viewer.behind) {
        viewer.collapsed++;
      } else if (viewer.socket.writeQueueFull()) {
        viewer.behind = true;
        viewer.collapsed++;
      } else {
        viewer.frames++;
        send(viewer, text);
      }
    }
  }

  /**
   * Sends one message; a viewer whose socket has closed under it (its close handler not yet
   * run) is dropped, and everybody else is served as usual.
   */
  private void send(Viewer viewer, String text) {
    if (viewer.socket.isClosed()) {
      viewers.remove(viewer);
      return;
    }
    try {
      viewer.socket.writeTextMessage(text);
    } catch (IllegalStateException closed) {
      viewers.remove(viewer);
    }
  }

  /** Asks the simulation thread for parts, faults and commands, unless a request is out. */
  private void requestView() {
    if (viewPending || runner.state() == RunnerState.STOPPED
        || runner.state() == RunnerState.FAILED) {
      return;
    }
    viewPending = true;
    int from = journalIndex;
    boolean withParts = !viewers.isEmpty();
    Future.fromCompletionStage(
            runner.call(p -> PlantView.read(p, runner.session(), from, withParts)), context)
        .onComplete(result -> {
          viewPending = false;
          if (result.succeeded()) {
            fresh = result.result();
          }
        });
  }

  /** Takes a view of the plant into the frame; whether anything in it changed. */
  private boolean takeView(PlantView plant, JsonObject message) {
    boolean changed = false;
    journalIndex = plant.journalSize();
    if (plant.reset()) {
      trends.clear();
    }
    for (Snapshot.JournalEntry entry : plant.commands()) {
      if (!ours.remove(entry.command())) {
        events.add(entry.time(), PlantView.kindOf(entry.command()), entry.command().describe(),
            "another client");
      }
    }
    if (!plant.parts().isEmpty()) {
      JsonObject now = plant.partsJson();
      String text = now.encode();
      if (!text.equals(partsJson)) {
        partsJson = text;
        parts = now;
        message.put("parts", now);
        changed = true;
      }
    }
    JsonArray nowFaults = PlantView.faultsJson(plant.faults());
    String text = nowFaults.encode();
    if (!text.equals(faultsJson)) {
      faultsJson = text;
      faults = nowFaults;
      message.put("faults", nowFaults);
      changed = true;
    }
    String nowRecipe = plant.recipe().orElse(null);
    if (!java.util.Objects.equals(nowRecipe, recipe)) {
      recipe = nowRecipe;
      message.put("recipe", recipe);
      changed = true;
    }
    return changed;
  }

  private void header(JsonObject message) {
    message.put("seq", seq)
        .put("simTime", simTime)
        .put("wall", System.currentTimeMillis())
        .put("state", stateName(runner.state()))
        .put("speed", runner.speedFactor())
        .put("lag", runner.lagNanos());
  }

  /** Every signal's latest value, the parts, faults, recipe and the last events. */
  String stateMessage() {
    JsonObject message = new JsonObject().put("type", "state");
    long time = simTime < 0 ? runner.simTime() : simTime;
    message.put("seq", seq).put("simTime", time).put("wall", System.currentTimeMillis())
        .put("state", stateName(runner.state())).put("speed", runner.speedFactor())
        .put("lag", runner.lagNanos());
    JsonArray all = new JsonArray();
    for (int id = 0; id < values.length; id++) {
      if (values[id] != null) {
        all.add(new JsonArray().add(id).add(SignalJson.value(values[id])).add(times[id]).add(0)
            .add(forced[id]));
      }
    }
    message.put("values", all).put("parts", parts).put("faults", faults).put("recipe", recipe);
    JsonArray recent = new JsonArray();
    List<EventLog.Event> last = events.since(Math.max(0, eventsSent - 200));
    last.stream().filter(e -> e.seq() <= eventsSent).forEach(e -> recent.add(e.toJson()));
    message.put("events", recent);
    return message.encode();
  }

  static String stateName(RunnerState state) {
    return switch (state) {
      case NEW, RUNNING -> "running";
      default -> state.name().toLowerCase(Locale.ROOT);
    };
  }
}
