package io.twinline.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.twinline.line.LineDefinitions;
import io.twinline.opcua.namespace.TwinlineNodeIds;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.run.SimulationRunner;
import io.twinline.sim.run.TimeMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that stops while a PLC keeps writing (the end of a {@code test --plc} run) ends the
 * PLC's connection first: its last writes are answered Good or fail with the connection, never
 * {@code Bad_NodeIdUnknown} from a namespace already taken down.
 */
class CleanEndTest {

  @Test
  void writesDuringTheServersEndAreNeverAnsweredNodeIdUnknown(@TempDir Path pki)
      throws Exception {
    SimulationRunner runner = new SimulationRunner(
        Plant.build(LineDefinitions.example(LineDefinitions.DEFAULT_LINE)), TimeMode.AFAP, 1.0);
    runner.start();
    TwinlineServer server = TwinlineServer.start(runner, ServerOptions.defaults().withPort(0)
        .withBindAddress("127.0.0.1").withHostname("127.0.0.1").withPki(pki));
    OpcUaClient client = OpcUaClient.create(server.endpointUrl());
    client.connect();
    NodeId motor = new TwinlineNodeIds(client.getNamespaceTable()
        .getIndex(TwinlineNodeIds.NAMESPACE_URI))
        .signal("DemoConveyor", io.twinline.line.SignalPath.parse("Infeed/MotorOn"));
    Set<Long> answers = ConcurrentHashMap.newKeySet();
    AtomicInteger good = new AtomicInteger();
    AtomicBoolean writing = new AtomicBoolean(true);
    Thread plc = new Thread(() -> {
      boolean on = false;
      while (writing.get()) {
        try {
          StatusCode status = client.writeValues(List.of(motor),
              List.of(DataValue.valueOnly(new Variant(on = !on)))).get(0);
          answers.add(status.getValue());
          if (status.isGood()) {
            good.incrementAndGet();
          }
        } catch (UaException e) {
          answers.add(e.getStatusCode().getValue());
        } catch (RuntimeException e) {
          return;
        }
      }
    }, "plc-writes");
    plc.start();
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> good.get() >= 20);
      server.close();
      int before = answers.size();
      await().atMost(Duration.ofSeconds(30)).until(() -> answers.size() > before
          || answers.stream().anyMatch(c -> !new StatusCode(c).isGood()));
    } finally {
      writing.set(false);
      plc.join(30_000);
      client.disconnect();
      runner.close();
    }
    assertThat(answers).doesNotContain(StatusCodes.Bad_NodeIdUnknown);
  }
}
