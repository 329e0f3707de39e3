package io.twinline.harness.report;

import io.twinline.harness.suite.Failure;
import io.twinline.harness.suite.SequenceResult;
import io.twinline.harness.suite.Status;
import io.twinline.harness.suite.StepResult;
import io.twinline.harness.suite.SuiteResult;
import io.twinline.line.SourceLocation;
import io.twinline.sim.time.SimTime;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Results as JUnit XML in the format Maven Surefire writes, which Jenkins, GitLab and GitHub
 * show without plugins: a {@code <testsuite>} per sequence file, a {@code <testcase>} per
 * sequence (per case of a parameterised one), failures with the message and the failing step's
 * {@code file:line:column}, and the steps as the test case's output.
 */
public final class JUnitXml {

  private JUnitXml() {}

  public static void write(List<SuiteResult> suites, Path file) throws IOException {
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    Files.writeString(file, render(suites), StandardCharsets.UTF_8);
  }

  public static String render(List<SuiteResult> suites) {
    StringWriter out = new StringWriter();
    try {
      write(suites, out);
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write JUnit XML: " + e.getMessage(), e);
    }
    return out.toString();
  }

  private static void write(List<SuiteResult> suites, Writer out) throws XMLStreamException {
    XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeCharacters("\n");
    xml.writeStartElement("testsuites");
    xml.writeAttribute("name", "twinline");
    xml.writeAttribute("tests", String.valueOf(total(suites, null)));
    xml.writeAttribute("failures", String.valueOf(total(suites, Status.FAILED)));
    xml.writeAttribute("errors", String.valueOf(total(suites, Status.ERROR)));
    xml.writeAttribute("skipped", "0");
    xml.writeAttribute("time", seconds(suites.stream().mapToLong(SuiteResult::wallNanos).sum()));
    for (SuiteResult suite : suites) {
      suite(xml, suite);
    }
    xml.writeCharacters("\n");
    xml.writeEndElement();
    xml.writeEndDocument();
    xml.close();
  }

  private static long total(List<SuiteResult> suites, Status status) {
    return suites.stream()
        .mapToLong(s -> status == null ? s.sequences().size() : s.count(status))
        .sum();
  }

  /** The suite's name: the file name without {@code .yaml}. */
  static String suiteName(SuiteResult suite) {
    String name = Path.of(suite.file()).getFileName().toString();
    return name.replaceFirst("\\.ya?ml$", "");
  }

  private static void suite(XMLStreamWriter xml, SuiteResult suite) throws XMLStreamException {
    String name = suiteName(suite);
    xml.writeCharacters("\n  ");
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", name);
    xml.writeAttribute("tests", String.valueOf(suite.sequences().size()));
    xml.writeAttribute("failures", String.valueOf(suite.count(Status.FAILED)));
    xml.writeAttribute("errors", String.valueOf(suite.count(Status.ERROR)));
    xml.writeAttribute("skipped", "0");
    xml.writeAttribute("time", seconds(suite.wallNanos()));
    xml.writeCharacters("\n    ");
    xml.writeStartElement("properties");
    property(xml, "file", suite.file());
    property(xml, "line", suite.line());
    property(xml, "controller", suite.controller());
    property(xml, "seed", String.valueOf(suite.seed()));
    xml.writeCharacters("\n    ");
    xml.writeEndElement();
    for (SequenceResult sequence : suite.sequences()) {
      testcase(xml, name, suite.file(), sequence);
    }
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
  }

  private static void property(XMLStreamWriter xml, String name, String value)
      throws XMLStreamException {
    xml.writeCharacters("\n      ");
    xml.writeEmptyElement("property");
    xml.writeAttribute("name", name);
    xml.writeAttribute("value", value);
  }

  private static void testcase(
      XMLStreamWriter xml, String suiteName, String file, SequenceResult sequence)
      throws XMLStreamException {
    xml.writeCharacters("\n    ");
    xml.writeStartElement("testcase");
    xml.writeAttribute("name", sequence.name());
    xml.writeAttribute("classname", suiteName);
    xml.writeAttribute("time", seconds(sequence.wallNanos()));
    xml.writeAttribute("file", file);
    xml.writeAttribute("line", String.valueOf(sequence.location().line()));
    if (sequence.status() == Status.FAILED || sequence.status() == Status.ERROR) {
      Failure failure = sequence.failure().orElse(null);
      String message = failure == null ? "failed" : failure.message();
      xml.writeCharacters("\n      ");
      xml.writeStartElement(sequence.status() == Status.FAILED ? "failure" : "error");
      xml.writeAttribute("message", message);
      xml.writeAttribute("type",
          sequence.status() == Status.FAILED ? "SequenceFailure" : "SequenceError");
      xml.writeCharacters(failureText(failure));
      xml.writeEndElement();
    }
    xml.writeCharacters("\n      ");
    xml.writeStartElement("system-out");
    xml.writeCharacters(stepLog(sequence));
    xml.writeEndElement();
    xml.writeCharacters("\n    ");
    xml.writeEndElement();
  }

  private static String failureText(Failure failure) {
    if (failure == null) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    text.append(format(failure.location())).append(": ").append(failure.message()).append('\n');
    text.append("at simulated time ").append(io.twinline.harness.run.Times.format(failure.time())).append('\n');
    if (!failure.lastEvents().isEmpty()) {
      text.append("last events:\n");
      for (Failure.Event event : failure.lastEvents()) {
        text.append("  ").append(io.twinline.harness.run.Times.format(event.time())).append("  ").append(event.text())
            .append('\n');
      }
    }
    return text.toString();
  }

  private static String stepLog(SequenceResult sequence) {
    StringBuilder log = new StringBuilder("\n");
    for (StepResult step : sequence.steps()) {
      log.append(String.format(Locale.ROOT, "%-7s %s %s%s%n", step.status(),
          step.status() == Status.SKIPPED ? "" : "[" + io.twinline.harness.run.Times.format(step.start()) + "]",
          step.text(),
          step.message().isEmpty() ? "" : " -- " + step.message()));
    }
    log.append("simulated ").append(io.twinline.harness.run.Times.format(sequence.simNanos())).append(" in ")
        .append(seconds(sequence.wallNanos())).append(" s\n");
    return log.toString();
  }

  static String format(SourceLocation location) {
    return location.file() + ":" + location.line() + ":" + location.column();
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
  }
}
