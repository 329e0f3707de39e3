package io.twinline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code serve --controller st:FILE}: the program's variables are read-only variables of the
 * served line under {@code <Line>/PLC/<Program>/}, read by a real OPC UA client.
 */
class StWatchTest {

  private static final String PROGRAM = "../st-plc/examples/demo-conveyor-watch.st";

  private ServeCommand.Serving serve(Path pki, String... controller) throws Exception {
    ServeCommand serve = new ServeCommand();
    String[] common = {"--line", "../line-definitions/demo-conveyor.yaml", "--port", "0",
        "--bind", "127.0.0.1", "--hostname", "127.0.0.1", "--pki", pki.toString()};
    String[] args = java.util.Arrays.copyOf(common, common.length + controller.length);
    System.arraycopy(controller, 0, args, common.length, controller.length);
    CommandLine.populateCommand(serve, args);
    return serve.open(new PrintWriter(new StringWriter(), true),
        new PrintWriter(new StringWriter(), true));
  }

  private static OpcUaClient connect(ServeCommand.Serving serving) throws Exception {
    OpcUaClient client = OpcUaClient.create(
        "opc.tcp://127.0.0.1:" + serving.server().port() + "/twinline");
    client.connect();
    return client;
  }

  private static DataValue read(OpcUaClient client, String path) throws Exception {
    int ns = client.getNamespaceTable().getIndex("urn:twinline").intValue();
    return client.readValue(0, TimestampsToReturn.Both, new NodeId(ns, path));
  }

  @Test
  void aCounterOfTheProgramIsReadableAndCountsAsTheLineRuns(@TempDir Path pki) throws Exception {
    try (ServeCommand.Serving serving = serve(pki, "--controller", "st:" + PROGRAM)) {
      OpcUaClient client = connect(serving);
      try {
        String scans = "DemoConveyor/PLC/Belt/scans";
        Awaitility.await().atMost(Duration.ofSeconds(60))
            .until(() -> read(client, scans).statusCode().isGood());
        long first = (Long) read(client, scans).value().value();
        Awaitility.await().atMost(Duration.ofSeconds(60))
            .until(() -> (Long) read(client, scans).value().value() > first + 2);
        assertThat(read(client, "DemoConveyor/PLC/Belt/state").value().value())
            .isEqualTo("running");
        assertThat(read(client, "DemoConveyor/PLC/Belt/warmUp.Q").value().value())
            .isEqualTo(false);
        assertThat((String) read(client, "DemoConveyor/PLC/Belt/warmUp.ET").value().value())
            .startsWith("T#");
        assertThat(read(client, "DemoConveyor/PLC/Belt/Infeed_MotorOn").value().value())
            .isEqualTo(true);
      } finally {
        client.disconnect();
      }
    }
  }

  @Test
  void aSubscriptionSeesTheCounterChange(@TempDir Path pki) throws Exception {
    try (ServeCommand.Serving serving = serve(pki, "--controller", "st:" + PROGRAM)) {
      OpcUaClient client = connect(serving);
      try {
        int ns = client.getNamespaceTable().getIndex("urn:twinline").intValue();
        java.util.List<DataValue> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        var subscription =
            new org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription(client, 50.0);
        subscription.create();
        var item = org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem
            .newDataItem(new NodeId(ns, "DemoConveyor/PLC/Belt/scans"));
        item.setSamplingInterval(50.0);
        item.setDataValueListener((i, v) -> seen.add(v));
        subscription.addMonitoredItem(item);
        subscription.synchronizeMonitoredItems();

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> seen.stream()
            .filter(v -> v.statusCode().isGood())
            .map(v -> (Long) v.value().value()).distinct().count() >= 3);
        subscription.delete();
      } finally {
        client.disconnect();
      }
    }
  }

  @Test
  void aClientBrowsesFromTheLineToTheProgramsVariables(@TempDir Path pki) throws Exception {
    try (ServeCommand.Serving serving = serve(pki, "--controller", "st:" + PROGRAM)) {
      OpcUaClient client = connect(serving);
      try {
        int ns = client.getNamespaceTable().getIndex("urn:twinline").intValue();
        assertThat(names(client, new NodeId(ns, "DemoConveyor"))).contains("PLC", "Infeed");
        assertThat(names(client, new NodeId(ns, "DemoConveyor/PLC"))).containsExactly("Belt");
        assertThat(names(client, new NodeId(ns, "DemoConveyor/PLC/Belt"))).containsExactly(
            "Infeed_MotorOn", "scans", "warmUp.Q", "warmUp.ET", "state");
      } finally {
        client.disconnect();
      }
    }
  }

  private static java.util.List<String> names(OpcUaClient client, NodeId node) throws Exception {
    return client.getAddressSpace().browse(node).stream()
        .map(r -> r.getBrowseName().name()).toList();
  }

  @Test
  void theProgramsVariablesAreReadOnly(@TempDir Path pki) throws Exception {
    try (ServeCommand.Serving serving = serve(pki, "--controller", "st:" + PROGRAM)) {
      OpcUaClient client = connect(serving);
      try {
        int ns = client.getNamespaceTable().getIndex("urn:twinline").intValue();
        StatusCode written = client.writeValues(
            java.util.List.of(new NodeId(ns, "DemoConveyor/PLC/Belt/scans")),
            java.util.List.of(DataValue.valueOnly(new Variant(0L)))).get(0);
        assertThat(written.getValue()).as(written.toString())
            .isEqualTo(StatusCodes.Bad_NotWritable);
      } finally {
        client.disconnect();
      }
    }
  }

  @Test
  void withoutAnInProcessProgramThereIsNoPlcFolder(@TempDir Path pki) throws Exception {
    try (ServeCommand.Serving serving = serve(pki)) {
      OpcUaClient client = connect(serving);
      try {
        assertThat(read(client, "DemoConveyor/PLC").statusCode().getValue())
            .isEqualTo(StatusCodes.Bad_NodeIdUnknown);
      } finally {
        client.disconnect();
      }
    }
  }

  @Test
  void theDocsShowTheProgramThisTestServes() throws Exception {
    String docs = Files.readString(Path.of("../docs/st-plc.md"));
    assertThat(docs).contains(Files.readString(Path.of(PROGRAM)).strip());
  }
}
