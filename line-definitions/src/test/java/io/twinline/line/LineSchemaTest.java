package io.twinline.line;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The JSON Schema in line-definitions/schema (for editors and other tools) agrees with the
 * reader: every example line passes it, it knows every component type, and it refuses a
 * misspelt key as the reader does.
 */
class LineSchemaTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  private static JsonSchema schema() throws Exception {
    JsonNode node = JSON.readTree(ROOT.resolve("line-definitions/schema/line.schema.json").toFile());
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
  }

  @TestFactory
  Stream<DynamicTest> everyExampleLinePassesTheSchema() throws Exception {
    JsonSchema schema = schema();
    List<Path> lines;
    try (Stream<Path> files = Files.list(ROOT.resolve("line-definitions"))) {
      lines = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path line : lines) {
      tests.add(
          DynamicTest.dynamicTest(
              line.getFileName().toString(),
              () -> {
                Set<ValidationMessage> errors = schema.validate(YAML.readTree(line.toFile()));
                assertThat(errors).isEmpty();
              }));
    }
    return tests.stream();
  }

  @Test
  void theSchemaKnowsEveryComponentType() throws Exception {
    JsonNode node = JSON.readTree(ROOT.resolve("line-definitions/schema/line.schema.json").toFile());
    List<String> types = new ArrayList<>();
    node.at("/$defs/component/properties/type/enum").forEach(t -> types.add(t.asText()));

    assertThat(types).containsExactlyInAnyOrderElementsOf(LineDefinitions.componentTypes());
    for (String type : types) {
      assertThat(node.at("/$defs/" + type).isObject()).as(type).isTrue();
    }
  }

  @Test
  void theSchemaRefusesAMisspeltKeyAsTheReaderDoes() throws Exception {
    String yaml =
        """
        line: Bad
        components:
          - name: Belt
            type: conveyor
            lenght: 2 m
            speed: 0.5 m/s
        """;

    assertThat(schema().validate(YAML.readTree(yaml))).isNotEmpty();
  }

  @Test
  void aLineWrittenInJsonIsReadToo() throws Exception {
    String json =
        """
        {"line": "Json", "components": [
          {"name": "Feeder", "type": "source", "interval": "5 s", "to": "Belt"},
          {"name": "Belt", "type": "conveyor", "length": "2 m", "speed": "0.5 m/s"}]}
        """;

    assertThat(LineDefinitions.parse("line.json", json).components()).hasSize(2);
    assertThat(schema().validate(JSON.readTree(json))).isEmpty();
  }
}
