package io.twinline.stplc;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.harness.run.Harness;
import io.twinline.line.LineDefinitions;
import io.twinline.line.Problem;
import io.twinline.line.Problems;
import io.twinline.line.model.LineDefinition;
import io.twinline.stplc.compile.Compiler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Located variables and globals bind to the line's signals; every mistake is found before the run. */
class LineBindingTest {

  private static final Path LINE = Path.of("src/test/resources/lines/addressed-conveyor.yaml");

  private static List<Problem> problems(String text, LineDefinition line) throws Exception {
    Problems problems = new Problems();
    LineBinding.bind(Compiler.compile("main.st", text, 0), line, problems);
    return problems.list();
  }

  @Test
  void locatedVariablesBindByTheAddressesTheLineGivesItsSignals() throws Exception {
    LineDefinition line = LineDefinitions.read(LINE);
    String program = """
        PROGRAM Main
        VAR
          eye AT %I0.1 : BOOL;        (* the line says %IX0.1: the same bit *)
          motor AT %QX0.0 : BOOL;
          boxes AT %IW8 : DINT;
          seen : DINT;
        END_VAR
        motor := NOT eye OR boxes >= 0;
        seen := boxes;
        END_PROGRAM
        """;
    assertThat(problems(program, line)).isEmpty();
    StProgram st = StPrograms.program(List.of(io.twinline.stplc.compile.Source.parse("main.st",
        program, new Problems())), StPrograms.Spec.parse("main.st", false), line);
    Harness harness = Harness.on(line).controller(st).start();
    try {
      harness.expect("Infeed/MotorOn").within(Duration.ofMillis(30));
    } finally {
      harness.close();
    }
  }

  @Test
  void everyUnboundMistypedOrDoublyBoundAddressIsAProblemAtItsDeclaration() throws Exception {
    LineDefinition line = LineDefinitions.read(LINE);
    List<Problem> problems = problems("""
        PROGRAM Main
        VAR
          nothing AT %IX7.7 : BOOL;
          asWord AT %IX0.1 : INT;
          eyeAsOutput AT %QX0.1 : BOOL;
          motor AT %Q0.0 : BOOL;
          motorAgain AT %Q* : BOOL;
          Infeed_Motoron AT %Q* : BOOL;
          Nosuch_Signal AT %I* : BOOL;
        END_VAR
        END_PROGRAM
        """, line);

    assertThat(problems).extracting(p -> p.location().line() + ": " + p.message()).containsExactly(
        "3: no signal of line AddressedConveyor has address %IX7.7 (for nothing)",
        "4: asWord is an INT but Infeed/PartAtEnd is Boolean",
        "5: no signal of line AddressedConveyor has address %QX0.1 (for eyeAsOutput)",
        "7: motorAgain AT %Q* is bound to no signal of line AddressedConveyor",
        "8: Infeed/MotorOn is bound twice: to motor (main.st:6:3) and to Infeed_Motoron",
        "9: Nosuch_Signal AT %I* is bound to no signal of line AddressedConveyor");
    assertThat(problems.get(0).hint()).contains("tag: '%IX7.7'");
    assertThat(problems.get(1).hint()).isEqualTo("declare it as BOOL");
    assertThat(problems.get(2).hint())
        .isEqualTo("%IX0.1 is Infeed/PartAtEnd, an input: inputs are %I addresses");
  }

  @Test
  void aGlobalVariableBindsByTheTagOfItsSignal() throws Exception {
    LineDefinition line = LineDefinitions.example("bottling-line.yaml");
    String program = """
        VAR_GLOBAL Q_Infeed_Run : BOOL; I_FillerIn : BOOL; counter : INT; END_VAR
        PROGRAM Main
        Q_Infeed_Run := NOT I_FillerIn;
        counter := counter + 1;
        END_PROGRAM
        """;
    Problems problems = new Problems();
    List<LineBinding.Bound> bound = LineBinding.bind(Compiler.compile("main.st", program, 0), line,
        problems);
    assertThat(problems.list()).isEmpty();
    assertThat(bound).extracting(LineBinding.Bound::path)
        .containsExactlyInAnyOrder("Infeed/MotorOn", "Infeed/FillerIn");
  }
}
