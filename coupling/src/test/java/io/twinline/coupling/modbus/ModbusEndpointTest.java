package io.twinline.coupling.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.twinline.line.LineDefinitions;
import io.twinline.line.model.LineDefinition;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.run.SimulationRunner;
import io.twinline.sim.run.TimeMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The endpoint against two independent masters, Debian's mbpoll and pymodbus, on the build's
 * Netty 4.2 (digitalpetri's server is built against 4.1: these tests are the proof it works).
 */
class ModbusEndpointTest {

  static SimulationRunner runner;
  static ModbusEndpoint endpoint;
  static ModbusMap map;

  @BeforeAll
  static void serve() throws Exception {
    LineDefinition line = LineDefinitions.read(Path.of("src/test/resources/modbus-types.yaml"));
    runner = new SimulationRunner(Plant.build(line), TimeMode.REALTIME, 1.0);
    runner.start();
    endpoint = ModbusEndpoint.start(runner,
        ModbusEndpoint.Options.defaults().withBindAddress("127.0.0.1").withPort(0));
    map = endpoint.map();
  }

  @AfterAll
  static void stop() {
    endpoint.close();
    runner.close();
  }

  static int at(String path) {
    ModbusMap.Entry entry = map.find(path);
    assertThat(entry).as(path).isNotNull();
    return entry.address();
  }

  static Object plant(String path) {
    return runner.call(plant -> plant.signal(path).value()).join();
  }

  @Test
  void theMapPutsInputsFromZeroAndOutputsFromAThousand() {
    assertThat(map.entries()).filteredOn(e -> e.signal().direction()
        == io.twinline.line.Direction.INPUT).allMatch(e -> e.end() <= ModbusMap.OUTPUT_BASE);
    assertThat(at("Io/Lamp")).isGreaterThanOrEqualTo(1000);
    assertThat(map.find("Io/Total").width()).isEqualTo(2);
    assertThat(map.find("Io/Speed").width()).isEqualTo(4);
    assertThat(map.unmapped()).extracting(s -> s.path().toString()).contains("Io/Label");
    assertThat(map.csv()).startsWith("signal,direction,type,area,address,registers,access\n")
        .contains("Io/Total,input,Int32,register," + at("Io/Total") + ",2,read\n");
  }

  @Test
  void mbpollReadsAnInputAsDiscreteInputAndAsCoil() {
    int ready = at("Io/Ready");
    Peers.Run discrete = Peers.mbpoll(endpoint.port(), "-t", "1", "-r", "" + ready);
    assertThat(discrete.output()).contains("[" + ready + "]: \t1");
    Peers.Run coil = Peers.mbpoll(endpoint.port(), "-t", "0", "-r", "" + ready);
    assertThat(coil.output()).contains("[" + ready + "]: \t1");
  }

  @Test
  void mbpollReadsWideValuesInTheWordOrderOfEachUnit() {
    int temp = at("Io/Temp");
    int total = at("Io/Total");
    // unit 1: most significant word first (mbpoll -B); unit 2: swapped (mbpoll's default)
    assertThat(Peers.mbpoll(endpoint.port(), "-a", "1", "-B", "-t", "3:float", "-r", "" + temp)
        .output()).contains("[" + temp + "]: \t21.5");
    assertThat(Peers.mbpoll(endpoint.port(), "-a", "2", "-t", "3:float", "-r", "" + temp)
        .output()).contains("[" + temp + "]: \t21.5");
    assertThat(Peers.mbpoll(endpoint.port(), "-a", "1", "-B", "-t", "4:int", "-r", "" + total)
        .output()).contains("[" + total + "]: \t100000");
    int level = at("Io/Level");
    assertThat(Peers.mbpoll(endpoint.port(), "-t", "3", "-r", "" + level).output())
        .contains("[" + level + "]: \t65531 (-5)");
  }

  @Test
  void mbpollWritesACoilAndA32BitRegisterIntoThePlant() {
    Peers.Run lamp = Peers.mbpoll(endpoint.port(), "-t", "0", "-r", "" + at("Io/Lamp"), "--", "1");
    assertThat(lamp.exit()).as(lamp.output()).isZero();
    Peers.Run target = Peers.mbpoll(endpoint.port(), "-B", "-t", "4:int", "-r",
        "" + at("Io/Target"), "--", "-70000");
    assertThat(target.exit()).as(target.output()).isZero();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(plant("Io/Lamp")).isEqualTo(true);
      assertThat(plant("Io/Target")).isEqualTo(-70000);
    });
    // and a read shows it once the plant has it
    assertThat(Peers.mbpoll(endpoint.port(), "-B", "-t", "4:int", "-r", "" + at("Io/Target"))
        .output()).contains("\t-70000");
  }

  @Test
  void mbpollWritingAnInputIsRefusedWithIllegalDataAddress() {
    Peers.Run run = Peers.mbpoll(endpoint.port(), "-t", "0", "-r", "" + at("Io/Ready"), "--", "0");
    assertThat(run.exit()).isNotZero();
    assertThat(run.output()).containsIgnoringCase("Illegal data address");
    assertThat(plant("Io/Ready")).isEqualTo(true);
  }

  static final String EXCEPTIONS = """
      import sys, json
      from pymodbus.client import ModbusTcpClient
      port = int(sys.argv[1]); a = json.loads(sys.argv[2])
      def code(r):
          return getattr(r, "exception_code", None) if r.isError() else 0
      c = ModbusTcpClient("127.0.0.1", port=port, timeout=10, retries=0)
      assert c.connect()
      out = {
        "unmapped": code(c.read_holding_registers(a["gap"], 1, slave=1)),
        "pastEnd": code(c.read_coils(a["lastBit"], 2, slave=1)),
        "function07": code(c.read_exception_status(slave=1)),
        "writeInput": code(c.write_register(a["level"], 7, slave=1)),
        "outOfRange": code(c.write_registers(a["flow"], [0x4316, 0x0000], slave=1)),
        "halfFloat": code(c.write_register(a["flow"], 0x4316, slave=1)),
        "tooMany": code(c.read_holding_registers(0, 126, slave=1)),
        "unit7": code(c.read_coils(a["lastBit"], 1, slave=7)),
        "inRange": code(c.write_registers(a["flow"], [0x4248, 0x0000], slave=1)),
      }
      c.close()
      print(json.dumps(out))
      """;

  @Test
  void pymodbusGetsTheProperExceptionResponses() {
    int lastBit = map.entries().stream().filter(e -> e.area() == ModbusMap.Area.BITS)
        .mapToInt(ModbusMap.Entry::address).max().orElseThrow();
    String addresses = "{\"gap\": 999, \"lastBit\": " + lastBit + ", \"level\": "
        + at("Io/Level") + ", \"flow\": " + at("Io/Flow") + "}";
    Peers.Run run = Peers.python(EXCEPTIONS, "" + endpoint.port(), addresses);
    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output().strip()).endsWith("{\"unmapped\": 2, \"pastEnd\": 2,"
        + " \"function07\": 1, \"writeInput\": 2, \"outOfRange\": 3, \"halfFloat\": 3,"
        + " \"tooMany\": 3, \"unit7\": 11, \"inRange\": 0}");
    // 150.0 l/min was refused, 50.0 taken
    await().atMost(Duration.ofSeconds(30)).until(() -> plant("Io/Flow").equals(50.0f));
  }

  static final String TWO_MASTERS = """
      import sys
      from pymodbus.client import ModbusTcpClient
      port = int(sys.argv[1]); speed = int(sys.argv[2])
      a = ModbusTcpClient("127.0.0.1", port=port, timeout=10, retries=0)
      b = ModbusTcpClient("127.0.0.1", port=port, timeout=10, retries=0)
      assert a.connect() and b.connect()
      for i in range(20):
          ra = a.read_input_registers(speed, 4, slave=1)
          rb = b.read_input_registers(speed, 4, slave=2)
          assert not ra.isError() and not rb.isError(), (ra, rb)
          # unit 2 has the words the other way round
          assert ra.registers == list(reversed(rb.registers)), (ra.registers, rb.registers)
      print("ok", ra.registers)
      a.close(); b.close()
      """;

  @Test
  void twoMastersAtOnceEachOnItsUnit() {
    Peers.Run run = Peers.python(TWO_MASTERS, "" + endpoint.port(), "" + at("Io/Speed"));
    assertThat(run.exit()).as(run.output()).isZero();
    // 1.25 as a Double: 3FF4 0000 0000 0000
    assertThat(run.output()).contains("ok [16372, 0, 0, 0]");
  }

  @Test
  void aPortInUseIsSaidSo() {
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ModbusEndpoint.start(runner,
        ModbusEndpoint.Options.defaults().withBindAddress("127.0.0.1")
            .withPort(endpoint.port())))).hasMessageContaining("cannot serve Modbus TCP on"
        + " 127.0.0.1:" + endpoint.port());
  }

}
