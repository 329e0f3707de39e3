package io.twinline.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.harness.suite.SequenceReader;
import io.twinline.harness.suite.SuiteResult;
import io.twinline.harness.suite.SuiteRunner;
import io.twinline.harness.suite.SuiteSpec;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The report of a broken {@code never}: the invariant is the failure, the step that ran is
 * interrupted, the chart zooms to the breach with the scans marked, the whole run below.
 */
class InvariantReportTest {

  /** The bottling suite's e-stop sequence against the program without the e-stop interlock. */
  static SuiteResult brokenInvariant() throws Exception {
    SuiteSpec suite = SequenceReader.read(
        Path.of("sequences", "bottling-line.sequences.yaml"), null);
    return new SuiteRunner(
        Optional.of(io.twinline.harness.reference.faulty.BottlingLineMissingEStopInterlock::new),
        "BottlingLineMissingEStopInterlock", null, SuiteRunner.tagged(List.of("safety")))
        .run(suite);
  }

  private final Document page;

  InvariantReportTest() throws Exception {
    page = parse(HtmlReport.render(List.of(brokenInvariant())));
  }

  @Test
  void theInvariantIsTheFailureAndTheRunningStepIsInterrupted() {
    Element failure = one("//*[@class='failure invariant']");
    assertThat(one(failure, "*[@class='verdict']").getTextContent())
        .startsWith("An invariant broke: the never step at sequences/bottling-line.sequences.yaml:45"
            + " held at 10.250 s.");
    List<Element> rows = all("//*[@class='steps']//*[local-name()='tbody']/*");
    Element never = rows.stream().filter(r -> cell(r, 0).endsWith(":45")).findFirst()
        .orElseThrow();
    Element waiting = rows.stream().filter(r -> cell(r, 0).endsWith(":51")).findFirst()
        .orElseThrow();
    assertThat(never.getAttribute("class")).isEqualTo("failed");
    assertThat(cell(never, 3)).isEqualTo("10.200 s"); // armed
    assertThat(cell(never, 4)).isEqualTo("0.050 s"); // held for 50 ms, then broke
    assertThat(waiting.getAttribute("class")).isEqualTo("interrupted");
    assertThat(cell(waiting, 5)).startsWith("interrupted at 10.250 s");
    assertThat(rows).filteredOn(r -> r.getAttribute("class").equals("failed")).hasSize(1);
  }

  @Test
  void theChartZoomsToTheBreachWithEveryScanMarkedAndTheWholeRunBelow() {
    List<Element> charts = all("//*[@class='failure invariant']//*[local-name()='svg']");
    assertThat(charts).extracting(c -> c.getAttribute("class"))
        .containsExactly("timeline", "timeline overview");
    assertThat(charts.get(0).getAttribute("aria-label"))
        .isEqualTo("signals from 10.050 s to 10.250 s");
    // 10.050 s to 10.250 s, every 10 ms
    assertThat(all(charts.get(0), ".//*[@class='scan']")).hasSize(21);
    assertThat(charts.get(1).getAttribute("aria-label"))
        .isEqualTo("signals from 0.000 s to 10.250 s");
    assertThat(all(charts.get(1), ".//*[@class='scan']")).isEmpty();
    Element window = one(charts.get(1), ".//*[@class='zoom-window']");
    assertThat(Double.parseDouble(window.getAttribute("width"))).isGreaterThanOrEqualTo(2);
  }

  @Test
  void timesAreInMilliseconds() {
    List<Element> times = all("//*[@class='events']//*[local-name()='td' and @class='num']");
    assertThat(times).isNotEmpty().allSatisfy(t ->
        assertThat(t.getTextContent()).matches("\\d+\\.\\d{3} s"));
  }

  private static String cell(Element row, int index) {
    return all(row, "*[local-name()='td']").get(index).getTextContent();
  }

  private Element one(String xpath) {
    return one(page, xpath);
  }

  private static Element one(Object context, String xpath) {
    List<Element> found = all(context, xpath);
    assertThat(found).as(xpath).hasSize(1);
    return found.get(0);
  }

  private List<Element> all(String xpath) {
    return all(page, xpath);
  }

  private static List<Element> all(Object context, String xpath) {
    try {
      NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath()
          .evaluate(xpath, context, XPathConstants.NODESET);
      List<Element> elements = new ArrayList<>();
      for (int i = 0; i < nodes.getLength(); i++) {
        elements.add((Element) nodes.item(i));
      }
      return elements;
    } catch (Exception e) {
      throw new AssertionError("bad XPath " + xpath, e);
    }
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }
}
