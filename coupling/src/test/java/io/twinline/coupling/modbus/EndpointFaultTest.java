package io.twinline.coupling.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinline.line.LineDefinitions;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.run.SimulationRunner;
import io.twinline.sim.run.TimeMode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Faults the endpoint plays on purpose, seen by a pymodbus master. */
class EndpointFaultTest {

  @Test
  void faultsAreWrittenKindValueAndEveryNth() {
    assertThat(EndpointFault.parse("delay=250ms")).isEqualTo(
        new EndpointFault(EndpointFault.Kind.DELAY, Duration.ofMillis(250), 0, 1));
    assertThat(EndpointFault.parse("exception=6/10").toString()).isEqualTo("exception=6/10");
    assertThat(EndpointFault.parse("drop/3").hits(6)).isTrue();
    assertThat(EndpointFault.parse("drop/3").hits(7)).isFalse();
    assertThatThrownBy(() -> EndpointFault.parse("exception=99"))
        .hasMessageContaining("exception code 1..11");
    assertThatThrownBy(() -> EndpointFault.parse("jam"))
        .hasMessageContaining("delay=250ms, exception=6, silent or drop");
  }

  static final String MASTER = """
      import sys, time, json
      from pymodbus.client import ModbusTcpClient
      from pymodbus.exceptions import ModbusIOException
      port = int(sys.argv[1])
      c = ModbusTcpClient("127.0.0.1", port=port, timeout=float(sys.argv[2]), retries=0)
      out = []
      for i in range(6):
          if not c.connect():
              out.append("refused"); continue
          start = time.monotonic()
          try:
              r = c.read_discrete_inputs(0, 1, slave=1)
              if isinstance(r, ModbusIOException):
                  out.append("failed"); c.close()
              elif r.isError():
                  out.append("exception %s" % getattr(r, "exception_code", "?"))
              else:
                  out.append("ok %.1f" % (time.monotonic() - start))
          except Exception as e:
              out.append("failed")
              c.close()
      print(json.dumps(out))
      """;

  static List<String> play(String timeout, String... faults) throws Exception {
    SimulationRunner runner = new SimulationRunner(
        Plant.build(LineDefinitions.example("demo-conveyor.yaml")), TimeMode.REALTIME, 1.0);
    runner.start();
    try (ModbusEndpoint endpoint = ModbusEndpoint.start(runner, ModbusEndpoint.Options.defaults()
        .withBindAddress("127.0.0.1").withPort(0)
        .withFaults(java.util.Arrays.stream(faults).map(EndpointFault::parse).toList()))) {
      Peers.Run run = Peers.python(MASTER, "" + endpoint.port(), timeout);
      assertThat(run.exit()).as(run.output()).isZero();
      String json = run.output().strip();
      json = json.substring(json.lastIndexOf('['));
      return List.of(json.substring(1, json.length() - 1).replace("\"", "").split(", "));
    } finally {
      runner.close();
    }
  }

  @Test
  void everySecondRequestIsAnsweredWithTheExceptionGiven() throws Exception {
    assertThat(play("10", "exception=6/2")).extracting(s -> s.split(" ")[0] + " "
        + (s.startsWith("ok") ? "" : s.split(" ")[1]))
        .containsExactly("ok ", "exception 6", "ok ", "exception 6", "ok ", "exception 6");
  }

  @Test
  void aDroppedConnectionFailsTheRequestAndTheMasterReconnects() throws Exception {
    List<String> seen = play("10", "drop/3");
    assertThat(seen.get(2)).isEqualTo("failed");
    assertThat(seen.get(5)).isEqualTo("failed");
    assertThat(seen).filteredOn(s -> s.startsWith("ok")).hasSize(4);
  }

  @Test
  void aSilentRequestTimesOutAtTheMaster() throws Exception {
    List<String> seen = play("2", "silent/2");
    assertThat(seen.get(1)).isEqualTo("failed");
    assertThat(seen.get(0)).startsWith("ok");
  }

  @Test
  void aDelayedAnswerComesLate() throws Exception {
    // only a lower bound: however slow the machine, the answer cannot come before the delay
    List<String> seen = play("10", "delay=600ms/3");
    double third = Double.parseDouble(seen.get(2).split(" ")[1]);
    assertThat(third).isGreaterThanOrEqualTo(0.6);
    assertThat(seen).allMatch(s -> s.startsWith("ok"));
  }
}
