package io.twinline.harness.report;

import io.twinline.harness.run.Coverage;
import io.twinline.harness.run.Coverage.SignalUse;
import io.twinline.line.Direction;
import io.twinline.line.SignalType;
import java.util.List;

/**
 * The coverage part of a suite in the HTML report: the two figures, the inputs and outputs with
 * what each saw (those that count against the figures highlighted), the faults injected and the
 * invariants armed.
 */
final class CoverageSection {

  private static final String YES = "\u2713";
  private static final String NO = "\u2717";
  private static final String NOT_APPLICABLE = "\u2013";

  private CoverageSection() {}

  /** The figures as the report words them: {@code inputs exercised in both directions: 3 of 5}. */
  static String inputFigure(Coverage coverage) {
    int[] f = coverage.inputFigures();
    return "inputs exercised in both directions: " + f[0] + " of " + f[1];
  }

  /** {@code inputs exercised one way only: 1 of 5}: a trip that happened but was not reset. */
  static String oneWayFigure(Coverage coverage) {
    return "inputs exercised one way only: " + coverage.inputsOneWay() + " of "
        + coverage.inputFigures()[1];
  }

  /** {@code outputs checked by a condition: 3 of 4}. */
  static String assertedFigure(Coverage coverage) {
    int[] f = coverage.assertedOutputFigures();
    return "outputs checked by a condition: " + f[0] + " of " + f[1];
  }

  /** {@code outputs driven by the controller: 2 of 4}. */
  static String outputFigure(Coverage coverage) {
    int[] f = coverage.outputFigures();
    return "outputs driven by the controller: " + f[0] + " of " + f[1];
  }

  static void render(Coverage coverage, Markup out) {
    out.open("section", "class", "coverage");
    out.element("h3", "Coverage");
    figure(out, inputFigure(coverage), coverage.inputFigures());
    figure(out, oneWayFigure(coverage),
        new int[] {coverage.inputsOneWay(), coverage.inputFigures()[1]});
    figure(out, outputFigure(coverage), coverage.outputFigures());
    figure(out, assertedFigure(coverage), coverage.assertedOutputFigures());
    out.element("p", "A Boolean input counts when it rose and fell, any other input when it"
        + " changed; one that changed one way only (a trip that happened, never reset) is"
        + " exercised one way, not untested. An output counts when the controller (not the"
        + " harness) changed it, and is checked when a condition of an expectation or an"
        + " invariant names it.",
        "class", "note");

    List<SignalUse> signals = coverage.signals();
    inputs(out, coverage, signals);
    outputs(out, coverage, signals);

    out.element("h4", "Faults injected");
    list(out, coverage.faults(), "no faults were injected");
    out.element("h4", "Invariants armed (never)");
    list(out, coverage.invariants(), "no invariants were armed");
    out.close();
  }

  private static void figure(Markup out, String text, int[] figures) {
    out.open("div", "class", "figure");
    out.element("span", text, "class", "figure-text");
    if (figures[1] > 0) {
      long percent = Math.round(100.0 * figures[0] / figures[1]);
      out.open("span", "class", "meter", "title", percent + " %");
      out.element("span", "", "class", "meter-fill", "style", "width: " + percent + "%");
      out.close();
    }
    out.close();
  }

  private static void inputs(Markup out, Coverage coverage, List<SignalUse> signals) {
    out.open("details", "class", "signals", "open", "open");
    out.element("summary", "Inputs");
    out.open("table", "class", "signals");
    out.open("thead").open("tr");
    for (String h : List.of("input", "type", "rose", "fell", "changed", "exercised",
        "checked")) {
      out.element("th", h);
    }
    out.close().close();
    out.open("tbody");
    for (SignalUse use : signals) {
      if (use.direction() != Direction.INPUT) {
        continue;
      }
      SignalType type = coverage.type(use.path());
      Coverage.Exercise exercise = use.exercise(type);
      boolean digital = type == SignalType.BOOLEAN;
      out.open("tr", "class", switch (exercise) {
        case BOTH_WAYS -> "covered";
        case ONE_WAY -> "one-way";
        case NOT_EXERCISED -> "missing";
      });
      out.element("td", use.path(), "class", "path");
      out.element("td", type.displayName());
      mark(out, digital, use.rose());
      mark(out, digital, use.fell());
      mark(out, true, use.changed());
      if (exercise == Coverage.Exercise.ONE_WAY) {
        out.element("td", use.describe(type), "class", "mark partly");
      } else {
        mark(out, true, exercise == Coverage.Exercise.BOTH_WAYS);
      }
      mark(out, true, use.asserted());
      out.close();
    }
    out.close().close().close();
  }

  private static void outputs(Markup out, Coverage coverage, List<SignalUse> signals) {
    out.open("details", "class", "signals", "open", "open");
    out.element("summary", "Outputs");
    out.open("table", "class", "signals");
    out.open("thead").open("tr");
    for (String h : List.of("output", "type", "driven by the controller", "set by the harness",
        "checked")) {
      out.element("th", h);
    }
    out.close().close();
    out.open("tbody");
    for (SignalUse use : signals) {
      if (use.direction() != Direction.OUTPUT) {
        continue;
      }
      out.open("tr", "class", use.drivenByController() ? "covered" : "missing");
      out.element("td", use.path(), "class", "path");
      out.element("td", coverage.type(use.path()).displayName());
      mark(out, true, use.drivenByController());
      mark(out, true, use.setByHarness());
      mark(out, true, use.asserted());
      out.close();
    }
    out.close().close().close();
  }

  private static void mark(Markup out, boolean applies, boolean value) {
    if (!applies) {
      out.element("td", NOT_APPLICABLE, "class", "mark");
    } else {
      out.element("td", value ? YES : NO, "class", value ? "mark yes" : "mark no");
    }
  }

  private static void list(Markup out, List<String> items, String none) {
    if (items.isEmpty()) {
      out.element("p", none, "class", "none");
      return;
    }
    out.open("ul", "class", "plain");
    for (String item : items) {
      out.open("li").element("code", item).close();
    }
    out.close();
  }
}
