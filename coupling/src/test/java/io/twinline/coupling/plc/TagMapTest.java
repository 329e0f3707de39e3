package io.twinline.coupling.plc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.twinline.coupling.modbus.ModbusEndpoint;
import io.twinline.line.InvalidDefinitionException;
import io.twinline.line.LineDefinitions;
import io.twinline.line.Problem;
import io.twinline.line.SignalDefinition;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.signal.Signal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagMapTest {

  static List<SignalDefinition> signals() throws Exception {
    return Plant.build(LineDefinitions.read(Path.of("../docs/examples/coupling/transfer-line.yaml")))
        .signals().all().stream().map(Signal::definition).toList();
  }

  @Test
  void theExampleMapReadsWithTheAddressesPlc4xMeans() throws Exception {
    TagMap map = TagMap.read(Path.of("../docs/examples/coupling/transfer-tags.csv"), signals());
    assertThat(map.bindings()).extracting(b -> b.signal().path() + "=" + b.tag().area() + "@"
        + b.tag().address() + "/" + b.width()).containsExactly(
        "Infeed/PartPresent=COIL@0/1", "Infeed/MotorOn=COIL@10/1", "Transfer/MotorOn=COIL@11/1",
        "Plc/Count=HOLDING_REGISTER@10/2");
  }

  @Test
  void everyProblemIsListedWithLineColumnAndHint() throws Exception {
    String csv = """
        signal,address
        Infeed/PartPresnt,coil:1
        Infeed/PartPresent, discrete-input:4
        Infeed/MotorOn,coil
        Plc/Count,coil:7
        Transfer/MotorOn,coil:12
        Out/Count,holding-register:1:REAL
        Plc/Count,holding-register:20
        Plc/Count,holding-register:21
        Feeder/Released,holding-register:19
        just one field
        """;
    InvalidDefinitionException e = catchThrowableOfType(InvalidDefinitionException.class,
        () -> TagMap.parse("tags.csv", csv, signals()));
    assertThat(e.problems()).extracting(Problem::format).containsExactly(
        "tags.csv:2:1: Infeed/PartPresnt: the line has no signal Infeed/PartPresnt"
            + System.lineSeparator() + "  hint: did you mean Infeed/PartPresent?",
        "tags.csv:3:21: Infeed/PartPresent: Infeed/PartPresent is an input (the plant drives it)"
            + " and is written into the PLC, but a PLC's discrete-inputs cannot be written over"
            + " Modbus" + System.lineSeparator() + "  hint: map it to a coil (a marker or data"
            + " word) that the PLC program reads as its input",
        "tags.csv:4:16: Infeed/MotorOn: 'coil' is not a Modbus tag address"
            + System.lineSeparator() + "  hint: write " + ModbusTag.FORMS,
        "tags.csv:5:11: Plc/Count: Plc/Count is a Int32 but coil:7 holds bits"
            + System.lineSeparator()
            + "  hint: bind numbers to holding-register:N or input-register:N",
        "tags.csv:7:11: Out/Count: REAL does not fit Out/Count, a Int32"
            + System.lineSeparator() + "  hint: write :DINT, or no type",
        "tags.csv:9:1: Plc/Count: Plc/Count is bound twice (first at line 8)"
            + System.lineSeparator() + "  hint: bind each signal to one tag",
        "tags.csv:10:17: Feeder/Released: holding-register:19 overlaps holding-register:20 of"
            + " Plc/Count (line 8)" + System.lineSeparator()
            + "  hint: a int32 takes 2 registers; move one of them",
        "tags.csv:11:1: expected two fields, signal and address, found 1"
            + System.lineSeparator() + "  hint: write e.g. 'Infeed/PartPresent,coil:1'");
  }

  @Test
  void readsAreSplitAtTheProtocolLimitAndWritesAtGapsToo() throws Exception {
    var line = LineDefinitions.parse("big.yaml", """
        line: Big
        components:
          - name: Io
            type: variables
            variables:
              - {name: R, type: Int32, direction: output, count: 70}
              - {name: B, type: Boolean, direction: input, count: 4}
        """);
    List<SignalDefinition> signals = ModbusEndpoint.signalsOf(
        new io.twinline.sim.run.SimulationRunner(Plant.build(line),
            io.twinline.sim.run.TimeMode.AFAP, 1.0));
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < 70; i++) {
      csv.append("Io/R").append(i).append(",holding-register:").append(1 + 2 * i).append('\n');
    }
    csv.append("Io/B0,coil:1\nIo/B1,coil:2\nIo/B2,coil:10\nIo/B3,coil:11\n");
    TagMap map = TagMap.parse("big.csv", csv.toString(), signals);
    List<TagBinding> outputs = map.bindings().subList(0, 70);
    assertThat(Block.plan(outputs, false)).extracting(Block::describe)
        .containsExactly("holding-register:1..124", "holding-register:125..140");
    assertThat(Block.plan(map.bindings().subList(70, 74), true)).extracting(Block::plc4xAddress)
        .containsExactly("coil:1[2]", "coil:10[2]");
  }
}
