package io.twinline.opcua;

import static io.twinline.opcua.ServerFixture.read;
import static io.twinline.opcua.ServerFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.twinline.sim.run.TimeMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Objects/Twinline/Simulation}: time, state and faults, driven by a client. */
class SimulationMethodsTest {

  @TempDir Path pki;
  private ServerFixture fixture;
  private OpcUaClient client;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private void start(TimeMode mode, double speed) throws Exception {
    fixture = ServerFixture.start(mode, speed, pki, o -> o);
    client = fixture.connect();
  }

  private Object value(String simulationChild) throws Exception {
    return read(client, fixture.simulation(simulationChild)).value().value();
  }

  private Object signal(String path) throws Exception {
    return read(client, fixture.signal(path)).value().value();
  }

  private double step(double millis) throws Exception {
    CallMethodResult result = fixture.call(client, "Step", millis);
    assertThat(result.getStatusCode().isGood()).as("Step(" + millis + ")").isTrue();
    return (Double) result.getOutputArguments()[0].value();
  }

  @Test
  void theSimulationFolderHoldsStateAndMethods() throws Exception {
    start(TimeMode.STEPPED, 1.0);

    List<String> names =
        client.getAddressSpace().browse(fixture.ids().simulation()).stream()
            .map(ReferenceDescription::getBrowseName)
            .map(q -> q.name())
            .toList();

    assertThat(names)
        .contains(
            "SimTime", "SimSeconds", "State", "TimeMode", "SpeedFactor", "CycleTime",
            "LastMethodResult", "ActiveFaults", "FaultCount", "StepRequest", "StepAck",
            "Pause", "Resume", "Reset", "Step", "InjectFault", "ClearFault", "LoadRecipe",
            "Force", "Release");
    assertThat(value("TimeMode")).isEqualTo("stepped");
    assertThat(value("CycleTime")).isEqualTo(10.0);
    assertThat(value("SpeedFactor")).isEqualTo(0.0);
  }

  @Test
  void operateActsOnAnOperatorDeviceAtTheNextIoCycle() throws Exception {
    start(TimeMode.STEPPED, 1.0);

    CallMethodResult pressed = fixture.call(client, "Operate", "Stop", "press");
    assertThat(pressed.getStatusCode().isGood()).as(String.valueOf(value("LastMethodResult")))
        .isTrue();
    step(10);

    assertThat(signal("Stop/Contact")).isEqualTo(true);
    assertThat(fixture.runner.call(p -> p.signal("Stop/Contact").booleanValue()).get()).isTrue();
    assertRefused(fixture.call(client, "Operate", "Belt", "press"), StatusCodes.Bad_NotFound,
        "not an operator device");
    assertRefused(fixture.call(client, "Operate", "Stop", "twist"),
        StatusCodes.Bad_InvalidArgument, "it can: press, release");
  }

  @Test
  void loadRecipeAppliesTheRecipeAtTheNextIoCycle() throws Exception {
    start(TimeMode.STEPPED, 1.0);
    assertThat(value("Recipe")).isEqualTo("");

    write(client, fixture.signal("Belt/MotorOn"), true);
    CallMethodResult result = fixture.call(client, "LoadRecipe", "hot");
    assertThat(result.getStatusCode().isGood()).isTrue();
    assertThat(value("LastMethodResult")).isEqualTo("Good: load recipe hot");
    step(10);

    assertThat(value("Recipe")).isEqualTo("hot");
    assertThat(signal("Cell/Temperature")).isEqualTo(150.0);
    assertThat(fixture.runner.call(p -> p.component("Belt",
        io.twinline.sim.flow.Conveyor.class).speed()).get()).isEqualTo(0.25);
    assertRefused(fixture.call(client, "LoadRecipe", "cold"), StatusCodes.Bad_NotFound,
        "recipes: hot");
  }

  @Test
  void inSteppedModeTheClientAdvancesTimeAndSeesTheConsequencesInLockStep() throws Exception {
    start(TimeMode.STEPPED, 1.0);
    assertThat(value("SimSeconds")).isEqualTo(0.0);

    // The handshake of a lock-step controller: write outputs, Step one cycle, read inputs.
    assertThat(write(client, fixture.signal("Belt/MotorOn"), true).isGood()).isTrue();
    double now = 0;
    while (!Boolean.TRUE.equals(signal("Belt/AtEnd")) && now < 10) {
      now = step(10);
    }

    // 2.0 m at 0.5 m/s: the box that was on the belt reaches the eye after 4 s, exactly: the
    // write before the first step took effect where that step started, at 0
    assertThat(now).isEqualTo(4.0);
    assertThat(value("SimSeconds")).isEqualTo(now);
    DataValue atEnd = read(client, fixture.signal("Belt/AtEnd"));
    DataValue motor = read(client, fixture.signal("Belt/MotorOn"));
    assertThat(
            Duration.between(
                motor.sourceTime().getJavaInstant(), atEnd.sourceTime().getJavaInstant()))
        .isEqualTo(Duration.ofSeconds(4));
    DateTime simTime = (DateTime) value("SimTime");
    assertThat(simTime.getJavaInstant())
        .isEqualTo(fixture.runner.instantOf(Math.round(now * 1e9)));
  }

  @Test
  void aStepIsDeterministic() throws Exception {
    start(TimeMode.STEPPED, 1.0);
    write(client, fixture.signal("Belt/MotorOn"), true);
    assertThat(step(3990)).isEqualTo(3.99);
    assertThat(signal("Belt/AtEnd")).isEqualTo(false);
    assertThat(step(20)).isEqualTo(4.01);
    assertThat(signal("Belt/AtEnd")).isEqualTo(true);
  }

  @Test
  void faultsAreInjectedAndClearedByMethods() throws Exception {
    start(TimeMode.STEPPED, 1.0);

    CallMethodResult injected =
        fixture.call(client, "InjectFault", "Belt/AtEnd", "stuck-at", "value: true");
    assertThat(injected.getStatusCode().isGood()).isTrue();
    String id = (String) injected.getOutputArguments()[0].value();
    assertThat(id).isNotBlank();
    step(10);
    assertThat(signal("Belt/AtEnd")).isEqualTo(true);
    assertThat(value("FaultCount")).isEqualTo(1);
    assertThat((String) value("ActiveFaults")).contains(id);
    assertThat((String) value("LastMethodResult")).startsWith("Good");

    assertThat(fixture.call(client, "ClearFault", id).getStatusCode().isGood()).isTrue();
    step(10);
    assertThat(signal("Belt/AtEnd")).isEqualTo(false);
    assertThat(value("FaultCount")).isEqualTo(0);

    CallMethodResult named =
        fixture.call(client, "InjectFault", "Belt", "jam", "id: BeltJam; duration: 1 s");
    assertThat(named.getStatusCode().isGood()).as((String) value("LastMethodResult")).isTrue();
    assertThat(named.getOutputArguments()[0].value()).isEqualTo("BeltJam");
  }

  @Test
  void refusedCallsSayWhyWithAStatusAndInLastMethodResult() throws Exception {
    start(TimeMode.STEPPED, 1.0);

    assertRefused(fixture.call(client, "InjectFault", "Nowhere/Nothing", "stuck-at", "value: true"),
        StatusCodes.Bad_NotFound, "Nowhere/Nothing");
    assertRefused(fixture.call(client, "InjectFault", "Belt/AtEnd", "melt", ""),
        StatusCodes.Bad_InvalidArgument, "melt");
    assertRefused(fixture.call(client, "InjectFault", "Belt/AtEnd", "stuck-at", "value true"),
        StatusCodes.Bad_InvalidArgument, "key: value");
    assertRefused(fixture.call(client, "ClearFault", "F99"), StatusCodes.Bad_NotFound, "F99");
    assertRefused(fixture.call(client, "Step", -5.0), StatusCodes.Bad_InvalidArgument,
        "zero or more");
    assertRefused(fixture.call(client, "LoadRecipe", "Cola"), StatusCodes.Bad_NotFound, "Cola");

    CallMethodResult wrongType = fixture.call(client, "Step", "ten");
    assertThat(wrongType.getStatusCode().getValue()).isEqualTo(StatusCodes.Bad_InvalidArgument);
    assertThat(Arrays.stream(wrongType.getInputArgumentResults()).map(s -> s.getValue()))
        .containsExactly(StatusCodes.Bad_TypeMismatch);

    // And nothing happened to the plant.
    assertThat(value("SimSeconds")).isEqualTo(0.0);
    assertThat(value("FaultCount")).isEqualTo(0);
  }

  private void assertRefused(CallMethodResult result, long status, String reason)
      throws Exception {
    assertThat(result.getStatusCode().getValue()).isEqualTo(status);
    assertThat((String) value("LastMethodResult"))
        .startsWith(StatusCodes.lookup(status).orElseThrow()[0] + ": ")
        .contains(reason);
  }

  @Test
  void pauseHoldsTimeResumeLetsItRunResetStartsOver() throws Exception {
    start(TimeMode.SCALED, 10.0);
    await().until(() -> (Double) value("SimSeconds") > 1.0);

    assertThat(fixture.call(client, "Pause").getStatusCode().isGood()).isTrue();
    assertThat(value("State")).isEqualTo("Paused");
    double held = (Double) value("SimSeconds");
    await().during(Duration.ofMillis(300)).until(() -> value("SimSeconds").equals(held));
    assertThat(step(500)).isCloseTo(held + 0.5, org.assertj.core.data.Offset.offset(1e-9));

    assertThat(fixture.call(client, "Resume").getStatusCode().isGood()).isTrue();
    assertThat(value("State")).isEqualTo("Running");
    await().until(() -> (Double) value("SimSeconds") > held + 1.0);

    write(client, fixture.signal("Cell/Counter"), 42);
    await().until(() -> Integer.valueOf(42).equals(signal("Cell/Counter")));
    assertThat(fixture.call(client, "Reset").getStatusCode().isGood()).isTrue();
    await().until(() -> Integer.valueOf(0).equals(signal("Cell/Counter")));
  }
}
