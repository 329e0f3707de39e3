package io.twinline.web;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks request bodies against the API's OpenAPI document ({@code /api/openapi.yaml}) before a
 * route sees them, so the document and the server cannot drift apart: a body the document does
 * not allow is answered 400 naming the field (its JSON pointer turned into {@code signals[2].value}
 * form) and what the schema wanted. The routes check again what a schema cannot say (a value of
 * the signal's own type, a fault's parameters).
 */
final class OpenApiBodies {

  private final OpenAPIContract contract;
  private final Map<String, Validator> validators = new HashMap<>();

  private OpenApiBodies(OpenAPIContract contract) {
    this.contract = contract;
    for (Operation operation : contract.operations()) {
      if (operation.getRequestBody() == null) {
        continue;
      }
      MediaType json = operation.getRequestBody().getContent().get("application/json");
      if (json != null) {
        validators.put(operation.getOperationId(),
            contract.getSchemaRepository().validator(json.getSchema()));
      }
    }
  }

  /** The document as JSON. */
  static JsonObject document(byte[] yaml) {
    Object tree = new Yaml(new SafeConstructor(new LoaderOptions()))
        .load(new String(yaml, StandardCharsets.UTF_8));
    // through text: the YAML tree may hold types (dates) JSON has not
    return new JsonObject(Json.encode(tree));
  }

  /**
   * Loads the contract for checking requests. Vert.x's OpenAPI support knows no
   * {@code application/problem+json}, which the error responses are; requests do not need the
   * responses, so the copy it gets has none.
   */
  static Future<OpenApiBodies> load(Vertx vertx, byte[] yaml) {
    JsonObject document = document(yaml);
    JsonObject paths = document.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        if (item.getValue(method) instanceof JsonObject operation) {
          operation.put("responses", new JsonObject().put("200",
              new JsonObject().put("description", "see /api/openapi.yaml")));
        }
      }
    }
    document.getJsonObject("components").remove("responses");
    return OpenAPIContract.from(vertx, document).map(OpenApiBodies::new);
  }

  /** Every operation id of the document. */
  List<String> operationIds() {
    return contract.operations().stream().map(Operation::getOperationId).toList();
  }

  Handler<RoutingContext> handler() {
    return rc -> {
      HttpMethod method = rc.request().method();
      if (method == HttpMethod.GET || rc.body() == null || rc.body().buffer() == null
          || rc.body().length() <= 0) {
        rc.next();
        return;
      }
      Operation operation = contract.findOperation(rc.request().path(), method);
      Validator validator = operation == null ? null
          : validators.get(operation.getOperationId());
      if (validator == null) {
        rc.next();
        return;
      }
      Object body;
      try {
        body = Json.decodeValue(rc.body().buffer());
      } catch (DecodeException e) {
        rc.next(); // the route answers a body that is not JSON
        return;
      }
      OutputUnit result = validator.validate(body);
      if (Boolean.TRUE.equals(result.getValid())) {
        rc.next();
        return;
      }
      OutputUnit first = deepest(result);
      HttpProblem.send(rc, 400, "the body does not match " + operation.getOperationId()
          + " in /api/openapi.yaml: " + first.getError(), field(first));
    };
  }

  /** The most specific error: the one deepest in the body (the last of equals). */
  private static OutputUnit deepest(OutputUnit result) {
    OutputUnit best = result;
    java.util.ArrayDeque<OutputUnit> todo = new java.util.ArrayDeque<>();
    todo.add(result);
    while (!todo.isEmpty()) {
      OutputUnit unit = todo.poll();
      if (unit.getErrors() != null) {
        todo.addAll(unit.getErrors());
      }
      if (unit != result && unit.getError() != null
          && depth(field(unit)) >= depth(field(best))) {
        best = unit;
      }
    }
    return best;
  }

  private static int depth(String field) {
    return field.equals("body") ? 0 : field.split("[.\\[]").length;
  }

  private static final java.util.regex.Pattern REQUIRED =
      java.util.regex.Pattern.compile("required property \"([^\"]+)\"");

  /** The field an error is about: its location, and for a missing property that property. */
  static String field(OutputUnit unit) {
    String field = field(unit.getInstanceLocation());
    java.util.regex.Matcher missing = REQUIRED.matcher(String.valueOf(unit.getError()));
    if (missing.find()) {
      return field.equals("body") ? missing.group(1) : field + "." + missing.group(1);
    }
    return field;
  }

  /** {@code /signals/2/value} as {@code signals[2].value}; the whole body as {@code body}. */
  static String field(String pointer) {
    if (pointer == null || pointer.isEmpty() || pointer.equals("/")
        || pointer.equals("#")) {
      return "body";
    }
    StringBuilder field = new StringBuilder();
    for (String part : pointer.replaceFirst("^#?/", "").split("/")) {
      if (part.matches("\\d+")) {
        field.append('[').append(part).append(']');
      } else {
        if (field.length() > 0) {
          field.append('.');
        }
        field.append(part.replace("~1", "/").replace("~0", "~"));
      }
    }
    return field.toString();
  }
}
