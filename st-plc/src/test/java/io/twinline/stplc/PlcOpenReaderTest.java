package io.twinline.stplc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.twinline.line.InvalidDefinitionException;
import io.twinline.line.Problem;
import io.twinline.line.Problems;
import io.twinline.stplc.compile.Compiled;
import io.twinline.stplc.compile.Compiler;
import io.twinline.stplc.compile.Source;
import io.twinline.stplc.plcopen.PlcOpenReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PLCopen TC6 XML: POUs with ST bodies, types, globals, configurations and tasks. */
class PlcOpenReaderTest {

  private static final String TC6_0200 = """
      <?xml version="1.0" encoding="UTF-8"?>
      <project xmlns="http://www.plcopen.org/xml/tc6_0200">
        <fileHeader companyName="Beremiz" productName="Beremiz" productVersion="1"/>
        <types>
          <dataTypes>
            <dataType name="Pair">
              <baseType>
                <struct>
                  <variable name="a"><type><INT/></type>
                    <initialValue><simpleValue value="2"/></initialValue></variable>
                  <variable name="b"><type><INT/></type></variable>
                </struct>
              </baseType>
            </dataType>
          </dataTypes>
          <pous>
            <pou name="Add" pouType="function">
              <interface>
                <returnType><INT/></returnType>
                <inputVars>
                  <variable name="p"><type><derived name="Pair"/></type></variable>
                </inputVars>
              </interface>
              <body>
                <ST><xhtml:p xmlns:xhtml="http://www.w3.org/1999/xhtml"><![CDATA[Add := p.a + p.b;]]></xhtml:p></ST>
              </body>
            </pou>
            <pou name="Main" pouType="program">
              <interface>
                <localVars>
                  <variable name="pair"><type><derived name="Pair"/></type></variable>
                  <variable name="sum"><type><INT/></type></variable>
                  <variable name="ticks"><type><INT/></type></variable>
                  <variable name="buf">
                    <type><array><dimension lower="1" upper="3"/><baseType><INT/></baseType></array></type>
                    <initialValue><arrayValue><value repetitionValue="3"><simpleValue value="7"/></value></arrayValue></initialValue>
                  </variable>
                </localVars>
              </interface>
              <body>
                <ST><xhtml:p xmlns:xhtml="http://www.w3.org/1999/xhtml"><![CDATA[
      pair.b := 40;
      sum := Add(pair) + buf[3];
      ticks := ticks + 1;
      ]]></xhtml:p></ST>
              </body>
            </pou>
          </pous>
        </types>
        <instances>
          <configurations>
            <configuration name="config">
              <resource name="resource1">
                <task name="fast" interval="T#20ms" priority="0">
                  <pouInstance name="main" typeName="Main"/>
                </task>
              </resource>
            </configuration>
          </configurations>
        </instances>
      </project>
      """;

  private static Compiled compile(String xml) throws InvalidDefinitionException {
    Problems problems = new Problems();
    List<Source> sources = PlcOpenReader.read("project.xml", xml, problems);
    problems.throwIfAny();
    return Compiler.compile(sources, 0);
  }

  @Test
  void aBeremizStyleProjectCompilesWithItsTypesFunctionsAndTask() throws Exception {
    Compiled compiled = compile(TC6_0200);

    assertThat(compiled.tasks()).singleElement().satisfies(task -> {
      assertThat(task.name()).isEqualTo("fast");
      assertThat(task.interval()).isEqualTo(20_000_000L);
      assertThat(task.programs()).extracting(Compiled.Instance::name).containsExactly("main");
    });
    Compiled.Instance main = compiled.instances().get(0);
    main.layout().body.run(main.frame());
    assertThat(main.layout().get("sum").format(main.frame())).isEqualTo("49");
  }

  @Test
  void aCompileProblemNamesTheLineOfTheXmlFile() {
    String broken = TC6_0200.replace("ticks := ticks + 1;", "ticks := tiks + 1;");
    InvalidDefinitionException e = catchThrowableOfType(InvalidDefinitionException.class,
        () -> compile(broken));

    Problem problem = e.problems().get(0);
    int line = TC6_0200.substring(0, TC6_0200.indexOf("ticks := ticks")).split("\n", -1).length;
    assertThat(problem.location().toString()).isEqualTo("project.xml:" + line + ":10");
    assertThat(problem.message()).isEqualTo("unknown variable tiks in Main");
  }

  @Test
  void aPouInAnotherLanguageIsNamedNotSkipped() {
    String ladder = TC6_0200.replace(
        "<ST><xhtml:p xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"><![CDATA[Add := p.a + p.b;]]></xhtml:p></ST>",
        "<LD><leftPowerRail localId=\"1\"/></LD>");
    InvalidDefinitionException e = catchThrowableOfType(InvalidDefinitionException.class,
        () -> compile(ladder));

    assertThat(e.problems()).extracting(Problem::message)
        .contains("POU Add is written in LD; Twinline runs Structured Text bodies only");
  }

  @Test
  void notWellFormedXmlIsAProblemAtItsPlace() {
    InvalidDefinitionException e = catchThrowableOfType(InvalidDefinitionException.class,
        () -> compile("<project>\n  <types>\n</project>\n"));

    assertThat(e.problems().get(0).location().line()).isEqualTo(3);
    assertThat(e.problems().get(0).message()).startsWith("not well-formed XML");
  }
}
