package io.twinline.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.line.LineDefinitions;
import io.twinline.opcua.namespace.TwinlineNodeIds;
import io.twinline.opcua.security.PasswordHash;
import io.twinline.opcua.security.Role;
import io.twinline.opcua.security.Users;
import io.twinline.sim.run.TimeMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What docs/opcua.md shows is what the server does. */
class OpcUaDocsTest {

  private static final Path DOC = Path.of("..", "docs", "opcua.md");

  @TempDir Path dir;
  private ServerFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private static String doc() throws Exception {
    return Files.readString(DOC);
  }

  @Test
  void theUsersFileShownIsReadAndItsPasswordsAreTheOnesNamed() throws Exception {
    Matcher block = Pattern.compile("```yaml users\\n(.*?)```", Pattern.DOTALL).matcher(doc());
    assertThat(block.find()).as("a ```yaml users block").isTrue();
    Path file = dir.resolve("users.yaml");
    Files.writeString(file, block.group(1));

    Users users = Users.read(file);

    Map<String, String> passwords =
        Map.of("plc1", "change-me", "anna", "commissioning", "scada", "look");
    passwords.forEach(
        (user, password) ->
            assertThat(users.authenticate(user, password)).as(user).isPresent());
    assertThat(users.roleOf("plc1")).contains(Role.PLC);
    assertThat(users.roleOf("anna")).contains(Role.ENGINEER);
    assertThat(users.roleOf("scada")).contains(Role.OBSERVER);
    assertThat(PasswordHash.isHash(block.group(1).split("\"")[1])).isTrue();
  }

  @Test
  void theFixedNamespaceIndexNamedIsTheServers() throws Exception {
    Matcher named = Pattern.compile("always\\s+\\*\\*`ns=(\\d+)`\\*\\*").matcher(doc());
    assertThat(named.find()).as("'always **`ns=N`**' in the docs").isTrue();
    fixture =
        ServerFixture.start(
            LineDefinitions.example(LineDefinitions.DEFAULT_LINE),
            TimeMode.STEPPED,
            1.0,
            dir.resolve("pki"),
            o -> o);

    OpcUaClient client = fixture.connect();

    assertThat(client.getNamespaceTable().getIndex(TwinlineNodeIds.NAMESPACE_URI).intValue())
        .isEqualTo(Integer.parseInt(named.group(1)));
  }

  @Test
  void everyDemoLineNodeIdShownExistsOnTheServer() throws Exception {
    fixture =
        ServerFixture.start(
            LineDefinitions.example(LineDefinitions.DEFAULT_LINE),
            TimeMode.STEPPED,
            1.0,
            dir.resolve("pki"),
            o -> o);
    OpcUaClient client = fixture.connect();
    Matcher id =
        Pattern.compile("s=((?:Twinline|Simulation|DemoConveyor)[\\w/]*)").matcher(doc());
    List<String> shown = new ArrayList<>();
    while (id.find()) {
      if (!id.group(1).endsWith("/")) { // s=Simulation/<Name> is a pattern, not a node
        shown.add(id.group(1));
      }
    }
    assertThat(shown).contains("DemoConveyor/Infeed/MotorOn", "Simulation/Step", "Twinline");

    for (String identifier : shown) {
      NodeId node = new NodeId(fixture.ids().namespaceIndex(), identifier);
      var value =
          ServerFixture.read(client, node, org.eclipse.milo.opcua.stack.core.AttributeId.NodeId);
      assertThat(value.statusCode().isGood()).as(identifier).isTrue();
    }
  }

  @Test
  void everySimulationMemberInTheTablesExists() throws Exception {
    fixture = ServerFixture.start(TimeMode.STEPPED, 1.0, dir.resolve("pki"), o -> o);
    OpcUaClient client = fixture.connect();
    List<String> members =
        client.getAddressSpace().browse(fixture.ids().simulation()).stream()
            .map(r -> r.getBrowseName().name())
            .toList();
    String section =
        doc().split("## The Simulation object")[1].split("takes the\nsame faults")[0];
    Matcher row = Pattern.compile("^\\| `(\\w+)` \\|", Pattern.MULTILINE).matcher(section);
    List<String> documented = new ArrayList<>();
    while (row.find()) {
      documented.add(row.group(1));
    }
    assertThat(documented)
        .contains("SimTime", "FaultCount", "Pause", "Step", "InjectFault", "LoadRecipe");
    assertThat(members).containsAll(documented);
  }
}
