package io.twinline.web;

import io.twinline.line.fault.FaultParameters;
import io.twinline.line.fault.FaultSpec;
import io.twinline.line.model.LineDefinition;
import io.twinline.line.model.RecipeDefinition;
import io.twinline.opcua.security.Role;
import io.twinline.sim.run.ClearFault;
import io.twinline.sim.run.InjectFault;
import io.twinline.sim.run.LineControl;
import io.twinline.sim.run.LoadRecipe;
import io.twinline.sim.run.Operate;
import io.twinline.sim.run.SimulationRunner;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an engineer steers: faults, time (pause, resume, reset, step, speed), recipes and the
 * operator devices. Each request goes through the control surface, as OPC UA's methods do.
 */
final class ControlRoutes {

  private final SimulationRunner runner;
  private final Context context;
  private final Access access;
  private final Replies replies;
  private final LineControl control;
  private int faultNumber;

  ControlRoutes(SimulationRunner runner, Context context, Access access, Replies replies) {
    this.runner = runner;
    this.context = context;
    this.access = access;
    this.replies = replies;
    this.control = runner.control();
  }

  void route(Router router) {
    router.get("/api/faults").handler(access.require(Role.OBSERVER)).handler(this::faults);
    router.post("/api/faults").handler(access.require(Role.ENGINEER)).handler(this::inject);
    router.delete("/api/faults").handler(access.require(Role.ENGINEER)).handler(this::clearAll);
    router.delete("/api/faults/:id").handler(access.require(Role.ENGINEER)).handler(this::clear);
    router.get("/api/sim").handler(access.require(Role.OBSERVER)).handler(this::sim);
    router.post("/api/sim/:action").handler(access.require(Role.ENGINEER)).handler(this::steer);
    router.put("/api/sim/speed").handler(access.require(Role.ENGINEER)).handler(this::speed);
    router.get("/api/recipes").handler(access.require(Role.OBSERVER)).handler(this::recipes);
    router.post("/api/recipes/:name/load").handler(access.require(Role.ENGINEER))
        .handler(rc -> replies.command(rc, new LoadRecipe(rc.pathParam("name")), "name"));
    router.post("/api/operate").handler(access.require(Role.ENGINEER)).handler(this::operate);
  }

  private void faults(RoutingContext rc) {
    Future.fromCompletionStage(runner.call(plant -> new Object[] {
        List.copyOf(plant.faults().active()), plant.faults().pending()}), context)
        .onComplete(result -> {
          if (result.failed()) {
            HttpProblem.send(rc, 503, "the simulation stopped", null);
            return;
          }
          @SuppressWarnings("unchecked")
          var active = (List<io.twinline.sim.fault.ActiveFault>) result.result()[0];
          @SuppressWarnings("unchecked")
          var pending = (List<String>) result.result()[1];
          Replies.json(rc, 200, new JsonObject().put("active", PlantView.faultsJson(active))
              .put("pending", new JsonArray(new ArrayList<>(pending))));
        });
  }

  /**
   * {@code POST /api/faults} with {@code {"target": "Infeed", "kind": "jam", "parameters":
   * {"duration": "10 s"}}}; the id is the parameters' {@code id} or one made up ({@code W1}, ...).
   */
  private void inject(RoutingContext rc) {
    JsonObject body = Replies.body(rc);
    if (body == null) {
      return;
    }
    for (String key : body.fieldNames()) {
      if (!List.of("target", "kind", "parameters", "id").contains(key)) {
        HttpProblem.send(rc, 400, "unknown field '" + key + "'; a fault has target, kind,"
            + " parameters and id", key);
        return;
      }
    }
    if (!(body.getValue("target") instanceof String target) || target.isBlank()) {
      HttpProblem.send(rc, 400, "target is missing: a signal path or tag, or a component",
          "target");
      return;
    }
    if (!(body.getValue("kind") instanceof String kind)) {
      HttpProblem.send(rc, 400, "kind is missing: e.g. jam, stuck-at, overload-trip", "kind");
      return;
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    Object given = body.getValue("parameters");
    if (given != null && !(given instanceof JsonObject)) {
      HttpProblem.send(rc, 400, "parameters is an object such as {\"duration\": \"10 s\"}",
          "parameters");
      return;
    }
    if (given instanceof JsonObject map) {
      map.forEach(e -> parameters.put(e.getKey(), String.valueOf(e.getValue())));
    }
    if (body.getValue("id") instanceof String id) {
      parameters.put("id", id);
    }
    FaultSpec fault;
    try {
      fault = FaultParameters.build(target, kind, parameters, "W" + (++faultNumber));
    } catch (IllegalArgumentException e) {
      String field = e.getMessage().contains("kind") ? "kind"
          : e.getMessage().contains("target") ? "target" : "parameters";
      HttpProblem.send(rc, 400, e.getMessage(), field);
      return;
    }
    InjectFault command = new InjectFault(fault);
    replies.command(rc, command, "target");
  }

  private void clear(RoutingContext rc) {
    replies.command(rc, new ClearFault(rc.pathParam("id")), "id");
  }

  /** Clears every fault in force; the answer lists what was cleared. */
  private void clearAll(RoutingContext rc) {
    Future.fromCompletionStage(runner.call(plant -> plant.faults().ids()), context)
        .onComplete(result -> {
          if (result.failed()) {
            HttpProblem.send(rc, 503, "the simulation stopped", null);
            return;
          }
          List<Future<?>> cleared = new ArrayList<>();
          JsonArray ids = new JsonArray();
          for (String id : result.result()) {
            ClearFault command = new ClearFault(id);
            ids.add(id);
            cleared.add(Future.fromCompletionStage(control.execute(command), context));
          }
          Future.join(cleared).onComplete(done -> {
            if (!ids.isEmpty()) {
              replies.events().add(runner.simTime(), "fault", "cleared every fault: "
                  + String.join(", ", ids.stream().map(String::valueOf).toList()),
                  Access.who(rc));
            }
            Replies.json(rc, 200, new JsonObject().put("done", true).put("cleared", ids));
          });
        });
  }

  private void sim(RoutingContext rc) {
    Replies.json(rc, 200, status(runner));
  }

  static JsonObject status(SimulationRunner runner) {
    return new JsonObject()
        .put("line", runner.plant().name())
        .put("mode", runner.mode().keyword())
        .put("state", LiveStream.stateName(runner.state()))
        .put("simTime", runner.simTime())
        .put("speed", runner.speedFactor())
        .put("ioCycle", runner.ioCycle().toNanos())
        .put("lag", runner.lagNanos())
        .put("epoch", runner.epoch().toString())
        .put("lockStep", runner.lockStepHandshake().isPresent());
  }

  private void steer(RoutingContext rc) {
    String action = rc.pathParam("action");
    switch (action) {
      case "pause" -> replies.outcome(rc, control.pause(), null, "state", "pause", null);
      case "resume" -> replies.outcome(rc, control.resume(), null, "state", "resume", null);
      case "reset" -> replies.outcome(rc, control.reset(), null, "state", "reset", null);
      case "step" -> step(rc);
      default -> HttpProblem.send(rc, 404, "there is no simulation action '" + action
          + "'; use pause, resume, reset or step", "action");
    }
  }

  /** {@code POST /api/sim/step} with {@code {"milliseconds": 100}} (default: one I/O cycle). */
  private void step(RoutingContext rc) {
    JsonObject body = Replies.optionalBody(rc);
    if (body == null) {
      return;
    }
    Object ms = body.getValue("milliseconds");
    long nanos = runner.ioCycle().toNanos();
    if (ms != null) {
      if (!(ms instanceof Number number) || !(number.doubleValue() >= 0)
          || Double.isInfinite(number.doubleValue())) {
        HttpProblem.send(rc, 400, "milliseconds is a number, 0 or more, not " + ms,
            "milliseconds");
        return;
      }
      double value = number.doubleValue();
      nanos = value > 1e15 ? Long.MAX_VALUE : Math.round(value * 1e6);
    }
    replies.outcome(rc, control.step(Duration.ofNanos(nanos)), "milliseconds", "state",
        "step " + io.twinline.sim.time.SimTime.format(nanos), null);
  }

  /** {@code PUT /api/sim/speed} with {@code {"factor": 2}}. */
  private void speed(RoutingContext rc) {
    JsonObject body = Replies.body(rc);
    if (body == null) {
      return;
    }
    if (!(body.getValue("factor") instanceof Number factor)) {
      HttpProblem.send(rc, 400, "factor is missing: simulated seconds per wall second, e.g. 2",
          "factor");
      return;
    }
    replies.outcome(rc, control.changeSpeed(factor.doubleValue()), "factor", "state",
        "speed " + factor + "x", null);
  }

  private void recipes(RoutingContext rc) {
    LineDefinition line = runner.plant().definition();
    JsonArray list = new JsonArray();
    for (RecipeDefinition recipe : line.recipes()) {
      list.add(new JsonObject().put("name", recipe.name()).put("number", recipe.number())
          .put("description", recipe.description()));
    }
    Future.fromCompletionStage(runner.call(plant -> plant.recipe()), context)
        .onComplete(result -> Replies.json(rc, 200, new JsonObject()
            .put("active", result.succeeded() ? result.result().orElse(null) : null)
            .put("recipes", list)));
  }

  /** {@code POST /api/operate} with {@code {"device": "StartButton", "action": "press"}}. */
  private void operate(RoutingContext rc) {
    JsonObject body = Replies.body(rc);
    if (body == null) {
      return;
    }
    if (!(body.getValue("device") instanceof String device)) {
      HttpProblem.send(rc, 400, "device is missing: an operator device, e.g. StartButton",
          "device");
      return;
    }
    if (!(body.getValue("action") instanceof String action)) {
      HttpProblem.send(rc, 400, "action is missing: press, release, open, close,"
          + " select:NAME", "action");
      return;
    }
    replies.command(rc, new Operate(device, action), "action");
  }
}
