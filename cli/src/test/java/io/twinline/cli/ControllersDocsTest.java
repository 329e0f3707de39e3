package io.twinline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.sim.controller.ControlProgram;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * docs/controllers.md: its worked example compiles against Twinline's API alone and passes its
 * sequence with {@code twinline test}, printing what the page shows; its rules hold.
 */
class ControllersDocsTest {

  private static final Path DOC = Path.of("..", "docs", "controllers.md");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private static String block(String language, int index) throws Exception {
    Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL)
        .matcher(Files.readString(DOC));
    for (int i = 0; i <= index; i++) {
      assertThat(m.find()).as("```%s block %d in %s", language, i, DOC).isTrue();
    }
    return m.group(1);
  }

  /** Compiles {@code source} (class {@code name}) with only the controller API on the path. */
  private static ClassLoader compile(Path dir, String name, String source) throws Exception {
    Path file = dir.resolve("src").resolve(name.replace('.', '/') + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    String api = Path.of(ControlProgram.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI()).toString();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter messages = new StringWriter();
    int code = javac.run(null, new java.io.ByteArrayOutputStream(),
        new java.io.ByteArrayOutputStream() {
          @Override
          public void flush() {
            messages.write(toString());
          }
        }, "-cp", api, "-d", classes.toString(), file.toString());
    assertThat(code).as("javac: %s", messages).isZero();
    return new URLClassLoader(new URL[] {classes.toUri().toURL()},
        ControllersDocsTest.class.getClassLoader());
  }

  private int twinline(ClassLoader programs, String... args) {
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(programs); // what TWINLINE_CLASSPATH does for the launcher
    try {
      CommandLine cli = Twinline.commandLine();
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(err, true));
      return cli.execute(args);
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  @Test
  void theWorkedExampleCompilesAndPassesItsSequenceAsShown(@TempDir Path dir) throws Exception {
    ClassLoader programs = compile(dir, "com.acme.HoldAtEnd", block("java", 1));
    Path sequences = dir.resolve("hold-at-end.sequences.yaml");
    Files.writeString(sequences, block("yaml", 0));

    int code = twinline(programs, "test", sequences.toString());

    assertThat(code).as(out + "\n" + err).isZero();
    List<String> shown = block("text", 0).lines().toList();
    List<String> printed = out.toString().replace(dir + "/", "").lines().toList();
    assertThat(printed.get(0)).isEqualTo(shown.get(0));
    assertThat(printed.get(1)).isEqualTo(shown.get(1));
    assertThat(printed.get(2).replaceAll("in \\d+\\.\\d s\\)", "in 0.1 s)"))
        .isEqualTo(shown.get(2));
  }

  @Test
  void theCommandsShownNameTheClassThePageCompiles() throws Exception {
    String bash = block("bash", 0);
    assertThat(bash).contains("javac -cp cli/target/twinline.jar -d build/classes"
        + " src/com/acme/HoldAtEnd.java");
    assertThat(bash).contains("TWINLINE_CLASSPATH=build/classes ./twinline test"
        + " hold-at-end.sequences.yaml");
    assertThat(Files.readString(Path.of("..", "twinline"))).contains("TWINLINE_CLASSPATH");
  }

  @Test
  void aClassWithoutANoArgumentConstructorIsRefused(@TempDir Path dir) throws Exception {
    ClassLoader programs = compile(dir, "com.acme.Configured", """
        package com.acme;
        public class Configured implements io.twinline.sim.controller.ControlProgram {
          public Configured(int speed) {}
          public void scan(io.twinline.sim.controller.ProcessImage io) {}
        }
        """);
    Path sequences = dir.resolve("x.sequences.yaml");
    Files.writeString(sequences, block("yaml", 0));

    int code = twinline(programs, "test", sequences.toString(), "--controller",
        "class:com.acme.Configured");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("needs a public constructor without arguments");
  }

  @Test
  void aProgramThatWritesAnInputEndsTheSequenceAsAnError(@TempDir Path dir) throws Exception {
    ClassLoader programs = compile(dir, "com.acme.WritesASensor", """
        package com.acme;
        public class WritesASensor implements io.twinline.sim.controller.ControlProgram {
          public void scan(io.twinline.sim.controller.ProcessImage io) {
            io.set("Infeed/PartAtEnd", true);
          }
        }
        """);
    Path sequences = dir.resolve("x.sequences.yaml");
    Files.writeString(sequences, block("yaml", 0));

    int code = twinline(programs, "test", sequences.toString(), "--controller",
        "class:com.acme.WritesASensor");

    assertThat(code).as(out.toString()).isEqualTo(1);
    assertThat(out.toString()).contains("ERROR").contains("is an input");
  }
}
