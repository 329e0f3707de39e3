package io.twinline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.twinline.harness.controller.OpcUaSoftPlc;
import io.twinline.harness.reference.BottlingLineProgram;
import io.twinline.harness.rehearsal.Recording;
import io.twinline.harness.rehearsal.SessionEvent;
import io.twinline.harness.rehearsal.SessionFiles;
import io.twinline.line.SignalPath;
import io.twinline.opcua.namespace.TwinlineNodeIds;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code twinline rehearse} with a PLC connected over OPC UA (the soft PLC as an OPC UA client
 * running the bottling line's reference program) and the operator's start button pressed over
 * OPC UA: the changeover happens, is recorded, and its KPIs come out.
 */
class RehearseWithPlcTest {

  @TempDir Path dir;

  @Test
  void aRehearsalWithThePlcConnectedRecordsTheChangeoverAndItsKpis() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Twinline.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    Path file = dir.resolve("rehearsal.jsonl.gz");
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute(
        "rehearse", "--line", "bottling-line.yaml", "--from", "small", "--to", "large",
        "--port", "0", "--bind", "127.0.0.1", "--hostname", "127.0.0.1",
        // speed 2: the PLC scans in wall-clock time over OPC UA, and a busy machine slows it
        "--pki", dir.resolve("pki").toString(), "--time-mode", "scaled", "--speed", "2",
        "--changeover-at", "20 s", "--duration", "80 s", "--wait-for-plc", "60 s",
        "--no-console", "--out", file.toString()));
    Pattern endpoint =
        Pattern.compile("OPC UA endpoint: (opc\\.tcp://127\\.0\\.0\\.1:\\d+/twinline)");
    await().atMost(Duration.ofSeconds(90)).until(() -> endpoint.matcher(out.toString()).find());
    Matcher m = endpoint.matcher(out.toString());
    assertThat(m.find()).isTrue();

    try (OpcUaSoftPlc plc =
        OpcUaSoftPlc.connect(m.group(1), new BottlingLineProgram(), Duration.ofMillis(5))) {
      OpcUaClient operator = OpcUaClient.create(m.group(1));
      operator.connect();
      TwinlineNodeIds ids = new TwinlineNodeIds(
          operator.getNamespaceTable().getIndex(TwinlineNodeIds.NAMESPACE_URI));
      NodeId infeedRuns = ids.signal("BottlingLine", SignalPath.parse("Infeed/MotorOn"));
      for (String action : List.of("press", "release")) {
        CallMethodResult result = operator.call(List.of(new CallMethodRequest(ids.simulation(),
            ids.simulation("Operate"), new Variant[] {new Variant("StartButton"),
                new Variant(action)}))).getResults()[0];
        assertThat(result.getStatusCode().isGood()).isTrue();
        if (action.equals("press")) {
          // held until the PLC, scanning in wall-clock time over OPC UA, has seen it
          await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(
              operator.readValue(0, TimestampsToReturn.Neither, infeedRuns).value().value()));
        }
      }
      operator.disconnect();
      assertThat(exit.get(120, TimeUnit.SECONDS)).as(out + "\n" + err).isZero();
      assertThat(plc.scans()).isPositive();
    }

    Recording recording = SessionFiles.read(file);
    assertThat(recording.problems()).isEmpty();
    assertThat(recording.actions()).filteredOn(a -> a instanceof SessionEvent.Operated)
        .extracting(a -> ((SessionEvent.Operated) a).action()).containsExactly("press", "release");
    assertThat(recording.actions()).filteredOn(a -> a instanceof SessionEvent.RecipeLoaded)
        .extracting(SessionEvent::time).containsExactly(0L, 20_000_000_000L);
    assertThat(recording.changes()).anyMatch(
        c -> c.signal().equals("NeckGuide/Position") && c.value().equals(95.0));
    assertThat(out.toString()).contains("changeover small -> large, recipe loaded at 20.000 s")
        .containsPattern("good parts: [1-9]\\d* old, [1-9]\\d* new");
  }
}
