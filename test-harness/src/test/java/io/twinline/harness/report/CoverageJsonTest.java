package io.twinline.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twinline.harness.reference.BottlingLineProgram;
import io.twinline.harness.run.Coverage;
import io.twinline.harness.run.Harness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The coverage JSON, read back with Jackson. */
class CoverageJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aSuiteGivesItsFiguresAndWhatTheyMiss() throws Exception {
    JsonNode suite = read(CoverageJson.render(List.of(SampleResults.suite()))).get(0);

    assertThat(suite.get("file").asText()).isEqualTo("filling.seq.yaml");
    assertThat(suite.get("line").asText()).isEqualTo("filling-line");
    assertThat(suite.get("controller").asText()).isEqualTo("io.example.FillerProgram");
    assertThat(suite.get("seed").asLong()).isEqualTo(42);
    assertThat(suite.get("inputs").get("exercised").asInt()).isZero();
    assertThat(suite.get("inputs").get("total").asInt()).isEqualTo(3);
    assertThat(texts(suite.get("inputs").get("notExercised")))
        .containsExactly("Infeed/PartPresent", "Tank/Level", "Filler/Recipe");
    assertThat(suite.get("outputs").get("driven").asInt()).isZero();
    assertThat(suite.get("outputs").get("total").asInt()).isEqualTo(2);
    assertThat(texts(suite.get("outputs").get("notDriven")))
        .containsExactly("Infeed/MotorOn", "Tower/Green");
    assertThat(suite.get("faults").isArray()).isTrue();
    assertThat(suite.get("faults")).isEmpty();
    assertThat(suite.get("invariants")).isEmpty();
  }

  @Test
  void eachSignalOfTheLineButNotOfTheSimulationIsListedWithWhatItSaw() throws Exception {
    JsonNode signals = read(CoverageJson.render(List.of(SampleResults.suite()))).get(0)
        .get("signals");

    assertThat(signals).extracting(s -> s.get("path").asText())
        .containsExactly("Infeed/PartPresent", "Tank/Level", "Filler/Recipe", "Infeed/MotorOn",
            "Tower/Green");
    JsonNode level = signals.get(1);
    assertThat(level.get("direction").asText()).isEqualTo("input");
    assertThat(level.get("type").asText()).isEqualTo("Double");
    for (String flag : List.of("rose", "fell", "changed", "drivenByController", "setByHarness",
        "exercised", "checked")) {
      assertThat(level.get(flag).isBoolean()).as(flag).isTrue();
      assertThat(level.get(flag).asBoolean()).as(flag).isFalse();
    }
    assertThat(signals.get(3).get("direction").asText()).isEqualTo("output");
  }

  @Test
  void aRealRunCountsWhatTheControllerDroveAndTheFaultsAndInvariants() throws Exception {
    Coverage coverage;
    try (Harness line = Harness.onExample("bottling-line.yaml")
        .controller(new BottlingLineProgram()).start()) {
      line.never("Tower/Green && Tower/Red");
      line.press("StartButton").waitFor(Duration.ofMillis(200)).release("StartButton");
      line.waitFor(Duration.ofSeconds(10));
      line.injectFault("{id: J1, target: Infeed, kind: jam}");
      line.waitFor(Duration.ofSeconds(2));
      coverage = line.coverage();
    }
    int[] in = coverage.inputFigures();
    int[] out = coverage.outputFigures();

    JsonNode suite = read(CoverageJson.render(List.of(SampleResults.suite(coverage)))).get(0);

    assertThat(out[0]).as("the program drove some outputs").isPositive();
    assertThat(suite.get("inputs").get("exercised").asInt()).isEqualTo(in[0]);
    assertThat(suite.get("inputs").get("total").asInt()).isEqualTo(in[1]);
    assertThat(suite.get("inputs").get("notExercised").size()
        + suite.get("inputs").get("exercisedOneWay").size()).isEqualTo(in[1] - in[0]);
    assertThat(suite.get("outputs").get("driven").asInt()).isEqualTo(out[0]);
    assertThat(suite.get("outputs").get("total").asInt()).isEqualTo(out[1]);
    assertThat(suite.get("outputs").get("notDriven")).hasSize(out[1] - out[0]);
    assertThat(texts(suite.get("outputs").get("notDriven"))).doesNotContain("Infeed/MotorOn");
    assertThat(texts(suite.get("faults"))).containsExactly("jam on Infeed");
    assertThat(texts(suite.get("invariants"))).containsExactly("Tower/Green && Tower/Red");
    JsonNode motor = null;
    for (JsonNode s : suite.get("signals")) {
      if (s.get("path").asText().equals("Infeed/MotorOn")) {
        motor = s;
      }
    }
    assertThat(motor).isNotNull();
    assertThat(motor.get("drivenByController").asBoolean()).isTrue();
    assertThat(motor.get("rose").asBoolean()).isTrue();
    assertThat(motor.get("exercised").asBoolean()).isTrue();

    String html = HtmlReport.render(List.of(SampleResults.suite(coverage)));
    assertThat(html).contains("inputs exercised in both directions: " + in[0] + " of " + in[1])
        .contains("<code>jam on Infeed</code>")
        .contains("<code>Tower/Green &amp;&amp; Tower/Red</code>");
  }

  @Test
  void aSuiteWithoutCoverageIsNamedButHasNoFigures() throws Exception {
    JsonNode suite = read(CoverageJson.render(List.of(SampleResults.suite(null)))).get(0);

    assertThat(suite.get("file").asText()).isEqualTo("filling.seq.yaml");
    assertThat(suite.has("inputs")).isFalse();
    assertThat(suite.has("signals")).isFalse();
  }

  @Test
  void writeCreatesTheFolders(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("reports/coverage.json");

    CoverageJson.write(List.of(SampleResults.suite(), SampleResults.suite(null)), file);

    assertThat(read(Files.readString(file))).hasSize(2);
  }

  private static JsonNode read(String json) throws Exception {
    JsonNode suites = JSON.readTree(json).get("suites");
    assertThat(suites.isArray()).isTrue();
    return suites;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }
}
