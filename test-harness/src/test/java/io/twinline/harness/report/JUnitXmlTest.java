package io.twinline.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.sim.controller.Controllers;
import io.twinline.harness.suite.SequenceReader;
import io.twinline.harness.suite.SuiteResult;
import io.twinline.harness.suite.SuiteRunner;
import io.twinline.harness.suite.SuiteSpec;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** JUnit XML that CI servers read: one testcase per sequence, failures located in the file. */
class JUnitXmlTest {

  private static final String FAULTY =
      "io.twinline.harness.reference.faulty.BottlingLineMissingEStopInterlock";

  @Test
  void aFailedSequenceIsAFailureWithItsMessageAndTheStepsFileLineAndColumn() throws Exception {
    SuiteSpec suite =
        SequenceReader.read(Path.of("sequences", "bottling-line.sequences.yaml"), null);
    SuiteResult result =
        new SuiteRunner(Controllers.resolve(FAULTY, suite.line()), FAULTY, null,
                SuiteRunner.tagged(List.of("safety", "smoke")))
            .run(suite);

    Document xml =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(
                JUnitXml.render(List.of(result)).getBytes(StandardCharsets.UTF_8)));

    Element testsuite = (Element) xml.getElementsByTagName("testsuite").item(0);
    assertThat(testsuite.getAttribute("name")).isEqualTo("bottling-line.sequences");
    assertThat(testsuite.getAttribute("tests")).isEqualTo("4");
    assertThat(testsuite.getAttribute("failures")).isEqualTo("1");
    NodeList cases = xml.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(4);
    NodeList failures = xml.getElementsByTagName("failure");
    assertThat(failures.getLength()).isEqualTo(1);
    Element failure = (Element) failures.item(0);
    Element testcase = (Element) failure.getParentNode();
    assertThat(testcase.getAttribute("name"))
        .isEqualTo("E-stop stops everything at once and needs a new start");
    assertThat(testcase.getAttribute("classname")).isEqualTo("bottling-line.sequences");
    assertThat(failure.getAttribute("message")).startsWith("never (Q_Infeed_Run ||");
    assertThat(failure.getTextContent())
        .contains("bottling-line.sequences.yaml:45:9: never")
        .contains("last events:")
        .contains("press EStop");
    assertThat(testcase.getElementsByTagName("system-out").item(0).getTextContent())
        .contains("PASSED  [")
        .contains("FAILED  [")
        .contains("SKIPPED")
        .contains("INTERRUPTED [");
    assertThat(xml.getElementsByTagName("property").getLength()).isEqualTo(4);
  }
}
