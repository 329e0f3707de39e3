package io.twinline.harness.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean" for signal names. */
class SignalHintsTest {

  private static final List<String> NAMES = List.of("Infeed/MotorOn", "Infeed/PartAtEnd",
      "Tower/Green", "Tower/Red", "Q_Infeed_Run", "Transfer/MotorOn");

  @Test
  void aCloseSpellingIsSuggested() {
    assertThat(SignalHints.closest("Tower/Gren", NAMES)).contains("Tower/Green");
  }

  @Test
  void aSignalWithoutItsComponentGetsThePathThatHasIt() {
    assertThat(SignalHints.closest("PartAtEnd", NAMES)).contains("Infeed/PartAtEnd");
    assertThat(SignalHints.closest("Belt/PartAtEnd", NAMES)).contains("Infeed/PartAtEnd");
  }

  @Test
  void anAmbiguousSignalPartSuggestsNothingRatherThanAGuess() {
    assertThat(SignalHints.closest("MotorOn", NAMES)).isEmpty();
    assertThat(SignalHints.hint("MotorOn", NAMES))
        .isEqualTo("name a signal as Component/Signal, or by its tag");
  }
}
