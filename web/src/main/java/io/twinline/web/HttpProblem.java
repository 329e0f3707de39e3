package io.twinline.web;

import io.twinline.sim.run.Outcome;
import io.twinline.sim.run.Refusal;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The JSON problem body of every error answer ({@code application/problem+json}, RFC 9457):
 * status, title, a sentence saying what was wrong, and for a bad request the field at fault.
 */
final class HttpProblem {

  private HttpProblem() {}

  /** The HTTP status for a refusal of the control surface. */
  static int statusOf(Refusal refusal) {
    return switch (refusal.kind()) {
      case NOT_FOUND -> 404;
      case INVALID_ARGUMENT -> 400;
      case INVALID_STATE, NOT_ALLOWED -> 409;
    };
  }

  static JsonObject body(int status, String detail, String field) {
    JsonObject body = new JsonObject()
        .put("status", status)
        .put("title", title(status))
        .put("detail", detail);
    if (field != null) {
      body.put("field", field);
    }
    return body;
  }

  /** Answers with a problem; {@code field} may be null. */
  static void send(RoutingContext rc, int status, String detail, String field) {
    if (rc.response().ended()) {
      return;
    }
    rc.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/problem+json")
        .end(body(status, detail, field).encode());
  }

  /** Answers a refused outcome: its status and the control surface's reason. */
  static void refused(RoutingContext rc, Outcome outcome, String field) {
    int status = statusOf(outcome.refusal());
    JsonObject body = body(status, outcome.message(), status == 400 ? field : null)
        .put("refusal", outcome.refusal().kind().name().toLowerCase(java.util.Locale.ROOT))
        .put("simTime", outcome.simTime());
    rc.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/problem+json")
        .end(body.encode());
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 409 -> "Conflict";
      case 413 -> "Payload Too Large";
      case 415 -> "Unsupported Media Type";
      case 429 -> "Too Many Requests";
      case 503 -> "Service Unavailable";
      default -> status >= 500 ? "Internal Server Error" : "Error";
    };
  }
}
