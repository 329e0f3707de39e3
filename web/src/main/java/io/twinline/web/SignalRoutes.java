package io.twinline.web;

import io.twinline.line.SignalDefinition;
import io.twinline.opcua.security.Role;
import io.twinline.sim.run.Command;
import io.twinline.sim.run.Force;
import io.twinline.sim.run.Release;
import io.twinline.sim.run.SetSignal;
import io.twinline.sim.run.SimulationRunner;
import io.twinline.sim.signal.Signal;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /api/signals}: every signal with its value, one signal, a write or force, a release,
 * and a batch of writes with a result per item. A signal is named by its path
 * ({@code Infeed/MotorOn}) or its tag ({@code Q_Infeed_Run}).
 */
final class SignalRoutes {

  /** A signal as read on the simulation thread. */
  record Reading(int id, SignalDefinition definition, Object value, long changedAt,
      boolean forced, boolean faulted) {

    JsonObject toJson() {
      return SignalJson.definition(id, definition)
          .put("value", SignalJson.value(value))
          .put("changedAt", changedAt)
          .put("forced", forced)
          .put("faulted", faulted);
    }
  }

  private final SimulationRunner runner;
  private final Context context;
  private final Access access;
  private final Replies replies;
  private final SignalDefinition[] definitions;
  private final Map<String, Integer> byName = new HashMap<>();

  SignalRoutes(SimulationRunner runner, Context context, Access access, Replies replies) {
    this.runner = runner;
    this.context = context;
    this.access = access;
    this.replies = replies;
    var signals = runner.plant().signals();
    definitions = new SignalDefinition[signals.size()];
    for (int id = 0; id < definitions.length; id++) {
      SignalDefinition definition = signals.byId(id).definition();
      definitions[id] = definition;
      byName.put(definition.path().toString(), id);
      int index = id;
      definition.tag().ifPresent(tag -> byName.putIfAbsent(tag, index));
    }
  }

  private static final String ONE = "/api/signals/(?<name>[^/]+(?:/[^/]+)?)";

  void route(Router router) {
    router.get("/api/signals").handler(access.require(Role.OBSERVER)).handler(this::list);
    router.put("/api/signals").handler(access.require(Role.PLC)).handler(this::batch);
    router.deleteWithRegex(ONE + "/force").handler(access.require(Role.ENGINEER))
        .handler(this::release);
    router.getWithRegex(ONE).handler(access.require(Role.OBSERVER)).handler(this::one);
    router.putWithRegex(ONE).handler(access.require(Role.PLC)).handler(this::put);
  }

  /** The id of the signal named {@code name} (path or tag, URL-decoded), or -1. */
  int resolve(String name) {
    if (name == null) {
      return -1;
    }
    String decoded = URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
    Integer id = byName.get(decoded);
    return id == null ? -1 : id;
  }

  SignalDefinition definition(int id) {
    return definitions[id];
  }

  private void list(RoutingContext rc) {
    String component = rc.queryParams().get("component");
    String direction = rc.queryParams().get("direction");
    String name = rc.queryParams().get("name");
    if (direction != null && !direction.equals("input") && !direction.equals("output")) {
      HttpProblem.send(rc, 400, "direction is input or output, not '" + direction + "'",
          "direction");
      return;
    }
    String needle = name == null ? null : name.toLowerCase(Locale.ROOT);
    List<Integer> ids = new ArrayList<>();
    for (int id = 0; id < definitions.length; id++) {
      SignalDefinition d = definitions[id];
      if (component != null && !d.path().component().equals(component)) {
        continue;
      }
      if (direction != null && !d.direction().name().equalsIgnoreCase(direction)) {
        continue;
      }
      if (needle != null && !d.path().toString().toLowerCase(Locale.ROOT).contains(needle)
          && !d.tag().map(t -> t.toLowerCase(Locale.ROOT).contains(needle)).orElse(false)) {
        continue;
      }
      ids.add(id);
    }
    read(ids).onComplete(result -> {
      if (result.failed()) {
        HttpProblem.send(rc, 503, "the simulation stopped: " + result.cause().getMessage(), null);
        return;
      }
      JsonArray signals = new JsonArray();
      result.result().forEach(r -> signals.add(r.toJson()));
      Replies.json(rc, 200, new JsonObject().put("simTime", runner.simTime())
          .put("count", signals.size()).put("signals", signals));
    });
  }

  private Future<List<Reading>> read(List<Integer> ids) {
    CompletableFuture<List<Reading>> readings = runner.call(plant -> {
      List<Reading> list = new ArrayList<>(ids.size());
      for (int id : ids) {
        Signal s = plant.signals().byId(id);
        list.add(new Reading(id, s.definition(), s.plcValue(), s.changedAt(), s.isForced(),
            s.isFaulted()));
      }
      return list;
    });
    return Future.fromCompletionStage(readings, context);
  }

  private void one(RoutingContext rc) {
    int id = resolve(rc.pathParam("name"));
    if (id < 0) {
      notFound(rc);
      return;
    }
    read(List.of(id)).onComplete(result -> {
      if (result.failed()) {
        HttpProblem.send(rc, 503, "the simulation stopped: " + result.cause().getMessage(), null);
        return;
      }
      Replies.json(rc, 200, result.result().get(0).toJson());
    });
  }

  private void notFound(RoutingContext rc) {
    HttpProblem.send(rc, 404, "there is no signal '" + rc.pathParam("name")
        + "'; GET /api/signals lists them (path Component/Signal, or a tag)", "path");
  }

  private void put(RoutingContext rc) {
    int id = resolve(rc.pathParam("name"));
    if (id < 0) {
      notFound(rc);
      return;
    }
    JsonObject body = Replies.body(rc);
    if (body == null) {
      return;
    }
    Item item = item(id, body, "");
    if (item.problem != null) {
      HttpProblem.send(rc, 400, item.problem, item.field);
      return;
    }
    if (item.command instanceof Force && !Access.allows(rc, Role.ENGINEER)) {
      Access.forbid(rc, Role.ENGINEER);
      return;
    }
    replies.command(rc, item.command, "value");
  }

  private void release(RoutingContext rc) {
    int id = resolve(rc.pathParam("name"));
    if (id < 0) {
      notFound(rc);
      return;
    }
    replies.command(rc, new Release(definitions[id].path()), "path");
  }

  /** One item of a write: the command, or what is wrong with it. */
  private record Item(Command command, String problem, String field) {}

  private Item item(int id, JsonObject body, String prefix) {
    for (String key : body.fieldNames()) {
      if (!key.equals("value") && !key.equals("force") && !key.equals("path")) {
        return new Item(null, "unknown field '" + key + "'; a write has value and force",
            prefix + key);
      }
    }
    Object force = body.getValue("force");
    if (force != null && !(force instanceof Boolean)) {
      return new Item(null, "force is true or false, not " + force, prefix + "force");
    }
    if (!body.containsKey("value")) {
      return new Item(null, "value is missing", prefix + "value");
    }
    SignalDefinition definition = definitions[id];
    Object value;
    try {
      value = SignalJson.read(definition, body.getValue("value"));
    } catch (IllegalArgumentException e) {
      return new Item(null, e.getMessage(), prefix + "value");
    }
    Command command = Boolean.TRUE.equals(force) ? new Force(definition.path(), value)
        : new SetSignal(definition.path(), value);
    return new Item(command, null, null);
  }

  /**
   * {@code PUT /api/signals} with {@code {"signals": [{"path": .., "value": .., "force": ..},
   * ..]}}: every item is checked and sent on its own; the answer lists a status per item, in
   * order, so one bad path does not fail the rest.
   */
  private void batch(RoutingContext rc) {
    JsonObject body = Replies.body(rc);
    if (body == null) {
      return;
    }
    Object list = body.getValue("signals");
    if (!(list instanceof JsonArray items)) {
      HttpProblem.send(rc, 400, "signals must be a list of {path, value, force}", "signals");
      return;
    }
    if (items.size() > 10_000) {
      HttpProblem.send(rc, 413, "at most 10000 writes in one batch, not " + items.size(),
          "signals");
      return;
    }
    List<Future<JsonObject>> results = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String prefix = "signals[" + i + "].";
      Object entry = items.getValue(i);
      if (!(entry instanceof JsonObject write)) {
        results.add(Future.succeededFuture(itemProblem(null, 400, "an item is an object",
            "signals[" + i + "]")));
        continue;
      }
      String path = write.getValue("path") instanceof String p ? p : null;
      int id = resolve(path);
      if (id < 0) {
        results.add(Future.succeededFuture(itemProblem(path, 404,
            path == null ? "path is missing" : "there is no signal '" + path + "'",
            prefix + "path")));
        continue;
      }
      Item item = item(id, write, prefix);
      if (item.problem != null) {
        results.add(Future.succeededFuture(itemProblem(path, 400, item.problem, item.field)));
        continue;
      }
      if (item.command instanceof Force && !Access.allows(rc, Role.ENGINEER)) {
        results.add(Future.succeededFuture(itemProblem(path, 403, "forcing needs the role"
            + " engineer", prefix + "force")));
        continue;
      }
      results.add(replies.tracked(rc, item.command)
          .map(outcome -> outcome.isDone()
              ? new JsonObject().put("path", path).put("status", 200)
                  .put("message", outcome.message()).put("simTime", outcome.simTime())
              : itemProblem(path, HttpProblem.statusOf(outcome.refusal()), outcome.message(),
                  HttpProblem.statusOf(outcome.refusal()) == 400 ? prefix + "value" : null)));
    }
    Future.join(results).onComplete(done -> {
      JsonArray answers = new JsonArray();
      int failed = 0;
      for (Future<JsonObject> result : results) {
        JsonObject answer = result.succeeded() ? result.result()
            : itemProblem(null, 503, "the simulation stopped", null);
        if (answer.getInteger("status") != 200) {
          failed++;
        }
        answers.add(answer);
      }
      Replies.json(rc, 200, new JsonObject().put("results", answers)
          .put("done", answers.size() - failed).put("failed", failed));
    });
  }

  private static JsonObject itemProblem(String path, int status, String detail, String field) {
    JsonObject json = new JsonObject().put("path", path).put("status", status)
        .put("detail", detail);
    if (field != null) {
      json.put("field", field);
    }
    return json;
  }
}
