package io.twinline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.twinline.opcua.namespace.TwinlineNodeIds;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The lock-step example of docs/opcua.md, run as written (on a free port). */
class LockStepDocsTest {

  @TempDir Path dir;

  /** The commands of the doc's ```bash lock-step block, as argument lists. */
  private static List<List<String>> commands() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "opcua.md"));
    Matcher block = Pattern.compile("```bash lock-step\\n(.*?)```", Pattern.DOTALL).matcher(doc);
    assertThat(block.find()).as("a ```bash lock-step block in docs/opcua.md").isTrue();
    List<List<String>> commands = new ArrayList<>();
    for (String line : block.group(1).strip().split("\\n")) {
      assertThat(line).startsWith("./twinline ");
      commands.add(new ArrayList<>(Arrays.asList(line.substring("./twinline ".length())
          .strip().split("\\s+"))));
    }
    return commands;
  }

  @Test
  void theSoftPlcRunsTheDemoLineInLockStep() throws Exception {
    List<List<String>> commands = commands();
    assertThat(commands).hasSize(2);
    List<String> serve = commands.get(0);
    assertThat(serve.get(0)).isEqualTo("serve");
    serve.addAll(List.of("--port", "0", "--bind", "127.0.0.1", "--hostname", "127.0.0.1",
        "--pki", dir.resolve("pki").toString()));
    ServeCommand command = new ServeCommand();
    new CommandLine(command).parseArgs(serve.subList(1, serve.size()).toArray(new String[0]));
    StringWriter banner = new StringWriter();
    try (ServeCommand.Serving serving =
        command.open(new PrintWriter(banner, true), new PrintWriter(banner, true))) {
      assertThat(banner.toString()).contains("Lock-step:");
      String endpoint = serving.server().endpointUrl();
      List<String> plc = commands.get(1);
      int at = plc.indexOf("--endpoint");
      assertThat(plc.get(at + 1)).isEqualTo("opc.tcp://localhost:4840/twinline");
      plc.set(at + 1, endpoint);

      StringWriter out = new StringWriter();
      CommandLine cli = Twinline.commandLine();
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(out, true));
      Thread[] plcThread = new Thread[1];
      CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
        plcThread[0] = Thread.currentThread();
        return cli.execute(plc.toArray(new String[0]));
      });
      await().atMost(Duration.ofSeconds(30)).until(() -> out.toString().contains("Soft PLC")
          || out.toString().contains("twinline plc:") || exit.isDone());
      assertThat(out.toString()).contains("Soft PLC running");
      OpcUaClient observer = OpcUaClient.create(endpoint);
      observer.connect();
      TwinlineNodeIds ids = new TwinlineNodeIds(
          observer.getNamespaceTable().getIndex(TwinlineNodeIds.NAMESPACE_URI));
      NodeId request = ids.simulation("StepRequest");
      NodeId seconds = ids.simulation("SimSeconds");
      NodeId partAtEnd = new NodeId(ids.namespaceIndex(), "DemoConveyor/Infeed/PartAtEnd");
      List<Object> seen = new ArrayList<>();
      await().atMost(Duration.ofSeconds(60)).until(() -> {
        Object part = observer.readValue(0, TimestampsToReturn.Neither, partAtEnd).value()
            .value();
        if (!seen.contains(part)) {
          seen.add(part);
        }
        return seen.contains(true) && seen.contains(false);
      });
      // the line holds between two steps; the PLC's scan is then the only thing that moves it
      serving.runner().control().pause().get(10, TimeUnit.SECONDS);
      plcThread[0].interrupt();
      exit.get(10, TimeUnit.SECONDS);
      int steps = ((Number) observer.readValue(0, TimestampsToReturn.Neither, request).value()
          .value()).intValue();
      double simSeconds = (Double) observer.readValue(0, TimestampsToReturn.Neither, seconds)
          .value().value();
      observer.disconnect();

      assertThat(steps).isGreaterThan(100);
      assertThat(Math.round(simSeconds * 1000)).isEqualTo((steps - 1) * 10L);
    }
  }
}
