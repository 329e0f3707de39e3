package io.twinline.opcua;

import static io.twinline.opcua.ServerFixture.read;
import static io.twinline.opcua.ServerFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.line.SignalPath;
import io.twinline.opcua.security.Role;
import io.twinline.sim.run.SetSignal;
import io.twinline.sim.run.TimeMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a write can be refused, with the status code OPC UA Part 4 gives it, and what an
 * accepted write does: it reaches the plant at the next I/O cycle, in the order it was sent.
 */
class WriteServiceTest {

  private static final SignalPath COUNTER = SignalPath.parse("Cell/Counter");

  @TempDir Path pki;
  private ServerFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private OpcUaClient start(Role anonymousRole) throws Exception {
    fixture = ServerFixture.start(TimeMode.STEPPED, 1.0, pki, o -> o.withAnonymous(anonymousRole));
    return fixture.connect();
  }

  private Object plantValue(String path) throws Exception {
    return fixture.runner.call(p -> p.signal(path).value()).get(5, TimeUnit.SECONDS);
  }

  private void step(long millis) throws Exception {
    fixture.runner.step(Duration.ofMillis(millis)).get(5, TimeUnit.SECONDS);
  }

  @Test
  void aValueOfTheWrongTypeIsATypeMismatch() throws Exception {
    OpcUaClient client = start(Role.PLC);

    assertThat(write(client, fixture.signal("Cell/Counter"), "twelve").getValue())
        .isEqualTo(StatusCodes.Bad_TypeMismatch);
    assertThat(write(client, fixture.signal("Cell/Counter"), (short) 12).getValue())
        .isEqualTo(StatusCodes.Bad_TypeMismatch);
    assertThat(write(client, fixture.signal("Belt/MotorOn"), 1).getValue())
        .isEqualTo(StatusCodes.Bad_TypeMismatch);

    step(50);
    assertThat(plantValue("Cell/Counter")).isEqualTo(0);
    assertThat(plantValue("Belt/MotorOn")).isEqualTo(false);
  }

  @Test
  void aValueOutsideTheEngineeringRangeIsOutOfRange() throws Exception {
    OpcUaClient client = start(Role.PLC);

    assertThat(write(client, fixture.signal("Cell/Setpoint"), 120.5).getValue())
        .isEqualTo(StatusCodes.Bad_OutOfRange);
    assertThat(write(client, fixture.signal("Cell/Setpoint"), -0.1).getValue())
        .isEqualTo(StatusCodes.Bad_OutOfRange);
    assertThat(write(client, fixture.signal("Cell/Setpoint"), Double.NaN).getValue())
        .isEqualTo(StatusCodes.Bad_OutOfRange);
    assertThat(write(client, fixture.signal("Cell/Speed"), (short) 1501).getValue())
        .isEqualTo(StatusCodes.Bad_OutOfRange);
    step(20);
    assertThat(plantValue("Cell/Setpoint")).isEqualTo(0.0);

    assertThat(write(client, fixture.signal("Cell/Setpoint"), 120.0).isGood()).isTrue();
    assertThat(write(client, fixture.signal("Cell/Speed"), (short) 1500).isGood()).isTrue();
    step(20);
    assertThat(plantValue("Cell/Setpoint")).isEqualTo(120.0);
    assertThat(plantValue("Cell/Speed")).isEqualTo((short) 1500);
  }

  @Test
  void inputsAreNotWritableUnlessTheLineMarksThemForForcing() throws Exception {
    OpcUaClient client = start(Role.ENGINEER);

    assertThat(write(client, fixture.signal("Cell/Temperature"), 50.0).getValue())
        .isEqualTo(StatusCodes.Bad_NotWritable);
    assertThat(write(client, fixture.signal("Belt/AtEnd"), true).getValue())
        .isEqualTo(StatusCodes.Bad_NotWritable);
    assertThat(write(client, fixture.signal("Cell/Forced"), true).isGood()).isTrue();

    step(20);
    assertThat(plantValue("Cell/Forced")).isEqualTo(true);
    assertThat(plantValue("Belt/AtEnd")).isEqualTo(false);
  }

  @Test
  void anObserverMayReadButNotWrite() throws Exception {
    OpcUaClient client = start(Role.OBSERVER);

    assertThat(write(client, fixture.signal("Belt/MotorOn"), true).getValue())
        .isEqualTo(StatusCodes.Bad_UserAccessDenied);
    // An input is still "not writable" (for anybody), not "access denied".
    assertThat(write(client, fixture.signal("Belt/AtEnd"), true).getValue())
        .isEqualTo(StatusCodes.Bad_NotWritable);
    step(20);
    assertThat(plantValue("Belt/MotorOn")).isEqualTo(false);
    DataValue motor = read(client, fixture.signal("Belt/MotorOn"));
    assertThat(motor.statusCode().isGood()).isTrue();
    assertThat(motor.value().value()).isEqualTo(false);
  }

  @Test
  void oneBadValueInAWriteDoesNotLoseTheOthers() throws Exception {
    OpcUaClient client = start(Role.PLC);
    List<NodeId> nodes =
        List.of(
            fixture.signal("Cell/Counter"),
            fixture.signal("Cell/Setpoint"),
            fixture.signal("Belt/AtEnd"),
            fixture.signal("Belt/MotorOn"),
            new NodeId(fixture.ids().namespaceIndex(), "TestCell/Nowhere/Nothing"));
    List<DataValue> values =
        List.of(
            DataValue.valueOnly(new Variant(7)),
            DataValue.valueOnly(new Variant(999.0)),
            DataValue.valueOnly(new Variant(true)),
            DataValue.valueOnly(new Variant(true)),
            DataValue.valueOnly(new Variant(true)));

    List<Long> results =
        client.writeValues(nodes, values).stream().map(StatusCode::getValue).toList();

    assertThat(results)
        .containsExactly(
            StatusCode.GOOD.getValue(),
            StatusCodes.Bad_OutOfRange,
            StatusCodes.Bad_NotWritable,
            StatusCode.GOOD.getValue(),
            StatusCodes.Bad_NodeIdUnknown);
    step(20);
    assertThat(plantValue("Cell/Counter")).isEqualTo(7);
    assertThat(plantValue("Belt/MotorOn")).isEqualTo(true);
  }

  @Test
  void aWriteTakesEffectAtTheNextIoCycleAndWritesKeepTheirOrder() throws Exception {
    OpcUaClient client = start(Role.PLC);
    List<Integer> applied = new ArrayList<>();
    fixture.runner.subscribe(
        changes -> {
          if (changes.isSnapshot()) {
            return;
          }
          for (var change : changes.toList()) {
            if (change.path().equals("Cell/Counter")) {
              applied.add((Integer) change.value());
            }
          }
        });

    // Fire 50 writes without waiting for each answer, then let the plant run one cycle.
    List<CompletableFuture<List<StatusCode>>> answers = new ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      answers.add(
          client.writeValuesAsync(
              List.of(fixture.signal("Cell/Counter")),
              List.of(DataValue.valueOnly(new Variant(i)))));
    }
    for (var answer : answers) {
      assertThat(answer.get(10, TimeUnit.SECONDS).get(0).isGood()).isTrue();
    }
    assertThat(plantValue("Cell/Counter")).as("not before the next I/O cycle").isEqualTo(0);
    step(10);

    assertThat(plantValue("Cell/Counter")).isEqualTo(50);
    assertThat(applied)
        .as("every write is a change of the plant, in the order sent")
        .isEqualTo(java.util.stream.IntStream.rangeClosed(1, 50).boxed().toList());
    assertThat(fixture.runner.snapshot().get(5, TimeUnit.SECONDS).journal().stream()
            .map(entry -> entry.command())
            .filter(c -> c instanceof SetSignal s && s.path().equals(COUNTER))
            .map(c -> ((SetSignal) c).value())
            .toList())
        .as("the commands in the order they were written")
        .isEqualTo(java.util.stream.IntStream.rangeClosed(1, 50).boxed().toList());
  }

}
