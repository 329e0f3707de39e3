package io.twinline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinline.web.WebConsole;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve --http-port}: the web console beside the OPC UA server. */
class ServeWebTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private ServeCommand serve(Path pki, String... more) {
    ServeCommand serve = new ServeCommand();
    String[] args = new String[] {"--line", "../line-definitions/demo-conveyor.yaml", "--port",
        "0", "--bind", "127.0.0.1", "--pki", pki.toString(), "--time-mode", "stepped"};
    String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
        java.util.Arrays.stream(more)).toArray(String[]::new);
    CommandLine.populateCommand(serve, all);
    return serve;
  }

  @Test
  void httpPortZeroPicksAFreePortPrintsItAndTheApiAnswers(@TempDir Path pki) throws Exception {
    ServeCommand serve = serve(pki, "--http-port", "0");
    try (ServeCommand.Serving serving = serve.open(new PrintWriter(out, true),
            new PrintWriter(err, true));
        WebConsole web = serve.startWeb(serving, new PrintWriter(out, true),
            new PrintWriter(err, true))) {
      Matcher url = Pattern.compile("Web console: http://127\\.0\\.0\\.1:(\\d+)/")
          .matcher(out.toString());
      assertThat(url.find()).as(out.toString()).isTrue();
      assertThat(Integer.parseInt(url.group(1))).isEqualTo(web.port());

      HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + web.port() + "/api/health")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"line\":\"DemoConveyor\"");
      HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + web.port() + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.body()).contains("twinline_opcua_sessions", "twinline_sim_lag_seconds");
    }
  }

  @Test
  void noHttpServesNoConsole(@TempDir Path pki) throws Exception {
    ServeCommand serve = serve(pki, "--no-http");
    try (ServeCommand.Serving serving = serve.open(new PrintWriter(out, true),
        new PrintWriter(err, true))) {
      assertThat(serve.startWeb(serving, new PrintWriter(out, true), new PrintWriter(err, true)))
          .isNull();
      assertThat(out.toString()).doesNotContain("Web console");
    }
  }

  @Test
  void aTakenPortGivenWithHttpPortIsRefusedNamingIt(@TempDir Path pki) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1,
        java.net.InetAddress.getByName("127.0.0.1"))) {
      ServeCommand serve = serve(pki, "--http-port", Integer.toString(taken.getLocalPort()));
      try (ServeCommand.Serving serving = serve.open(new PrintWriter(out, true),
          new PrintWriter(err, true))) {
        assertThatThrownBy(() -> serve.startWeb(serving, new PrintWriter(out, true),
            new PrintWriter(err, true))).isInstanceOf(ServeCommand.Refused.class);
        assertThat(err.toString()).contains("HTTP port " + taken.getLocalPort())
            .contains("--http-port");
      }
    }
  }
}
