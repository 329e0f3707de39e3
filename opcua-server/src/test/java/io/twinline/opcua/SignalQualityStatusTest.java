package io.twinline.opcua;

import static io.twinline.opcua.ServerFixture.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.twinline.line.LineDefinitions;
import io.twinline.sim.run.TimeMode;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an analog card reports reaches OPC UA clients as the value's StatusCode: a broken wire is
 * Bad_SensorFailure on the engineering value and its counts, an overshoot
 * Uncertain_EngineeringUnitsExceeded, and a good channel Good.
 */
class SignalQualityStatusTest {

  @TempDir Path pki;
  private ServerFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void aBrokenWireIsBadSensorFailureAndAnOvershootIsUncertain() throws Exception {
    fixture = ServerFixture.start(
        LineDefinitions.parse("cards.yaml", """
            line: Cards
            components:
              - name: Tx
                type: variables
                variables:
                  - {name: Level, type: Double, direction: input, unit: m, range: [0, 2],
                     initial: 1}
                signals:
                  Level: {raw: {card: s7-4-20mA, tag: IW64}}
              - {name: Vessel, type: tank, area: 1 m2, height: 2 m, initialLevel: 1.1 m,
                 levelRange: [0 m, 1 m], signals: {Level: {raw: {card: s7-4-20mA}}}}
            faults:
              - {id: W1, target: Tx/Level, kind: open-wire, at: 1 s}
            """),
        TimeMode.STEPPED, 1.0, pki, o -> o);
    OpcUaClient client = fixture.connect();

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(read(client, fixture.signal("Tx/Level")).statusCode().isGood()).isTrue());
    assertThat(read(client, fixture.signal("Vessel/Level")).statusCode().value())
        .isEqualTo(StatusCodes.Uncertain_EngineeringUnitsExceeded);

    assertThat(fixture.call(client, "Step", 2000.0).getStatusCode().isGood()).isTrue();

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      DataValue level = read(client, fixture.signal("Tx/Level"));
      assertThat(level.statusCode().value()).isEqualTo(StatusCodes.Bad_SensorFailure);
    });
    DataValue raw = read(client, fixture.signal("Tx/LevelRaw"));
    assertThat(raw.statusCode().value()).isEqualTo(StatusCodes.Bad_SensorFailure);
    assertThat(raw.value().value()).isEqualTo((short) 32767);
    assertThat(read(client, fixture.signal("Tx/LevelWireBreak")).value().value()).isEqualTo(true);
  }

  /**
   * A controller that feeds outputs (the PLC coupling) marks them COMM_FAILURE while its link is
   * down: a client reads the last value with Bad_NoCommunication, then Good once it is back.
   */
  @Test
  void aSignalWhoseFeedingLinkIsDownIsBadNoCommunication() throws Exception {
    fixture = ServerFixture.start(
        LineDefinitions.parse("fed.yaml", """
            line: Fed
            components:
              - name: Io
                type: variables
                variables:
                  - {name: Count, type: Int32, direction: output}
            """),
        TimeMode.REALTIME, 1.0, pki, o -> o);
    OpcUaClient client = fixture.connect();
    java.util.List<io.twinline.line.SignalPath> fed =
        java.util.List.of(io.twinline.line.SignalPath.parse("Io/Count"));
    fixture.runner.control().write(fed.get(0), 42).join().orElseThrow();
    fixture.runner.control().execute(new io.twinline.sim.run.SetQuality(fed,
        io.twinline.sim.signal.SignalQuality.COMM_FAILURE)).join().orElseThrow();

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      DataValue count = read(client, fixture.signal("Io/Count"));
      assertThat(count.statusCode().value()).isEqualTo(StatusCodes.Bad_NoCommunication);
      assertThat(count.value().value()).isEqualTo(42);
    });

    fixture.runner.control().execute(new io.twinline.sim.run.SetQuality(fed,
        io.twinline.sim.signal.SignalQuality.GOOD)).join().orElseThrow();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(read(client, fixture.signal("Io/Count")).statusCode().isGood()).isTrue());
  }
}
