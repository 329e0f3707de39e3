package io.twinline.web;

import io.twinline.line.SignalDefinition;
import io.twinline.line.model.ComponentDefinition;
import io.twinline.line.model.ConveyorDefinition;
import io.twinline.line.model.LineDefinition;
import io.twinline.opcua.security.Role;
import io.twinline.sim.run.RunnerState;
import io.twinline.sim.run.SimulationRunner;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/** The line and its layout, health, the event log and trends. */
final class LineRoutes {

  private final SimulationRunner runner;
  private final Access access;
  private final SignalRoutes signals;
  private final EventLog events;
  private final Trends trends;
  private final LiveStream stream;
  private final String line;

  LineRoutes(SimulationRunner runner, Access access, SignalRoutes signals, EventLog events,
      Trends trends, LiveStream stream) {
    this.runner = runner;
    this.access = access;
    this.signals = signals;
    this.events = events;
    this.trends = trends;
    this.stream = stream;
    this.line = describe(runner).encode();
  }

  void route(Router router) {
    router.get("/api/line").handler(access.require(Role.OBSERVER))
        .handler(rc -> rc.response().putHeader("Content-Type", "application/json").end(line));
    router.get("/api/health").handler(this::health);
    router.get("/api/events").handler(access.require(Role.OBSERVER)).handler(this::events);
    router.get("/api/trends").handler(access.require(Role.OBSERVER)).handler(this::trends);
  }

  private static JsonObject point(double[] xy) {
    return new JsonObject().put("x", xy[0]).put("y", xy[1]);
  }

  /** The definition and layout: what the console draws. */
  static JsonObject describe(SimulationRunner runner) {
    LineDefinition definition = runner.plant().definition();
    Map<String, Layout.Place> places = Layout.of(definition);
    JsonArray components = new JsonArray();
    double width = 0;
    double height = 0;
    for (ComponentDefinition c : definition.components()) {
      Layout.Place place = places.get(c.name());
      JsonObject json = new JsonObject()
          .put("name", c.name())
          .put("type", c.type())
          .put("description", c.description())
          .put("x", place.x()).put("y", place.y())
          .put("width", place.width()).put("height", place.height())
          .put("actions", new JsonArray(c.operatorActions().stream().sorted().map(a -> (Object) a)
              .toList()))
          .put("faults", new JsonArray(c.faults().stream().map(f -> (Object) f.keyword())
              .sorted().toList()))
          .put("signals", new JsonArray(c.signals().stream()
              .map(s -> (Object) s.path().toString()).toList()));
      Layout.target(c).ifPresent(t -> json.put("to", t));
      place.conveyor().ifPresent(on -> json.put("conveyor", on).put("position", place.position()));
      if (c instanceof ConveyorDefinition belt) {
        json.put("length", belt.length());
      }
      double[] bounds = place.bounds();
      json.put("placed", place.placed())
          .put("in", point(place.in())).put("out", point(place.out()))
          .put("bounds", new JsonObject().put("x", bounds[0]).put("y", bounds[1])
              .put("width", bounds[2]).put("height", bounds[3]));
      if (place.angle() != 0) {
        json.put("rotate", new JsonObject().put("angle", place.angle())
            .put("x", place.pivotX()).put("y", place.pivotY()));
      }
      components.add(json);
      width = Math.max(width, bounds[0] + bounds[2] + 20);
      height = Math.max(height, bounds[1] + bounds[3] + 20);
    }
    JsonArray signals = new JsonArray();
    var registry = runner.plant().signals();
    for (int id = 0; id < registry.size(); id++) {
      SignalDefinition s = registry.byId(id).definition();
      signals.add(SignalJson.definition(id, s));
    }
    return new JsonObject()
        .put("name", definition.name())
        .put("description", definition.description())
        .put("ioCycle", definition.ioCycle().toNanos())
        .put("mode", runner.mode().keyword())
        .put("width", width).put("height", height)
        .put("components", components)
        .put("signals", signals)
        .put("recipes", new JsonArray(definition.recipes().stream().map(r -> (Object) r.name())
            .toList()));
  }

  private void health(RoutingContext rc) {
    RunnerState state = runner.state();
    boolean up = state != RunnerState.FAILED && state != RunnerState.STOPPED;
    JsonObject body = ControlRoutes.status(runner).put("status", up ? "up" : "down")
        .put("viewers", stream.viewers());
    Replies.json(rc, up ? 200 : 503, body);
  }

  /** {@code GET /api/events?since=N}: the events after N still kept. */
  private void events(RoutingContext rc) {
    long since = 0;
    String given = rc.queryParams().get("since");
    if (given != null) {
      try {
        since = Long.parseLong(given);
      } catch (NumberFormatException e) {
        HttpProblem.send(rc, 400, "since is an event number, not '" + given + "'", "since");
        return;
      }
    }
    JsonArray list = new JsonArray();
    events.since(since).forEach(e -> list.add(e.toJson()));
    Replies.json(rc, 200, new JsonObject().put("last", events.last()).put("events", list));
  }

  /**
   * {@code GET /api/trends?signal=A/B&signal=C&window=120&points=400}: the last {@code window}
   * simulated seconds (default 120) of each signal, decimated to about {@code points} samples
   * (default 400, at most 4000). A signal is recorded from the first time it is asked for.
   */
  private void trends(RoutingContext rc) {
    var names = rc.queryParams().getAll("signal");
    if (names.isEmpty()) {
      HttpProblem.send(rc, 400, "name one or more signals: ?signal=Infeed/MotorOn", "signal");
      return;
    }
    double window;
    int points;
    try {
      window = Double.parseDouble(rc.queryParams().get("window") == null ? "120"
          : rc.queryParams().get("window"));
      points = Integer.parseInt(rc.queryParams().get("points") == null ? "400"
          : rc.queryParams().get("points"));
    } catch (NumberFormatException e) {
      HttpProblem.send(rc, 400, "window (seconds) and points are numbers", "window");
      return;
    }
    if (!(window > 0) || points < 2 || points > 4000) {
      HttpProblem.send(rc, 400, "window is more than 0 s and points 2..4000", "points");
      return;
    }
    long to = runner.simTime();
    long from = Math.max(0, to - (long) (window * 1e9));
    JsonObject out = new JsonObject();
    for (String name : names) {
      int id = signals.resolve(name);
      if (id < 0) {
        HttpProblem.send(rc, 404, "there is no signal '" + name + "'", "signal");
        return;
      }
      if (!trends.track(id, stream.value(id), stream.changedAt(id))) {
        HttpProblem.send(rc, 409, "at most " + Trends.MAX_SIGNALS + " signals are charted at"
            + " once", "signal");
        return;
      }
      out.put(signals.definition(id).path().toString(), trends.samples(id, from, to, points));
    }
    Replies.json(rc, 200, new JsonObject().put("from", from).put("to", to).put("series", out));
  }
}
