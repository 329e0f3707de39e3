package io.twinline.web;

import io.twinline.sim.run.Command;
import io.twinline.sim.run.LineControl;
import io.twinline.sim.run.Outcome;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletableFuture;

/**
 * Sends requests into the control surface and answers them: 200 with what was done, or the
 * refusal's status and reason; noteworthy actions go to the shared event log with who made
 * them. Event loop only.
 */
final class Replies {

  private final Context context;
  private final LineControl control;
  private final LiveStream stream;
  private final EventLog events;

  Replies(Context context, LineControl control, LiveStream stream, EventLog events) {
    this.context = context;
    this.control = control;
    this.stream = stream;
    this.events = events;
  }

  EventLog events() {
    return events;
  }

  LineControl control() {
    return control;
  }

  /**
   * Executes {@code command} and, if it is noteworthy, logs it with who sent it (for a batch,
   * whose items are answered together). Event loop only.
   */
  Future<Outcome> tracked(RoutingContext rc, Command command) {
    boolean logged = PlantView.noteworthy(command);
    if (logged) {
      stream.ours(command);
    }
    String who = Access.who(rc);
    return Future.fromCompletionStage(control.execute(command), context).andThen(result -> {
      if (result.failed() || !result.result().isDone()) {
        stream.notOurs(command);
      }
      if (logged && result.succeeded()) {
        Outcome done = result.result();
        events.add(done.simTime(), done.isDone() ? PlantView.kindOf(command) : "refused",
            done.isDone() ? command.describe()
                : command.describe() + " refused: " + done.message(), who);
      }
    });
  }

  /** Executes {@code command}; {@code field} is named if it is refused as a bad argument. */
  void command(RoutingContext rc, Command command, String field) {
    boolean logged = PlantView.noteworthy(command);
    if (logged) {
      stream.ours(command);
    }
    outcome(rc, control.execute(command), field, logged ? PlantView.kindOf(command) : null,
        command.describe(), command);
  }

  /**
   * Answers with {@code outcome} once it is there.
   *
   * @param kind the event kind to log it under, or null to log nothing
   * @param command the command sent, or null (for the journal watch)
   */
  void outcome(RoutingContext rc, CompletableFuture<Outcome> outcome, String field, String kind,
      String what, Command command) {
    String who = Access.who(rc);
    Future.fromCompletionStage(outcome, context).onComplete(result -> {
      if (result.failed()) {
        if (command != null) {
          stream.notOurs(command);
        }
        HttpProblem.send(rc, 503, "the simulation stopped: " + result.cause().getMessage(), null);
        return;
      }
      Outcome done = result.result();
      if (!done.isDone()) {
        if (command != null) {
          stream.notOurs(command);
        }
        if (kind != null) {
          events.add(done.simTime(), "refused", what + " refused: " + done.message(), who);
        }
        HttpProblem.refused(rc, done, field);
        return;
      }
      if (kind != null) {
        events.add(done.simTime(), kind, what, who);
        if (kind.equals("state")) {
          stream.stateLogged();
        }
      }
      json(rc, 200, answer(done));
    });
  }

  static JsonObject answer(Outcome done) {
    return new JsonObject().put("done", true).put("message", done.message())
        .put("simTime", done.simTime());
  }

  static void json(RoutingContext rc, int status, Object body) {
    if (rc.response().ended()) {
      return;
    }
    String text = body instanceof JsonObject o ? o.encode()
        : body instanceof io.vertx.core.json.JsonArray a ? a.encode() : String.valueOf(body);
    rc.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(text);
  }

  /**
   * The request's JSON object body, or null after answering 400 (no body, not JSON, not an
   * object).
   */
  static JsonObject body(RoutingContext rc) {
    try {
      if (rc.body() == null || rc.body().buffer() == null || rc.body().length() <= 0) {
        HttpProblem.send(rc, 400, "the request needs a JSON object body", "body");
        return null;
      }
      JsonObject value = rc.body().asJsonObject();
      if (value == null) {
        HttpProblem.send(rc, 400, "the request needs a JSON object body, not null", "body");
      }
      return value;
    } catch (DecodeException | ClassCastException e) {
      HttpProblem.send(rc, 400, "the body is not a JSON object: " + e.getMessage(), "body");
      return null;
    }
  }

  /** The body, or an empty object when there is none (for optional bodies). */
  static JsonObject optionalBody(RoutingContext rc) {
    if (rc.body() == null || rc.body().buffer() == null || rc.body().length() <= 0) {
      return new JsonObject();
    }
    return body(rc);
  }
}
