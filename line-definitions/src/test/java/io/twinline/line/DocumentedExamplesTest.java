package io.twinline.line;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.line.model.LineDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The docs' examples, run: every line file shown is valid, every faulty one ({@code ```yaml
 * bad}) gives exactly the problems shown in the {@code ```text} block after it, and every example
 * line in line-definitions/ is valid.
 */
class DocumentedExamplesTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern GOOD = Pattern.compile("```yaml\\n(line:.*?)```", Pattern.DOTALL);
  private static final Pattern BAD =
      Pattern.compile(
          "This `([\\w.-]+)`\\s*```yaml bad\\n(.*?)```.*?```text\\n(.*?)```", Pattern.DOTALL);

  @TestFactory
  Stream<DynamicTest> everyLineShownInTheDocsIsValid() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path doc : markdownFiles()) {
      Matcher block = GOOD.matcher(Files.readString(doc));
      int index = 0;
      while (block.find()) {
        String yaml = block.group(1);
        String name = ROOT.relativize(doc) + " example " + (++index);
        tests.add(
            DynamicTest.dynamicTest(
                name,
                () -> {
                  LineDefinition line = LineDefinitions.parse(name, yaml);
                  assertThat(line.components()).isNotEmpty();
                }));
      }
    }
    assertThat(tests).as("line examples in the docs").isNotEmpty();
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everyFaultyLineShownInTheDocsGivesTheProblemsShown() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path doc : markdownFiles()) {
      Matcher block = BAD.matcher(Files.readString(doc));
      while (block.find()) {
        String file = block.group(1);
        String yaml = block.group(2);
        String expected = block.group(3).strip();
        tests.add(
            DynamicTest.dynamicTest(
                ROOT.relativize(doc) + " " + file,
                () -> assertThat(problems(file, yaml)).isEqualTo(expected)));
      }
    }
    assertThat(tests).as("faulty examples in the docs").isNotEmpty();
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everyExampleLineIsValid() throws IOException {
    try (Stream<Path> files = Files.list(ROOT.resolve("line-definitions"))) {
      List<Path> lines = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      assertThat(lines).isNotEmpty();
      return lines.stream()
          .map(
              p ->
                  DynamicTest.dynamicTest(
                      p.getFileName().toString(),
                      () -> assertThat(LineDefinitions.read(p).components()).isNotEmpty()));
    }
  }

  private static String problems(String file, String yaml) {
    try {
      LineDefinitions.parse(file, yaml);
      return "(no problems)";
    } catch (InvalidDefinitionException e) {
      return e.problems().stream()
          .map(Problem::format)
          .map(s -> s.replace(System.lineSeparator(), "\n"))
          .collect(Collectors.joining("\n"));
    }
  }

  private static List<Path> markdownFiles() throws IOException {
    List<Path> docs = new ArrayList<>();
    docs.add(ROOT.resolve("README.md"));
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs;
  }
}
