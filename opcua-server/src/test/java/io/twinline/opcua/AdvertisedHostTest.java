package io.twinline.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.line.LineDefinitions;
import io.twinline.sim.run.SimulationRunner;
import io.twinline.sim.run.TimeMode;
import java.nio.file.Path;
import org.eclipse.milo.opcua.sdk.server.util.HostnameUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The endpoint URL names a host a client can reach: the bind address when it is one. */
class AdvertisedHostTest {

  @Test
  void aSpecificBindAddressIsWhatTheEndpointAdvertises(@TempDir Path pki) throws Exception {
    SimulationRunner runner = new SimulationRunner(
        io.twinline.sim.plant.Plant.build(LineDefinitions.example("demo-conveyor.yaml")),
        TimeMode.STEPPED, 1.0);
    runner.start();
    try (TwinlineServer server = TwinlineServer.start(runner, ServerOptions.defaults()
        .withPort(0).withBindAddress("127.0.0.1").withPki(pki))) {
      assertThat(server.endpointUrl()).startsWith("opc.tcp://127.0.0.1:");
    } finally {
      runner.close();
    }
  }

  @Test
  void allInterfacesAdvertiseThisMachinesName() {
    assertThat(TwinlineServer.advertised("0.0.0.0")).isEqualTo(HostnameUtil.getHostname());
    assertThat(TwinlineServer.advertised("::")).isEqualTo(HostnameUtil.getHostname());
    assertThat(TwinlineServer.advertised("10.1.2.3")).isEqualTo("10.1.2.3");
  }
}
