package io.twinline.harness.report;

import io.twinline.harness.suite.Failure;
import io.twinline.harness.suite.SequenceResult;
import io.twinline.harness.suite.Status;
import io.twinline.harness.suite.Timeline;
import io.twinline.harness.suite.StepResult;
import io.twinline.harness.suite.SuiteResult;
import io.twinline.line.SourceLocation;
import io.twinline.sim.time.SimTime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The human report of a run: one self-contained HTML file (inline CSS and SVG, no scripts, no
 * external resources) with the totals, then per suite its sequences and their steps, a chart of
 * the signals around each failure, and what the suite covered.
 *
 * <p>The page is well-formed XML (XHTML) as well as HTML, so tools can read it with an XML
 * parser. It holds no date or host name: the same results give the same file. Passed sequences
 * are folded; failed ones and those in error are open.
 */
public final class HtmlReport {

  private HtmlReport() {}

  /**
   * Writes the report of {@code suites} to {@code file} in UTF-8, creating its folders and
   * replacing the file if it exists.
   */
  public static void write(List<SuiteResult> suites, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, render(suites), StandardCharsets.UTF_8);
  }

  /** The report as text. */
  static String render(List<SuiteResult> suites) {
    Markup out = new Markup();
    out.raw("<!DOCTYPE html>\n");
    out.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", "en");
    out.open("head");
    out.empty("meta", "charset", "utf-8");
    out.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
    out.element("title", "Twinline test report: " + totals(suites));
    out.open("style").raw(ReportStyle.CSS).close();
    out.close();
    out.open("body");
    header(out, suites);
    for (int i = 0; i < suites.size(); i++) {
      suite(out, suites.get(i), i);
    }
    out.close();
    out.close();
    return out.toString() + "\n";
  }

  private static void header(Markup out, List<SuiteResult> suites) {
    boolean passed = suites.stream().allMatch(SuiteResult::passed);
    long wall = suites.stream().mapToLong(SuiteResult::wallNanos).sum();
    long sequences = suites.stream().mapToLong(s -> s.sequences().size()).sum();
    long sim = suites.stream().flatMap(s -> s.sequences().stream())
        .mapToLong(SequenceResult::simNanos).sum();

    out.open("header", "class", passed ? "verdict passed" : "verdict failed");
    out.element("h1", "Twinline test report");
    out.open("p", "class", "totals");
    out.element("span", passed ? "PASSED" : "FAILED", "class", "badge " + (passed ? "passed"
        : "failed"));
    out.text(" ");
    counts(out, count(suites, Status.PASSED), count(suites, Status.FAILED),
        count(suites, Status.ERROR), count(suites, Status.SKIPPED));
    out.close();
    out.element("p", sequences + (sequences == 1 ? " sequence in " : " sequences in ") + suites.size()
        + (suites.size() == 1 ? " suite" : " suites") + "; simulated time " + io.twinline.harness.run.Times.format(sim)
        + ", wall time " + wall(wall), "class", "times");
    out.close();

    if (suites.size() > 1) {
      out.open("table", "class", "index");
      out.open("thead").open("tr");
      for (String h : List.of("suite", "line", "passed", "failed", "error", "skipped")) {
        out.element("th", h);
      }
      out.close().close().open("tbody");
      for (int i = 0; i < suites.size(); i++) {
        SuiteResult s = suites.get(i);
        out.open("tr", "class", s.passed() ? "passed" : "failed");
        out.open("td").element("a", s.file(), "href", "#" + suiteId(i)).close();
        out.element("td", s.line());
        for (Status status : Status.values()) {
          out.element("td", Long.toString(s.count(status)), "class", "num");
        }
        out.close();
      }
      out.close().close();
    }
  }

  private static void counts(Markup out, long passed, long failed, long error, long skipped) {
    out.element("span", passed + " passed", "class", "count passed");
    out.text(", ");
    out.element("span", failed + " failed", "class", "count failed");
    out.text(", ");
    out.element("span", error + (error == 1 ? " error" : " errors"), "class", "count error");
    if (skipped > 0) {
      out.text(", ");
      out.element("span", skipped + " skipped", "class", "count skipped");
    }
  }

  private static void suite(Markup out, SuiteResult suite, int index) {
    out.open("section", "class", "suite", "id", suiteId(index));
    out.open("h2");
    out.element("span", suite.passed() ? "PASSED" : "FAILED",
        "class", "badge " + (suite.passed() ? "passed" : "failed"));
    out.text(" ").element("code", suite.file());
    out.close();
    out.open("dl", "class", "facts");
    fact(out, "line", suite.line());
    fact(out, "controller", suite.controller());
    fact(out, "seed", Long.toString(suite.seed()));
    fact(out, "wall time", wall(suite.wallNanos()));
    out.close();
    for (String note : suite.notes()) {
      out.element("p", note, "class", "note run-note");
    }
    out.open("p", "class", "totals");
    counts(out, suite.count(Status.PASSED), suite.count(Status.FAILED), suite.count(Status.ERROR),
        suite.count(Status.SKIPPED));
    out.close();

    if (suite.sequences().isEmpty()) {
      out.element("p", "This file has no sequences.", "class", "none");
    }
    for (int i = 0; i < suite.sequences().size(); i++) {
      sequence(out, suite.sequences().get(i), suiteId(index) + "-q" + i);
    }
    if (suite.coverage() != null) {
      CoverageSection.render(suite.coverage(), out);
    }
    out.close();
  }

  private static void fact(Markup out, String name, String value) {
    out.element("dt", name).element("dd", value);
  }

  private static void sequence(Markup out, SequenceResult sequence, String id) {
    String status = css(sequence.status());
    boolean open = sequence.status() == Status.FAILED || sequence.status() == Status.ERROR;
    out.open("details", "class", "sequence " + status, "id", id, "open", open ? "open" : null);
    out.open("summary");
    out.element("span", sequence.status().name(), "class", "badge " + status);
    out.text(" ").element("span", sequence.name(), "class", "name");
    for (String tag : sequence.tags()) {
      out.text(" ").element("span", tag, "class", "tag");
    }
    out.text(" ");
    out.element("span", "sim " + io.twinline.harness.run.Times.format(sequence.simNanos()) + " \u00b7 wall "
        + wall(sequence.wallNanos()) + " \u00b7 " + fileLine(sequence.location()),
        "class", "meta");
    out.close();

    if (sequence.failure().isPresent()) {
      failure(out, sequence.failure().get());
    }
    steps(out, sequence.steps());
    out.close();
  }

  private static void steps(Markup out, List<StepResult> steps) {
    if (steps.isEmpty()) {
      out.element("p", "No steps.", "class", "none");
      return;
    }
    out.open("table", "class", "steps");
    out.open("thead").open("tr");
    for (String h : List.of("where", "step", "status", "start", "took", "message")) {
      out.element("th", h);
    }
    out.close().close().open("tbody");
    for (StepResult step : steps) {
      boolean ran = step.status() != Status.SKIPPED;
      out.open("tr", "class", css(step.status()));
      out.element("td", fileLine(step.location()), "class", "where");
      out.open("td", "class", "text").element("code", step.text()).close();
      out.element("td", step.status().name().toLowerCase(Locale.ROOT), "class", "status");
      out.element("td", ran ? io.twinline.harness.run.Times.format(step.start()) : "", "class", "num");
      out.element("td", ran ? io.twinline.harness.run.Times.format(step.end() - step.start()) : "", "class", "num");
      out.element("td", step.message() == null ? "" : step.message(), "class", "message");
      out.close();
    }
    out.close().close();
  }

  private static void failure(Markup out, Failure failure) {
    out.open("div", "class", failure.invariant() ? "failure invariant" : "failure");
    if (failure.invariant()) {
      out.element("p", "An invariant broke: the never step at "
          + fileLine(failure.location()) + " held at " + io.twinline.harness.run.Times.format(failure.time())
          + ". The step that was running then is marked interrupted, not failed.",
          "class", "verdict");
    }
    out.element("pre", failure.message(), "class", "message");
    out.open("p", "class", "where");
    out.text("at ").element("code", String.valueOf(failure.location()), "class", "location");
    out.text(", simulated time ").element("b", io.twinline.harness.run.Times.format(failure.time()));
    out.close();

    Timeline window = failure.timeline();
    if (window != null && !window.series().isEmpty()) {
      out.element("h4", (failure.invariant() ? "Signals before the breach, " : "Signals around"
          + " the failure, ") + io.twinline.harness.run.Times.format(window.from()) + " \u2013 "
          + io.twinline.harness.run.Times.format(window.to()));
      out.open("div", "class", "chart");
      TimelineChart.render(window, out);
      out.close();
      Timeline overview = failure.overview();
      if (overview != null && !overview.series().isEmpty()) {
        out.element("h4", "The whole run, " + io.twinline.harness.run.Times.format(overview.from()) + " \u2013 "
            + io.twinline.harness.run.Times.format(overview.to()) + " (the chart above shaded)");
        out.open("div", "class", "chart overview");
        TimelineChart.renderOverview(overview, window.from(), window.to(), out);
        out.close();
      }
    }
    List<Failure.Event> events = failure.lastEvents() == null ? List.of() : failure.lastEvents();
    if (!events.isEmpty()) {
      out.element("h4", "Last events");
      out.open("table", "class", "events").open("tbody");
      for (Failure.Event event : events) {
        out.open("tr");
        out.element("td", io.twinline.harness.run.Times.format(event.time()), "class", "num");
        out.element("td", event.text());
        out.close();
      }
      out.close().close();
    }
    out.close();
  }

  private static long count(List<SuiteResult> suites, Status status) {
    return suites.stream().mapToLong(s -> s.count(status)).sum();
  }

  private static String totals(List<SuiteResult> suites) {
    return count(suites, Status.PASSED) + " passed, " + count(suites, Status.FAILED)
        + " failed, " + count(suites, Status.ERROR) + " error";
  }

  private static String suiteId(int index) {
    return "suite" + index;
  }

  private static String css(Status status) {
    return status.name().toLowerCase(Locale.ROOT);
  }

  private static String fileLine(SourceLocation location) {
    if (location == null) {
      return "";
    }
    return location.line() > 0 ? location.file() + ":" + location.line() : location.file();
  }

  /** Wall-clock durations to the millisecond: {@code 0.035 s}. */
  private static String wall(long nanos) {
    long millis = (nanos + SimTime.NANOS_PER_MILLI / 2) / SimTime.NANOS_PER_MILLI;
    return io.twinline.harness.run.Times.format(millis * SimTime.NANOS_PER_MILLI);
  }
}
