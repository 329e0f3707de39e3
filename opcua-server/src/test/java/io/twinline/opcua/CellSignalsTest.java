package io.twinline.opcua;

import static io.twinline.opcua.ServerFixture.read;
import static io.twinline.opcua.ServerFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.line.LineDefinitions;
import io.twinline.opcua.security.Role;
import io.twinline.sim.run.TimeMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The case packer's cell devices as a PLC sees them over OPC UA: the motor's contactor drives the
 * belt (which has no contactor node of its own), the NC eye reads true while free, the camera and
 * the packer count, and their results are inputs a PLC cannot write.
 */
class CellSignalsTest {

  @TempDir Path pki;
  private ServerFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private void step(Duration duration) throws Exception {
    // Stepped time: no wall-clock dependence, only a generous bound for a loaded machine.
    fixture.runner.step(duration).get(5, TimeUnit.MINUTES);
  }

  @Test
  void aPlcRunsTheBottleBeltThroughItsMotorAndReadsTheCamera() throws Exception {
    fixture = ServerFixture.start(
        LineDefinitions.read(Path.of("..", "line-definitions", "case-packer.yaml")),
        TimeMode.STEPPED, 1.0, pki, o -> o.withAnonymous(Role.PLC));
    OpcUaClient client = fixture.connect();

    assertThat(read(client, fixture.signal("BottleBelt/InfeedEye")).getValue().getValue())
        .isEqualTo(true);
    assertThat(read(client, fixture.signal("BottleBelt/MotorOn")).getStatusCode().getValue())
        .isEqualTo(StatusCodes.Bad_NodeIdUnknown);
    assertThat(write(client, fixture.signal("BeltMotor/Run"), true).isGood()).isTrue();
    step(Duration.ofSeconds(1));
    assertThat(read(client, fixture.signal("BeltMotor/Running")).getValue().getValue())
        .isEqualTo(true);

    step(Duration.ofSeconds(20));

    int checked = (Integer) read(client, fixture.signal("Camera/Checked")).getValue().getValue();
    // Nobody packs: the bottles back up from the packer past the camera, which then sees none.
    assertThat(checked).isBetween(10, 40);
    assertThat((Integer) read(client, fixture.signal("Packer/Count")).getValue().getValue())
        .isEqualTo(6);
    assertThat(read(client, fixture.signal("Packer/GroupReady")).getValue().getValue())
        .isEqualTo(true);
    assertThat(write(client, fixture.signal("Camera/Fail"), true).getValue())
        .isEqualTo(StatusCodes.Bad_NotWritable);
    assertThat(write(client, fixture.signal("Packer/Pack"), true).isGood()).isTrue();
  }
}
