package io.twinline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve --modbus-port} and {@code modbus-map}, with Debian's mbpoll as the master. */
class ModbusServeTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Twinline.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  static String mbpoll(String... args) throws Exception {
    Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void modbusMapPrintsTheDemoLineAsCsv() {
    assertThat(run("modbus-map", "../line-definitions/demo-conveyor.yaml", "--csv")).isZero();
    assertThat(out.toString()).startsWith("signal,direction,type,area,address,registers,access\n")
        .contains("Infeed/MotorOn,output,Boolean,bit,1000,0,read-write\n")
        .contains("Infeed/PartAtEnd,input,Boolean,bit,1,0,read\n");
  }

  @Test
  void modbusMapPrintsATable() throws Exception {
    assertThat(run("modbus-map", "demo-conveyor")).isZero();
    assertThat(out.toString()).contains("Infeed/MotorOn").contains("read-write")
        .contains("ABCD word order on units 0, 1 and 255, CDAB on unit 2");
    assertThat(out.toString()).isEqualTo(CouplingDocsTest.shownMap());
  }

  @Test
  void serveRefusesAModbusFaultItCannotRead() {
    assertThat(run("serve", "--modbus-port", "0", "--modbus-fault", "jam", "--port", "0"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--modbus-fault: 'jam' is not a Modbus fault");
  }

  @Test
  void serveWithAModbusPortLetsAMasterSwitchTheMotor(@TempDir Path pki) throws Exception {
    ServeCommand serve = new ServeCommand();
    CommandLine.populateCommand(serve, "--line", "../line-definitions/demo-conveyor.yaml",
        "--port", "0", "--bind", "127.0.0.1", "--pki", pki.toString(),
        "--modbus-port", "0", "--modbus-bind", "127.0.0.1");
    try (ServeCommand.Serving serving =
        serve.open(new PrintWriter(out, true), new PrintWriter(err, true))) {
      Matcher endpoint = Pattern.compile("Modbus TCP endpoint: 127\\.0\\.0\\.1:(\\d+),")
          .matcher(out.toString());
      assertThat(endpoint.find()).as(out.toString()).isTrue();
      String port = endpoint.group(1);
      // a 10 s time-out (mbpoll's longest): a loaded CI machine answers late, not never
      String written = mbpoll("mbpoll", "-m", "tcp", "-p", port, "-0", "-1", "-o", "10",
          "-t", "0", "-r", "1000", "127.0.0.1", "1");
      assertThat(written).contains("Written 1 references");
      await().atMost(Duration.ofSeconds(30)).until(() -> serving.runner()
          .call(plant -> plant.signal("Infeed/MotorOn").value()).join().equals(true));
      assertThat(serving.attachments()).hasSize(1);
    }
    assertThat(List.of(err.toString())).containsExactly("");
  }
}
