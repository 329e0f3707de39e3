package io.twinline.sim.plant;

import static io.twinline.sim.time.SimTime.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.line.LineDefinitions;
import io.twinline.line.model.LineDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every line shown in the docs and every example line builds and runs ten simulated minutes. */
class DocumentedLinesRunTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern GOOD = Pattern.compile("```yaml\\n(line:.*?)```", Pattern.DOTALL);

  @TestFactory
  Stream<DynamicTest> everyDocumentedLineRuns() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    for (Path doc : docs) {
      Matcher block = GOOD.matcher(Files.readString(doc));
      int index = 0;
      while (block.find()) {
        String name = ROOT.relativize(doc) + " example " + (++index);
        String yaml = block.group(1);
        tests.add(DynamicTest.dynamicTest(name, () -> runs(LineDefinitions.parse(name, yaml))));
      }
    }
    try (Stream<Path> files = Files.list(ROOT.resolve("line-definitions"))) {
      files.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(p ->
          tests.add(DynamicTest.dynamicTest(p.getFileName().toString(),
              () -> runs(LineDefinitions.read(p)))));
    }
    return tests.stream();
  }

  private static void runs(LineDefinition line) {
    Plant plant = Plant.build(line);
    plant.simulation().runUntil(seconds(600));
    assertThat(plant.simulation().now()).isEqualTo(seconds(600));
  }
}
