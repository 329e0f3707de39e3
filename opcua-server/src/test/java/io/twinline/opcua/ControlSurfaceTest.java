package io.twinline.opcua;

import static io.twinline.opcua.ServerFixture.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.twinline.sim.run.TimeMode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control surface through OPC UA: each kind of refusal has its status code, calls are
 * answered when they are true, races have one winner, and a call's outcome belongs to its caller.
 */
class ControlSurfaceTest {

  @TempDir Path pki;
  private ServerFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private Object value(OpcUaClient client, String child) throws Exception {
    return read(client, fixture.simulation(child)).value().value();
  }

  private static long status(CallMethodResult result) {
    return result.getStatusCode().getValue();
  }

  @Test
  void eachKindOfRefusalHasItsStatusCode() throws Exception {
    fixture = ServerFixture.start(TimeMode.STEPPED, 1.0, pki, o -> o);
    OpcUaClient client = fixture.connect();

    assertThat(status(fixture.call(client, "ClearFault", "F99")))
        .as("not found").isEqualTo(StatusCodes.Bad_NotFound);
    assertThat(status(fixture.call(client, "Operate", "Stop", "twist")))
        .as("invalid argument").isEqualTo(StatusCodes.Bad_InvalidArgument);
    assertThat(status(fixture.call(client, "Release", "Belt/AtEnd")))
        .as("invalid state: not forced").isEqualTo(StatusCodes.Bad_InvalidState);
    assertThat(status(fixture.call(client, "Force", "Simulation/FaultCount", "3")))
        .as("Twinline's own signals are not the plant's").isEqualTo(StatusCodes.Bad_NotFound);
    assertThat(ServerFixture.write(client, fixture.signal("Belt/AtEnd"), true).getValue())
        .as("not allowed: an input").isEqualTo(StatusCodes.Bad_NotWritable);
    assertThat(value(client, "SimSeconds")).isEqualTo(0.0);
  }

  @Test
  void twoClientsInjectingTheSameFaultIdAtOnceOneWinsOneIsRefused() throws Exception {
    fixture = ServerFixture.start(TimeMode.SCALED, 5.0, pki, o -> o);
    OpcUaClient first = fixture.connect();
    OpcUaClient second = fixture.connect();
    double before = (Double) value(first, "SimSeconds");

    List<CompletableFuture<CallMethodResult>> calls = List.of(first, second).stream()
        .map(client -> CompletableFuture.supplyAsync(() -> {
          try {
            return fixture.call(client, "InjectFault", "Belt", "jam", "id: J1");
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        })).toList();
    List<Long> statuses = calls.stream().map(CompletableFuture::join)
        .map(ControlSurfaceTest::status).toList();

    assertThat(statuses).containsExactlyInAnyOrder(StatusCodes.Good, StatusCodes.Bad_InvalidState);
    assertThat(value(first, "FaultCount")).isEqualTo(1);
    // the server goes on: time moves, both clients are served
    await().until(() -> (Double) value(second, "SimSeconds") > before + 0.5);
    assertThat(status(fixture.call(second, "ClearFault", "J1"))).isEqualTo(StatusCodes.Good);
    assertThat(value(first, "FaultCount")).isEqualTo(0);
  }

  @Test
  void aCallsOutcomeBelongsToItsCaller() throws Exception {
    fixture = ServerFixture.start(TimeMode.STEPPED, 1.0, pki, o -> o);
    OpcUaClient refused = fixture.connect();
    OpcUaClient other = fixture.connect();

    fixture.call(other, "Operate", "Stop", "press");
    fixture.call(refused, "ClearFault", "F99");

    assertThat((String) value(refused, "LastMethodResult"))
        .startsWith("Bad_NotFound: ").contains("F99");
    assertThat(value(other, "LastMethodResult")).isEqualTo("Good: press Stop");
    CallMethodResult pressed = fixture.call(other, "Operate", "Stop", "release");
    assertThat(pressed.getOutputArguments()[0].value()).isEqualTo("release Stop");
  }

  @Test
  void aForcedInputIsShownAsForcedUntilReleased() throws Exception {
    fixture = ServerFixture.start(TimeMode.STEPPED, 1.0, pki, o -> o);
    OpcUaClient client = fixture.connect();

    assertThat(status(fixture.call(client, "Force", "Belt/AtEnd", "true")))
        .isEqualTo(StatusCodes.Good);
    DataValue forced = read(client, fixture.signal("Belt/AtEnd"));
    assertThat(forced.value().value()).isEqualTo(true);
    assertThat(forced.statusCode().getValue()).isEqualTo(StatusCodes.Good_LocalOverride);
    assertThat(status(fixture.call(client, "Force", "Belt/AtEnd", "2.5")))
        .as("a value of the wrong type").isEqualTo(StatusCodes.Bad_TypeMismatch);

    assertThat(status(fixture.call(client, "Release", "Belt/AtEnd")))
        .isEqualTo(StatusCodes.Good);
    DataValue released = read(client, fixture.signal("Belt/AtEnd"));
    assertThat(released.value().value()).isEqualTo(false);
    assertThat(released.statusCode().getValue()).isEqualTo(StatusCodes.Good);
  }

  @Test
  void aHugeStepIsRefusedAndTheNextOneStillRuns() throws Exception {
    fixture = ServerFixture.start(TimeMode.STEPPED, 1.0, pki, o -> o);
    OpcUaClient client = fixture.connect();

    assertThat(status(fixture.call(client, "Step", 1e14))).isEqualTo(StatusCodes.Bad_InvalidArgument);
    assertThat(status(fixture.call(client, "Step", 1e12))).isEqualTo(StatusCodes.Bad_InvalidArgument);
    CallMethodResult step = fixture.call(client, "Step", 10.0);

    assertThat(status(step)).isEqualTo(StatusCodes.Good);
    assertThat(step.getOutputArguments()[0].value()).isEqualTo(0.01);
  }

  @Test
  void aPauseFromAnotherClientEndsALongStepAndEveryAnswerIsTrue() throws Exception {
    fixture = ServerFixture.start(TimeMode.STEPPED, 1.0, pki, o -> o);
    OpcUaClient stepper = fixture.connect();
    OpcUaClient operator = fixture.connect();

    CompletableFuture<CallMethodResult> day = CompletableFuture.supplyAsync(() -> {
      try {
        return fixture.call(stepper, "Step", 86_400_000.0);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    await().until(() -> (Double) value(operator, "SimSeconds") > 1.0);
    assertThat(status(fixture.call(operator, "Step", 10.0)))
        .as("one step at a time").isEqualTo(StatusCodes.Bad_InvalidState);
    assertThat(status(fixture.call(operator, "Pause"))).isEqualTo(StatusCodes.Good);
    CallMethodResult ended = day.join();

    assertThat(status(ended)).isEqualTo(StatusCodes.Good);
    double reached = (Double) ended.getOutputArguments()[0].value();
    assertThat(reached).isLessThan(86_400.0);
    assertThat(value(operator, "State")).isEqualTo("Paused");
    assertThat(value(operator, "SimSeconds")).isEqualTo(reached);
    assertThat(fixture.runner.call(p -> p.simulation().now()).get())
        .isEqualTo(Math.round(reached * 1e9));
  }

  @Test
  void missingArgumentsAreInvalidNotAnInternalError() throws Exception {
    fixture = ServerFixture.start(TimeMode.STEPPED, 1.0, pki, o -> o);
    OpcUaClient client = fixture.connect();

    for (String method : List.of("ClearFault", "LoadRecipe", "Release", "Step")) {
      CallMethodResult result = client.call(List.of(
          new org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest(
              fixture.ids().simulation(), fixture.ids().simulation(method),
              new org.eclipse.milo.opcua.stack.core.types.builtin.Variant[] {
                  org.eclipse.milo.opcua.stack.core.types.builtin.Variant.NULL_VALUE})))
          .getResults()[0];
      assertThat(status(result)).as(method).isEqualTo(StatusCodes.Bad_InvalidArgument);
    }
    assertThat(status(fixture.call(client, "Step", 10.0))).isEqualTo(StatusCodes.Good);
  }
}
