package io.twinline.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** /api/openapi.yaml is a valid OpenAPI 3.1 contract and documents every operation. */
class OpenApiDocumentTest {

  static byte[] document() throws Exception {
    try (InputStream in = WebConsole.class.getResourceAsStream("openapi.yaml")) {
      return in.readAllBytes();
    }
  }

  @Test
  void theDocumentIsAValidContractWithEveryOperation() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      OpenApiBodies bodies;
      try {
        bodies = OpenApiBodies.load(vertx, document()).toCompletionStage().toCompletableFuture()
            .get(60, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        Throwable t = e.getCause();
        StringBuilder why = new StringBuilder();
        while (t != null) {
          why.append(t).append('\n');
          if (t instanceof io.vertx.json.schema.JsonSchemaValidationException v) {
            why.append(v.location()).append('\n');
          }
          t = t.getCause();
        }
        throw new AssertionError(why.toString(), e);
      }
      assertThat(bodies.operationIds()).contains("getLine", "listSignals", "writeSignals",
          "getSignal", "writeSignal", "releaseSignal", "listFaults", "injectFault",
          "clearFaults", "clearFault", "getSimulation", "pause", "resume", "reset", "step",
          "setSpeed", "listRecipes", "loadRecipe", "operate", "listEvents", "getTrends",
          "stream", "health", "metrics", "openapi");
    } finally {
      vertx.close();
    }
  }
}
