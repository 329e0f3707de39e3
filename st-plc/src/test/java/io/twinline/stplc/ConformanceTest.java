package io.twinline.stplc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinline.stplc.compile.Compiled;
import io.twinline.stplc.runtime.Frame;
import io.twinline.stplc.runtime.StStop;
import io.twinline.stplc.runtime.Var;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance suite (src/test/resources/conformance.cases): small programs, each scanned at
 * given simulated times, with the values IEC 61131-3 says they must have after each scan.
 */
class ConformanceTest {

  private static final AtomicInteger PROGRAMS = new AtomicInteger();
  private static final AtomicInteger CHECKS = new AtomicInteger();

  record Group(String header, List<String> sets, List<String> expects) {}

  record Case(String name, String program, List<Group> groups) {}

  static List<Case> cases() throws IOException {
    String text;
    try (InputStream in = ConformanceTest.class.getResourceAsStream("/conformance.cases")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Case> cases = new ArrayList<>();
    String name = null;
    StringBuilder program = null;
    List<Group> groups = null;
    Group group = null;
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("=== ")) {
        if (name != null) {
          cases.add(new Case(name, program.toString(), groups));
        }
        name = line.substring(4).strip();
        program = new StringBuilder();
        groups = new ArrayList<>();
        group = null;
      } else if (name == null || (group == null && line.startsWith("#") && program.isEmpty())) {
        continue;
      } else if (line.startsWith("--- ")) {
        group = new Group(line.substring(4).strip(), new ArrayList<>(), new ArrayList<>());
        groups.add(group);
      } else if (group == null) {
        program.append(line).append('\n');
      } else if (line.startsWith("set ")) {
        group.sets().add(line.substring(4).strip());
      } else if (!line.isBlank()) {
        group.expects().add(line.strip());
      }
    }
    if (name != null) {
      cases.add(new Case(name, program.toString(), groups));
    }
    return cases;
  }

  @TestFactory
  Stream<DynamicTest> everyProgramHasItsExpectedValues() throws IOException {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
  }

  private static void run(Case c) throws Exception {
    Plc plc = Plc.of(c.program());
    PROGRAMS.incrementAndGet();
    for (Group g : c.groups()) {
      for (String set : g.sets()) {
        String[] parts = set.split(":=");
        set(plc, parts[0].strip(), parts[1].strip());
      }
      String stop = g.expects().stream().filter(e -> e.startsWith("!")).findFirst()
          .map(e -> e.substring(1).strip()).orElse(null);
      Runnable scans = () -> scans(plc, g.header());
      if (stop != null) {
        assertThatThrownBy(scans::run).isInstanceOf(StStop.class).hasMessageContaining(stop);
        CHECKS.incrementAndGet();
        continue;
      }
      scans.run();
      for (String expect : g.expects()) {
        int eq = expect.indexOf(" = ");
        String variable = expect.substring(0, eq).strip();
        String value = expect.substring(eq + 3).strip();
        assertThat(value(plc, variable)).as("%s after %s", variable, g.header()).isEqualTo(value);
        CHECKS.incrementAndGet();
      }
    }
  }

  private static void scans(Plc plc, String header) {
    if (header.startsWith("at ")) {
      plc.scanAt(nanos(header.substring(3)));
    } else {
      // scans N every T
      String[] words = header.split("\\s+");
      plc.scans(Integer.parseInt(words[1]), nanos(words[3]));
    }
  }

  private static long nanos(String text) {
    String t = text.strip();
    if (t.endsWith("ms")) {
      return Long.parseLong(t.substring(0, t.length() - 2)) * 1_000_000L;
    }
    return Long.parseLong(t.substring(0, t.length() - 1)) * 1_000_000_000L;
  }

  /** A value by a path with members and constant indexes: {@code slots[-2].id}, {@code grid[2, 10]}. */
  static String value(Plc plc, String path) {
    if (!path.contains("[")) {
      return plc.get(path);
    }
    // compile the read as a tiny program would: simplest is to evaluate with the compiler
    return Probe.read(plc.compiled, path);
  }

  private static void set(Plc plc, String name, String value) {
    Compiled.Instance main = plc.compiled.instances().get(0);
    Var var = main.layout().get(name);
    Frame f = main.frame();
    switch (var.type().kind) {
      case BOOL -> f.l[var.slot()] = value.equalsIgnoreCase("TRUE") ? 1 : 0;
      case REAL -> f.d[var.slot()] = Double.parseDouble(value);
      default -> f.l[var.slot()] = Long.parseLong(value);
    }
  }

  @AfterAll
  static void count() {
    System.out.println("Structured Text conformance: " + PROGRAMS.get() + " programs, "
        + CHECKS.get() + " checks passed");
  }
}
