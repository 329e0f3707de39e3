package io.twinline.opcua;

import static io.twinline.opcua.ServerFixture.read;
import static io.twinline.opcua.ServerFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.twinline.line.LineDefinitions;
import io.twinline.line.SignalPath;
import io.twinline.line.generate.LineGenerator;
import io.twinline.sim.run.TimeMode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowsePath;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowsePathResult;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.RelativePath;
import org.eclipse.milo.opcua.stack.core.types.structured.RelativePathElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signals' nodes are made when a request asks for them, not stored: to a client they must
 * look like any other nodes, in every direction it can find them, and a NodeId that names no
 * signal is unknown.
 */
class SignalNodesTest {

  @TempDir Path pki;
  private ServerFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private OpcUaClient start() throws Exception {
    fixture = ServerFixture.start(TimeMode.STEPPED, 1.0, pki, o -> o);
    return fixture.connect();
  }

  @Test
  void aSignalBrowsesBackToItsFolderAndATagToTheTagsFolder() throws Exception {
    OpcUaClient client = start();

    assertThat(inverseOrganizes(client, fixture.signal("Belt/MotorOn")))
        .containsExactly(fixture.ids().component(ServerFixture.LINE, "Belt"));
    assertThat(inverseOrganizes(client, fixture.ids().tag("Q_BeltOn")))
        .containsExactly(fixture.ids().tags(ServerFixture.LINE));
  }

  @Test
  void browsePathsResolveToSignalsAndTheirProperties() throws Exception {
    OpcUaClient client = start();
    int ns = fixture.ids().namespaceIndex().intValue();

    BrowsePathResult setpoint = translate(client, NodeIds.ObjectsFolder,
        new QualifiedName(ns, "Twinline"), new QualifiedName(ns, ServerFixture.LINE),
        new QualifiedName(ns, "Cell"), new QualifiedName(ns, "Setpoint"),
        new QualifiedName(0, "EURange"));

    assertThat(setpoint.getStatusCode().isGood()).isTrue();
    assertThat(setpoint.getTargets()[0].getTargetId().toNodeId(client.getNamespaceTable()))
        .contains(fixture.ids().property(fixture.signal("Cell/Setpoint"), "EURange"));
  }

  @Test
  void nodeIdsThatNameNoSignalAreUnknown() throws Exception {
    OpcUaClient client = start();
    int ns = fixture.ids().namespaceIndex().intValue();

    for (String id : List.of(
        "TestCell/Cell/NoSuchSignal",
        "TestCell/NoSuchComponent/Setpoint",
        "TestCell/Cell/Setpoint/Extra",
        "TestCell/Cell/Counter.EURange", // not analog: no properties
        "TestCell/Cell/Setpoint.NoSuchProperty",
        "TestCell/Simulation/SimTime", // the simulation's nodes are not under the line
        "NoSuchTag")) {
      NodeId node = new NodeId(ns, id);
      assertThat(read(client, node).statusCode().value())
          .as(id).isEqualTo(StatusCodes.Bad_NodeIdUnknown);
      assertThat(write(client, node, 1.0).value())
          .as(id).isEqualTo(StatusCodes.Bad_NodeIdUnknown);
    }
  }

  @Test
  void aLineOfTwentyThousandSignalsKeepsOnlyItsFoldersAsNodes() throws Exception {
    fixture = ServerFixture.start(
        LineDefinitions.parse("generated.yaml", LineGenerator.generate(20_000)),
        TimeMode.STEPPED, 1.0, pki, o -> o);
    OpcUaClient client = fixture.connect();
    String line = fixture.runner.plant().definition().name();

    assertThat(fixture.server.namespace().storedNodeCount())
        .as("folders and the Simulation object, not the signals")
        .isLessThan(1_000);
    NodeId cell = fixture.ids().component(line, "Cell199");
    List<ReferenceDescription> children = client.getAddressSpace().browse(cell);
    assertThat(children).hasSize(LineGenerator.CELL);
    NodeId setpoint = fixture.ids().signal(line, SignalPath.parse("Cell199/Setpoint9"));
    assertThat(write(client, setpoint, 42.5).isGood()).isTrue();
    assertThat(fixture.call(client, "Step", 10.0).getStatusCode().isGood()).isTrue();
    assertThat(read(client, setpoint).value().value()).isEqualTo(42.5);
  }

  private List<NodeId> inverseOrganizes(OpcUaClient client, NodeId node) throws Exception {
    var result = client.browse(new BrowseDescription(node, BrowseDirection.Inverse,
        NodeIds.Organizes, true, uint(NodeClass.Object.getValue()),
        uint(BrowseResultMask.All.getValue())));
    return Arrays.stream(result.getReferences())
        .map(r -> r.getNodeId().toNodeId(client.getNamespaceTable()).orElseThrow())
        .toList();
  }

  private static BrowsePathResult translate(OpcUaClient client, NodeId start,
      QualifiedName... names) throws Exception {
    RelativePathElement[] elements = new RelativePathElement[names.length];
    for (int i = 0; i < names.length; i++) {
      elements[i] = new RelativePathElement(NodeIds.HierarchicalReferences, false, true,
          names[i]);
    }
    return client.translateBrowsePaths(List.of(new BrowsePath(start,
        new RelativePath(elements)))).getResults()[0];
  }
}
