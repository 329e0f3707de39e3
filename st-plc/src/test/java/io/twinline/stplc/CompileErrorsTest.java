package io.twinline.stplc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.twinline.line.InvalidDefinitionException;
import io.twinline.line.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A program with mistakes is refused with every mistake at file:line:column, with a hint. */
class CompileErrorsTest {

  private static List<Problem> problems(String text) {
    InvalidDefinitionException e = catchThrowableOfType(InvalidDefinitionException.class,
        () -> Plc.of(text));
    assertThat(e).as("the program is refused").isNotNull();
    return e.problems();
  }

  @Test
  void everySemanticProblemIsListedAtOnceWithItsPlaceAndAHint() {
    List<Problem> problems = problems("""
        PROGRAM Main
        VAR
          count : INT;
          timer : TONN;
          flag : BOOL;
        END_VAR
        cuont := 1;
        flag := count;
        IF count THEN flag := TRUE; END_IF;
        count := 'text';
        EXIT;
        END_PROGRAM
        """);

    assertThat(problems).extracting(p -> p.location().toString()).containsExactly(
        "test.st:4:11", "test.st:7:1", "test.st:8:9", "test.st:9:4", "test.st:10:10",
        "test.st:11:1");
    assertThat(problems.get(0).message()).isEqualTo("unknown type TONN");
    assertThat(problems.get(0).hint()).isEqualTo("did you mean TON?");
    assertThat(problems.get(1).message()).isEqualTo("unknown variable cuont in Main");
    assertThat(problems.get(1).hint()).isEqualTo("did you mean count?");
    assertThat(problems.get(2).message()).isEqualTo("an INT cannot be used as BOOL for flag");
    assertThat(problems.get(2).hint()).isEqualTo("convert it: INT_TO_BOOL(...)");
    assertThat(problems.get(3).message()).isEqualTo("IF needs a BOOL condition, not INT");
    assertThat(problems.get(3).hint()).isEqualTo("compare it, e.g. count <> 0");
    assertThat(problems.get(5).message()).isEqualTo("EXIT outside a loop");
  }

  @Test
  void syntaxErrorsNameTheirPlace() {
    List<Problem> problems = problems("""
        PROGRAM Main
        VAR x : INT; END_VAR
        x = 1;
        END_PROGRAM
        """);

    assertThat(problems).isNotEmpty();
    assertThat(problems.get(0).location().toString()).isEqualTo("test.st:3:1");
    assertThat(problems.get(0).message()).startsWith("syntax:");
    assertThat(problems.get(0).format()).as(problems.get(0).format()).contains("':='");
  }

  @Test
  void literalsThatDoNotFitTheirTypeAreRefused() {
    List<Problem> problems = problems("""
        PROGRAM Main VAR s : SINT; b : BYTE; END_VAR
        s := 200;
        b := BYTE#256;
        END_PROGRAM
        """);

    assertThat(problems).extracting(Problem::message).containsExactly(
        "200 does not fit SINT for s (-128..127)", "BYTE#256 does not fit BYTE (0..255)");
  }

  @Test
  void aFunctionBlockTypeCalledLikeAFunctionGetsAHint() {
    List<Problem> problems = problems("""
        PROGRAM Main VAR q : BOOL; END_VAR
        q := TON(IN := TRUE, PT := T#1s);
        END_PROGRAM
        """);

    assertThat(problems.get(0).message()).isEqualTo("TON is a function block type, not a function");
    assertThat(problems.get(0).hint()).contains("t1 : TON;");
  }
}
