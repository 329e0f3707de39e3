package io.twinline.harness.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.twinline.line.InvalidDefinitionException;
import io.twinline.line.LineDefinitions;
import io.twinline.line.Problem;
import io.twinline.line.fault.FaultKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The JSON Schema in test-harness/schema (for editors and other tools) agrees with
 * {@link SequenceReader}: every sequence file passes it, it knows every step action, a file
 * with every kind of step (and a fuzz campaign) passes both, and misspelt or incomplete steps
 * fail both.
 *
 * <p>Schema errors are compared by keyword, place and property, not by their text, which the
 * validator translates into the default locale.
 */
class SequenceSchemaTest {

  private static final Path SCHEMA = Path.of("schema/sequences.schema.json");
  private static final Path LINE_SCHEMA = Path.of("../line-definitions/schema/line.schema.json");
  private static final Path SEQUENCES = Path.of("sequences");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  private static JsonSchema schema() throws Exception {
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(JSON.readTree(SCHEMA.toFile()));
  }

  /** The schema's errors for {@code yaml}, each as "keyword at instance path [property]". */
  private static List<String> schemaErrors(String yaml) throws Exception {
    return schema().validate(YAML.readTree(yaml)).stream()
        .map(SequenceSchemaTest::describe)
        .sorted()
        .toList();
  }

  private static String describe(ValidationMessage error) {
    return error.getType() + " at " + error.getInstanceLocation()
        + (error.getProperty() == null ? "" : " [" + error.getProperty() + "]");
  }

  /** The reader's problem messages for {@code yaml}, read against the example bottling line. */
  private static List<String> readerMessages(String yaml) throws Exception {
    InvalidDefinitionException e = catchThrowableOfType(InvalidDefinitionException.class,
        () -> SequenceReader.parse("faulty.sequences.yaml", yaml, SEQUENCES.toAbsolutePath(),
            LineDefinitions.example("bottling-line.yaml")));
    assertThat(e).as("the reader refuses it").isNotNull();
    return e.problems().stream().map(Problem::message).toList();
  }

  /** A file with one sequence whose steps are {@code steps} (indented as list items). */
  private static String sequenceWith(String steps) {
    return """
        line: bottling-line.yaml
        sequences:
          - name: Faulty
            steps:
        """ + steps.stripIndent().lines().map(l -> "      " + l + "\n")
        .reduce("", String::concat);
  }

  @TestFactory
  Stream<DynamicTest> everySequenceFilePassesTheSchema() throws Exception {
    JsonSchema schema = schema();
    List<Path> files;
    try (Stream<Path> list = Files.list(SEQUENCES)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".sequences.yaml"))
          .sorted().toList();
    }
    assertThat(files).contains(SEQUENCES.resolve("bottling-line.sequences.yaml"));
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
        () -> assertThat(schema.validate(YAML.readTree(file.toFile())))
            .extracting(SequenceSchemaTest::describe).isEmpty()));
  }

  @Test
  void theSchemaKnowsEveryStepAction() throws Exception {
    JsonNode schema = JSON.readTree(SCHEMA.toFile());
    JsonNode step = schema.at("/$defs/step");
    List<String> actions = new ArrayList<>();
    step.get("allOf").forEach(rule -> actions.add(rule.at("/if/required/0").asText()));
    List<String> modifiers = new ArrayList<>();
    step.at("/not/propertyNames/enum").forEach(m -> modifiers.add(m.asText()));

    assertThat(actions).containsExactlyInAnyOrderElementsOf(SequenceReader.ACTIONS);
    assertThat(names(step.get("properties")))
        .containsExactlyInAnyOrderElementsOf(concat(actions, modifiers));
    for (String action : SequenceReader.ACTIONS) {
      assertThat(schema.at("/$defs/" + action + "-step/properties/" + action).isObject())
          .as(action).isTrue();
    }
  }

  @Test
  void theSchemaKnowsTheSameFaultKeysAndKindsAsTheLineSchema() throws Exception {
    JsonNode fault = JSON.readTree(SCHEMA.toFile()).at("/$defs/fault");
    JsonNode lineFault = JSON.readTree(LINE_SCHEMA.toFile()).at("/$defs/fault");

    assertThat(names(fault.get("properties"))).isEqualTo(names(lineFault.get("properties")));
    assertThat(fault.get("required")).isEqualTo(lineFault.get("required"));
    List<String> kinds = new ArrayList<>();
    fault.at("/properties/kind/enum").forEach(k -> kinds.add(k.asText()));
    assertThat(kinds).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(FaultKind.values()).map(FaultKind::keyword).toList());
  }

  @Test
  void everyPropertyHasADescription() throws Exception {
    List<String> undescribed = new ArrayList<>();
    collectUndescribed(JSON.readTree(SCHEMA.toFile()), "", undescribed);

    assertThat(undescribed).isEmpty();
  }

  @Test
  void aFileWithEveryKindOfStepPassesTheSchemaAndTheReader() throws Exception {
    String yaml =
        """
        line: bottling-line.yaml
        controller: reference
        scan: 10 ms
        setup:
          - never: Tower/Green && Tower/Red
        teardown:
          - wait: 1 s
        sequences:
          - name: Every step
            tags: [smoke, schema]
            cases:
              - {name: short, time: 2 s, times: 2, parts: 1}
              - {time: 1.5 min, times: 3, parts: 0}
            steps:
              - set: {Q_Infeed_Run: true, Transfer/MotorOn: true}
              - set: Q_Infeed_Run
                to: false
              - pulse: StartButton
                for: 200 ms
              - press: StopButton
              - release: StopButton
              - operate: StartButton
                action: press
              - wait: ${time}
              - inject-fault: {id: F1, target: Infeed/FillerIn, kind: stuck-at, value: true,
                               at: 0 s, duration: 10 s}
              - inject-fault: {id: F2, target: RejectGate, kind: sticking, fraction: 50 %}
              - clear-fault: F1
              - expect: Tower/Green
              - expect: Tower/Green
                within: 0 s
              - expect: Tower/Green
                for: 1 s
              - expect: Tower/Green
                after: 1 s
                within: 2 s
              - never: Tower/Red
              - expect-count: {sink: Packed, type: bottle, at-least: "${parts}"}
                within: 2 min
              - expect-count: {sink: RejectBin, equals: 0}
              - expect-order: [rose(Filler/Busy), fell(Filler/Busy)]
                within: 30 s
              - repeat: ${times}
                steps:
                  - wait: 2 s
        fuzz:
          duration: 10 min
          actions:
            - {pulse: StartButton, for: 200 ms, every: 30 s}
            - {hold: EStop, for: 3 s, every: 3 min}
            - {operate: StopButton, action: press, every: 5 min}
          faults:
            - {fault: {id: Jam, target: Infeed, kind: jam}, for: 20 s, every: 4 min}
          invariants:
            - Tower/Green && !EStop/Healthy
        """;

    assertThat(schemaErrors(yaml)).isEmpty();
    SuiteSpec suite = SequenceReader.parse("every-step.sequences.yaml", yaml,
        SEQUENCES.toAbsolutePath(), LineDefinitions.example("bottling-line.yaml"));
    assertThat(suite.sequences()).hasSize(2);
    assertThat(suite.fuzz()).isPresent();
  }

  @Test
  void aMisspeltActionIsRefused() throws Exception {
    String yaml = sequenceWith("""
        - pres: StartButton
        """);

    assertThat(schemaErrors(yaml))
        .containsExactly("additionalProperties at $.sequences[0].steps[0] [pres]");
    assertThat(readerMessages(yaml)).containsExactly("a step needs an action; 'pres' is not one");
  }

  @Test
  void anUnknownKeyOnAnExpectStepIsRefused() throws Exception {
    String yaml = sequenceWith("""
        - expect: Tower/Green
          withn: 1 s
        """);

    assertThat(schemaErrors(yaml)).containsExactly(
        "additionalProperties at $.sequences[0].steps[0] [withn]",
        "additionalProperties at $.sequences[0].steps[0] [withn]");
    assertThat(readerMessages(yaml)).containsExactly("unknown key 'withn' for an 'expect' step");
  }

  @Test
  void aStepWithoutAnActionIsRefused() throws Exception {
    String yaml = sequenceWith("""
        - within: 1 s
        """);

    assertThat(schemaErrors(yaml)).containsExactly("not at $.sequences[0].steps[0]");
    assertThat(readerMessages(yaml))
        .containsExactly("a step needs an action; 'within' is not one");
  }

  @Test
  void aStepWithTwoActionsIsRefused() throws Exception {
    String yaml = sequenceWith("""
        - press: StartButton
          wait: 1 s
        """);

    assertThat(schemaErrors(yaml)).containsExactly(
        "additionalProperties at $.sequences[0].steps[0] [press]",
        "additionalProperties at $.sequences[0].steps[0] [wait]");
    assertThat(readerMessages(yaml))
        .containsExactly("a step has one action, this one has press and wait");
  }

  @Test
  void aWaitWithoutAUnitIsRefused() throws Exception {
    String yaml = sequenceWith("""
        - wait: 3
        """);

    assertThat(schemaErrors(yaml)).containsExactly("type at $.sequences[0].steps[0].wait");
    assertThat(readerMessages(yaml)).containsExactly("'3' has no unit");
  }

  @Test
  void aSequenceWithoutStepsIsRefused() throws Exception {
    String yaml =
        """
        line: bottling-line.yaml
        sequences:
          - name: Nothing to do
        """;

    assertThat(schemaErrors(yaml)).containsExactly("required at $.sequences[0] [steps]");
    assertThat(readerMessages(yaml)).containsExactly("a sequence needs 'steps'");
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names.stream().sorted().toList();
  }

  /**
   * Adds the path of every property schema under {@code node} that has no description. Property
   * lists inside {@code if} only test a value, and {@code false} only forbids a key; both are
   * skipped.
   */
  private static void collectUndescribed(JsonNode node, String path, List<String> undescribed) {
    if (!node.isContainerNode()) {
      return;
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String at = path + "/" + field.getKey();
      if (field.getKey().equals("if")) {
        continue;
      }
      if (field.getKey().equals("properties") && field.getValue().isObject()) {
        field.getValue().properties().forEach(p -> {
          if (p.getValue().isObject() && !p.getValue().has("description")) {
            undescribed.add(at + "/" + p.getKey());
          }
        });
      }
      collectUndescribed(field.getValue(), at, undescribed);
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectUndescribed(node.get(i), path + "/" + i, undescribed);
      }
    }
  }
}
