package io.twinline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code twinline validate} on sequence files: each problem once, the exit code of bad input. */
class ValidateSequencesTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Twinline.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void aSequenceFileWithABrokenLineGivesTheLinesProblemOnceAndSaysTheStepsWaitForIt(
      @TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("belt.yaml"), """
        line: Belt
        components:
          - name: Infeed
            type: conveyer
        """);
    Path sequences = dir.resolve("belt.sequences.yaml");
    Files.writeString(sequences, """
        line: belt.yaml
        sequences:
          - name: Runs
            steps:
              - expect: Infeed/MotorOn
                within: 1 s
        """);

    int code = run("validate", dir.resolve("belt.yaml").toString(), sequences.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().lines().filter(l -> l.contains("unknown component type")))
        .hasSize(1);
    assertThat(err.toString()).contains("belt.sequences.yaml: its steps were not checked, since"
        + " its line is not valid");
  }

  @Test
  void anUnknownSignalInASequenceGetsADidYouMean(@TempDir Path dir) throws Exception {
    Path sequences = dir.resolve("demo.sequences.yaml");
    Files.writeString(sequences, """
        line: demo-conveyor.yaml
        sequences:
          - name: Runs
            steps:
              - expect: PartAtEnd
                within: 1 s
              - set: {MotorOnn: true}
        """);

    assertThat(run("validate", sequences.toString())).isEqualTo(2);

    assertThat(err.toString())
        .contains("unknown signal 'PartAtEnd'")
        .contains("did you mean 'Infeed/PartAtEnd'?")
        .contains("unknown signal 'MotorOnn'")
        .contains("did you mean 'Infeed/MotorOn'?")
        .contains("2 problems");
  }
}
