package io.twinline.harness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.twinline.harness.suite.SequenceResult;
import io.twinline.harness.suite.Status;
import io.twinline.harness.suite.StepResult;
import io.twinline.harness.suite.SuiteResult;
import io.twinline.line.SourceLocation;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The HTML report of a small hand-written run, read back with an XML parser. */
class HtmlReportTest {

  private final String html = HtmlReport.render(List.of(SampleResults.suite()));
  private final Document page = parse(html);

  @Test
  void thePageIsOneWellFormedXhtmlDocumentWithoutExternalResources() {
    assertThat(page.getDocumentElement().getLocalName()).isEqualTo("html");
    assertThat(page.getDocumentElement().getNamespaceURI())
        .isEqualTo("http://www.w3.org/1999/xhtml");
    assertThat(html).startsWith("<!DOCTYPE html>\n");
    assertThat(all("//*[local-name()='style']")).hasSize(1);
    assertThat(html).doesNotContain("<script", "<link", "<img", "src=", "url(");
    String withoutNamespaces = html.replace("xmlns=\"http://www.w3.org/1999/xhtml\"", "")
        .replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    assertThat(withoutNamespaces).doesNotContain("http:", "https:");
  }

  @Test
  void theFailureMessageIsEscapedAndShownWhole() {
    assertThat(html).contains("(Tank/Level &lt; 80 &amp; Tower/Green = false)");
    assertThat(text("//*[local-name()='pre' and @class='message']"))
        .isEqualTo(SampleResults.MESSAGE);
  }

  @Test
  void theFailureNamesTheFailingStepByFileLineAndColumnAndItsTime() {
    Element where = one("//*[@class='failure']/*[@class='where']");
    assertThat(where.getTextContent()).isEqualTo("at filling.seq.yaml:14:7, simulated time 3.000 s");
  }

  @Test
  void theChartHasOneRowPerSeriesInOrder() {
    assertThat(all("//*[local-name()='svg']")).hasSize(1);
    List<Element> rows = all("//*[local-name()='svg']/*[local-name()='g' and @class='row']");
    assertThat(rows).extracting(r -> r.getAttribute("data-path"))
        .containsExactly("Tower/Green", "Tank/Level", "Filler/Recipe");
  }

  @Test
  void aBooleanIsADigitalTraceThatGoesHighForTheSecondItWasTrue() {
    Element row = row("Tower/Green");
    Element trace = one(row, "*[@class='trace digital']");
    // low from 0 s, high from 1 s to 2 s, low again to 4 s: four levels, three edges
    String[] moves = trace.getAttribute("d").trim().split(" ");
    assertThat(moves).hasSize(6);
    assertThat(moves[0]).startsWith("M");
    List<Element> highs = children(row, "rect", "on");
    assertThat(highs).hasSize(1);
    double width = Double.parseDouble(highs.get(0).getAttribute("width"));
    assertThat(width).isCloseTo(x("1.000 s", "2.000 s"), offset(0.2));
  }

  @Test
  void aNumberIsAStepLineScaledToItsMinimumAndMaximumPrintedAtTheRow() {
    Element row = row("Tank/Level");
    assertThat(one(row, "*[@class='trace analog']").getAttribute("d")).isNotBlank();
    assertThat(children(row, "text", "range")).extracting(Element::getTextContent)
        .containsExactly("max 80.5", "min 0");
  }

  @Test
  void aStringIsLabelledSegments() {
    Element row = row("Filler/Recipe");
    assertThat(children(row, "polygon", "segment shade0")).hasSize(1);
    assertThat(children(row, "polygon", "segment shade1")).hasSize(1);
    assertThat(children(row, "text", "value")).extracting(Element::getTextContent)
        .containsExactly("idle", "filling <large>");
  }

  @Test
  void theMarkerStandsAtTheFailureTimeOnTheAxis() {
    Element marker = one("//*[local-name()='g' and @class='marker']");
    assertThat(one(marker, "*[@class='marker-label']").getTextContent()).isEqualTo("failure");
    Element line = one(marker, "*[@class='marker-line']");
    assertThat(line.getAttribute("x1")).isEqualTo(line.getAttribute("x2"))
        .isEqualTo(tick("3.000 s").getAttribute("x"));
  }

  @Test
  void theLastEventsAreListedWithTheirTimes() {
    List<Element> rows = all("//*[@class='events']//*[local-name()='tr']");
    assertThat(rows).extracting(r -> r.getTextContent())
        .containsExactly("1.000 sset Filler/Recipe = filling <large>",
            "2.000 sTower/Green = false");
  }

  @Test
  void theTotalsCountPassedFailedAndErrorSequences() {
    assertThat(text("//*[local-name()='header']/*[@class='totals']"))
        .isEqualTo("FAILED 1 passed, 1 failed, 0 errors");
    assertThat(text("//*[local-name()='header']/*[@class='times']"))
        .isEqualTo("2 sequences in 1 suite; simulated time 5.000 s, wall time 1.234 s");
  }

  @Test
  void eachSequenceShowsItsStatusAndOnlyFailuresAreUnfolded() {
    List<Element> sequences = all("//*[local-name()='details' and contains(@class,'sequence')]");
    assertThat(sequences).extracting(e -> e.getAttribute("class"))
        .containsExactly("sequence passed", "sequence failed");
    assertThat(sequences.get(0).hasAttribute("open")).isFalse();
    assertThat(sequences.get(1).getAttribute("open")).isEqualTo("open");
    assertThat(one(sequences.get(1), "*[local-name()='summary']").getTextContent())
        .isEqualTo("FAILED Fill level [large] filler slow"
            + " sim 3.000 s \u00b7 wall 0.040 s \u00b7 filling.seq.yaml:10");
  }

  @Test
  void theStepsTableGivesWhereWhatStatusStartAndMessage() {
    Element failed = one("//*[local-name()='details' and @class='sequence failed']");
    List<Element> rows = all(failed, ".//*[@class='steps']//*[local-name()='tbody']/*");
    assertThat(rows).extracting(r -> r.getAttribute("class"))
        .containsExactly("passed", "failed", "skipped");
    assertThat(cells(rows.get(1))).containsExactly("filling.seq.yaml:14",
        "expect Tower/Green within 2 s", "failed", "1.000 s", "2.000 s", SampleResults.MESSAGE);
    assertThat(cells(rows.get(2))).containsExactly("filling.seq.yaml:15",
        "expect Tank/Level > 90 within 1 min", "skipped", "", "", "");
  }

  @Test
  void theCoverageSectionGivesTheFiguresAndTheSignalsNotExercised() {
    assertThat(all("//*[@class='figure-text']")).extracting(Element::getTextContent)
        .containsExactly("inputs exercised in both directions: 0 of 3",
            "inputs exercised one way only: 0 of 3",
            "outputs driven by the controller: 0 of 2",
            "outputs checked by a condition: 0 of 2");
    List<Element> signalRows =
        all("//*[local-name()='table' and @class='signals']//*[local-name()='tbody']/*");
    assertThat(signalRows).extracting(r -> cells(r).get(0))
        .containsExactly("Infeed/PartPresent", "Tank/Level", "Filler/Recipe", "Infeed/MotorOn",
            "Tower/Green");
    assertThat(signalRows).allSatisfy(r -> assertThat(r.getAttribute("class")).isEqualTo("missing"));
    assertThat(cells(signalRows.get(1))).containsExactly("Tank/Level", "Double",
        "\u2013", "\u2013", "\u2717", "\u2717", "\u2717");
    assertThat(all("//*[@class='coverage']/*[@class='none']")).extracting(Element::getTextContent)
        .containsExactly("no faults were injected", "no invariants were armed");
  }

  @Test
  void aSuiteWithoutCoverageHasNoCoverageSection() {
    SuiteResult s = SampleResults.suite(null);
    Document withoutCoverage = parse(HtmlReport.render(List.of(s)));
    assertThat(all(withoutCoverage, "//*[@class='coverage']")).isEmpty();
    assertThat(all(withoutCoverage, "//*[@class='failure']")).hasSize(1);
  }

  @Test
  void textThatXmlCannotHoldStillGivesAPageThatParses() {
    SequenceResult odd = new SequenceResult("bell \u0007 and \"quotes\" 'n' \ud83d\ude00",
        new SourceLocation("odd.seq.yaml", 1, 1), List.of("a&b"), Status.ERROR, 0, 0,
        List.of(new StepResult(new SourceLocation("odd.seq.yaml", 2, 3), "wait 1 s", Status.ERROR,
            0, 0, "broken ]]> teardown \ud800")),
        Optional.empty());
    SuiteResult suite = new SuiteResult("odd.seq.yaml", "l", "none", 1, List.of(odd), null, 0);

    Document oddPage = parse(HtmlReport.render(List.of(suite)));

    Element summary = one(oddPage, "//*[local-name()='summary']");
    assertThat(summary.getTextContent())
        .startsWith("ERROR bell \ufffd and \"quotes\" 'n' \ud83d\ude00 a&b");
    assertThat(one(summary, "*[@class='badge error']")).isNotNull();
    assertThat(text(oddPage, "//*[@class='message']")).isEqualTo("broken ]]> teardown \ufffd");
  }

  @Test
  void writeCreatesTheFoldersAndWritesTheReportInUtf8(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("reports/html/index.html");

    HtmlReport.write(List.of(SampleResults.suite()), file);

    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(html);
  }

  // --- reading the page

  private Element row(String path) {
    return one("//*[local-name()='g' and @class='row' and @data-path='" + path + "']");
  }

  private Element tick(String label) {
    return one("//*[local-name()='text' and @class='tick' and .='" + label + "']");
  }

  /** The distance between two ticks of the axis. */
  private double x(String fromTick, String toTick) {
    return Double.parseDouble(tick(toTick).getAttribute("x"))
        - Double.parseDouble(tick(fromTick).getAttribute("x"));
  }

  private static List<String> cells(Element row) {
    List<String> cells = new ArrayList<>();
    for (Element cell : all(row, "*[local-name()='td']")) {
      cells.add(cell.getTextContent());
    }
    return cells;
  }

  private List<Element> children(Element parent, String name, String cssClass) {
    return all(parent, "*[local-name()='" + name + "' and @class='" + cssClass + "']");
  }

  private String text(String xpath) {
    return text(page, xpath);
  }

  private static String text(Object context, String xpath) {
    return one(context, xpath).getTextContent();
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

  private static Document parse(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    } catch (Exception e) {
      throw new AssertionError("the report is not well-formed XML", e);
    }
  }
}
