package io.twinline.stplc;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.harness.suite.SequenceReader;
import io.twinline.harness.suite.SuiteResult;
import io.twinline.harness.suite.SuiteRunner;
import io.twinline.harness.suite.SuiteSpec;
import io.twinline.sim.controller.Controllers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/st-plc.md: the worked example runs, and its other ST snippets compile. */
class StPlcDocsTest {

  private static final Path DOC = Path.of("../docs/st-plc.md");

  private static List<String> blocks(String text, String language) {
    List<String> blocks = new ArrayList<>();
    Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(text);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  @Test
  void theWorkedExamplePassesItsSuite(@TempDir Path dir) throws Exception {
    String doc = Files.readString(DOC);
    String example = doc.substring(doc.indexOf("## A worked example"));
    Path program = dir.resolve("conveyor.st");
    Files.writeString(program, blocks(example, "st").get(0));
    Path suiteFile = dir.resolve("conveyor.sequences.yaml");
    Files.writeString(suiteFile, blocks(example, "yaml").get(0));

    SuiteSpec suite = SequenceReader.read(suiteFile, null);
    String controller = "st:" + program;
    SuiteResult result = new SuiteRunner(Controllers.resolve(controller, suite.line()),
        controller, null, SuiteRunner.tagged(List.of())).run(suite);

    assertThat(result.passed()).as(ExampleSuitesStTest.verdicts(result).toString()).isTrue();
    assertThat(result.sequences()).hasSize(1);
  }

  @Test
  void theConfigurationSnippetCompiles() throws Exception {
    String doc = Files.readString(DOC);
    String configuration = blocks(doc, "st").stream().filter(b -> b.contains("CONFIGURATION"))
        .findFirst().orElseThrow();
    String programs = "PROGRAM Motion END_PROGRAM\nPROGRAM Alarms END_PROGRAM\n";

    var compiled = io.twinline.stplc.compile.Compiler.compile("doc.st", programs + configuration, 0);
    assertThat(compiled.tasks()).extracting(t -> t.name() + "@" + t.interval() / 1_000_000 + "ms")
        .containsExactly("Fast@10ms", "Slow@100ms");
  }
}
