package io.twinline.harness.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinline.harness.run.Coverage;
import io.twinline.harness.run.Coverage.SignalUse;
import io.twinline.harness.suite.SuiteResult;
import io.twinline.line.Direction;
import io.twinline.line.SignalType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The coverage of a run as JSON, for CI and dashboards:
 *
 * <pre>{@code
 * {"suites": [{"file": ..., "line": ..., "controller": ..., "seed": ...,
 *   "inputs": {"exercised": 12, "total": 20, "notExercised": ["Infeed/PartAtEnd", ...]},
 *   "outputs": {"driven": 8, "total": 10, "notDriven": ["Tower/Horn", ...]},
 *   "faults": ["jam on Infeed"], "invariants": ["Tower/Green && !EStop/Healthy"],
 *   "signals": [{"path": "Infeed/PartAtEnd", "direction": "input", "type": "Boolean",
 *     "rose": true, "fell": false, "changed": true, "drivenByController": false,
 *     "setByHarness": false, "exercised": false, "exercise": "rose only", "checked": true},
 *     ...]}]}
 * }</pre>
 *
 * <p>The figures are {@link Coverage#inputFigures()} and {@link Coverage#outputFigures()}; a
 * signal's {@code exercised} follows the same rule (an input: a Boolean rose and fell, another
 * value changed; an output: the controller drove it), so {@code notExercised} with {@code
 * exercisedOneWay} (a Boolean input that changed one way only: a trip that happened, never
 * reset) and {@code notDriven} list exactly what the figures miss. {@code exercise} says it in
 * words ({@code both ways}, {@code rose only}, {@code fell only}, {@code not exercised}); {@code
 * checked} whether a condition of an expectation or an invariant named the signal. The simulation's own signals are left out. A
 * suite without coverage has only {@code file}, {@code line}, {@code controller} and {@code seed}.
 * Keys keep this order; the output is pretty-printed.
 */
public final class CoverageJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CoverageJson() {}

  /** Writes the coverage of {@code suites} to {@code file} in UTF-8, creating its folders. */
  public static void write(List<SuiteResult> suites, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, render(suites), StandardCharsets.UTF_8);
  }

  /** The JSON document, ending with a line break. */
  static String render(List<SuiteResult> suites) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode array = root.putArray("suites");
    for (SuiteResult suite : suites) {
      array.add(suite(suite));
    }
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      // A tree of plain nodes always serialises; this would be a bug in Jackson.
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode suite(SuiteResult suite) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("file", suite.file());
    node.put("line", suite.line());
    node.put("controller", suite.controller());
    node.put("seed", suite.seed());
    Coverage coverage = suite.coverage();
    if (coverage == null) {
      return node;
    }
    List<SignalUse> signals = coverage.signals();

    int[] in = coverage.inputFigures();
    ObjectNode inputs = node.putObject("inputs");
    inputs.put("exercised", in[0]);
    inputs.put("total", in[1]);
    ArrayNode notExercised = inputs.putArray("notExercised");
    inputs.put("oneWay", coverage.inputsOneWay());
    ArrayNode oneWay = inputs.putArray("exercisedOneWay");

    int[] out = coverage.outputFigures();
    ObjectNode outputs = node.putObject("outputs");
    outputs.put("driven", out[0]);
    outputs.put("total", out[1]);
    ArrayNode notDriven = outputs.putArray("notDriven");
    outputs.put("checked", coverage.assertedOutputFigures()[0]);
    ArrayNode notChecked = outputs.putArray("notChecked");

    ArrayNode faults = node.putArray("faults");
    coverage.faults().forEach(faults::add);
    ArrayNode invariants = node.putArray("invariants");
    coverage.invariants().forEach(invariants::add);

    ArrayNode signalNodes = node.putArray("signals");
    for (SignalUse use : signals) {
      SignalType type = coverage.type(use.path());
      boolean exercised = use.direction() == Direction.INPUT
          ? use.exercised(type)
          : use.drivenByController();
      boolean input = use.direction() == Direction.INPUT;
      if (input && use.exercise(type) == Coverage.Exercise.ONE_WAY) {
        oneWay.add(use.path());
      } else if (!exercised) {
        (input ? notExercised : notDriven).add(use.path());
      }
      if (!input && !use.asserted()) {
        notChecked.add(use.path());
      }
      ObjectNode s = signalNodes.addObject();
      s.put("path", use.path());
      s.put("direction", use.direction().displayName());
      s.put("type", type.displayName());
      s.put("rose", use.rose());
      s.put("fell", use.fell());
      s.put("changed", use.changed());
      s.put("drivenByController", use.drivenByController());
      s.put("setByHarness", use.setByHarness());
      s.put("exercised", exercised);
      if (input) {
        s.put("exercise", use.describe(type));
      }
      s.put("checked", use.asserted());
    }
    return node;
  }
}
