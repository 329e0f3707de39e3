package io.twinline.coupling.plc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.twinline.coupling.modbus.ModbusEndpoint;
import io.twinline.line.LineDefinitions;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.run.SimulationRunner;
import io.twinline.sim.run.TimeMode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end example of docs/coupling.md, in a real closed loop: the simulated line, the
 * PLC4X coupling (on the build's Netty 4.2), and a soft PLC that is a pymodbus server. The soft
 * PLC runs the transfer belt while the part-present eye is on, and counts the parts it saw;
 * its count and the simulator's agree.
 */
class ClosedLoopTest {

  static final Path EXAMPLE = Path.of("../docs/examples/coupling");

  static Object value(SimulationRunner runner, String path) {
    return runner.call(plant -> plant.signal(path).value()).join();
  }

  @Test
  void theSoftPlcRunsTheLineThroughTheCouplingAndCountsWhatTheSimulatorCounts()
      throws Exception {
    var line = LineDefinitions.read(EXAMPLE.resolve("transfer-line.yaml"));
    SimulationRunner runner = new SimulationRunner(Plant.build(line), TimeMode.REALTIME, 1.0);
    TagMap tags = TagMap.read(EXAMPLE.resolve("transfer-tags.csv"),
        ModbusEndpoint.signalsOf(runner));
    runner.start();
    try (SoftPlcProcess plc = new SoftPlcProcess(0);
        PlcCoupling coupling = PlcCoupling.start(runner, PlcCoupling.Options.of(
            "modbus-tcp://127.0.0.1:" + plc.port(), tags, line.ioCycle()))) {
      // one read of the coils 11-12, one of the registers 11-12, one write of coil 1
      assertThat(coupling.readBlocks()).extracting(Block::describe)
          .containsExactly("coil:11..12", "holding-register:11..12");
      assertThat(coupling.writeBlocks()).extracting(Block::plc4xAddress)
          .containsExactly("coil:1[1]");
      await().atMost(Duration.ofSeconds(60)).until(() -> coupling.state() == LinkState.UP);
      // the PLC keeps the infeed running
      await().atMost(Duration.ofSeconds(60))
          .until(() -> value(runner, "Infeed/MotorOn").equals(true));
      // several parts through; between two parts the PLC's count and the sink's agree (a lost
      // or doubled edge would keep them apart for good)
      await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(50)).until(() -> {
        int sink = (Integer) value(runner, "Out/Count");
        int counted = (Integer) value(runner, "Plc/Count");
        return sink >= 4 && counted == sink;
      });
      assertThat(coupling.tagErrors()).isEmpty();
      assertThat(coupling.stats().cycles()).isPositive();
    } finally {
      runner.close();
    }
  }
}
