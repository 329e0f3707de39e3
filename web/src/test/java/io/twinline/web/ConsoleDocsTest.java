package io.twinline.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.line.LineDefinitions;
import io.twinline.sim.run.TimeMode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the curl examples of docs/console.md, in order, against the demo conveyor served in
 * stepped mode: each answer must have the status and the values the page shows.
 */
class ConsoleDocsTest {

  private static final Path DOC = Path.of("../docs/console.md");
  private static final Pattern CURL = Pattern.compile(
      "^\\$ curl -s(?: -X (\\w+))? '?localhost:8080(\\S+?)'?(?: -d '(.*)')?$");

  /** One example: the request and the answer the page shows. */
  record Example(int line, HttpMethod method, String path, String body, JsonObject expected) {}

  static List<Example> examples() throws Exception {
    List<String> lines = Files.readAllLines(DOC);
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < lines.size() - 1; i++) {
      Matcher curl = CURL.matcher(lines.get(i));
      if (!curl.matches()) {
        continue;
      }
      HttpMethod method = curl.group(1) == null ? HttpMethod.GET
          : HttpMethod.valueOf(curl.group(1));
      examples.add(new Example(i + 1, method, curl.group(2), curl.group(3),
          new JsonObject(lines.get(i + 1))));
    }
    return examples;
  }

  @Test
  void everyExampleAnswersAsThePageSays() throws Exception {
    List<Example> examples = examples();
    assertThat(examples).hasSizeGreaterThan(10);
    try (ConsoleFixture web = new ConsoleFixture(
        LineDefinitions.read(Path.of("../line-definitions/demo-conveyor.yaml")),
        TimeMode.STEPPED, WebOptions.defaults())) {
      for (Example example : examples) {
        HttpResponse<Buffer> response = example.body() == null
            ? web.send(example.method(), example.path(), null)
            : ConsoleFixture.await(web.request(example.method(), example.path())
                .sendBuffer(Buffer.buffer(example.body())));
        String where = DOC + ":" + example.line() + " " + example.method() + " "
            + example.path() + " -> " + response.bodyAsString();
        int status = example.expected().getInteger("status", 200);
        assertThat(response.statusCode()).as(where).isEqualTo(status);
        JsonObject actual = response.bodyAsJsonObject();
        for (String key : example.expected().fieldNames()) {
          Object want = example.expected().getValue(key);
          Object got = actual.getValue(key);
          if (want instanceof Number n) {
            assertThat(got).as(where + " [" + key + "]").isInstanceOf(Number.class);
            assertThat(((Number) got).doubleValue()).as(where + " [" + key + "]")
                .isEqualTo(n.doubleValue());
          } else {
            assertThat(got).as(where + " [" + key + "]").isEqualTo(want);
          }
        }
      }
    }
  }
}
