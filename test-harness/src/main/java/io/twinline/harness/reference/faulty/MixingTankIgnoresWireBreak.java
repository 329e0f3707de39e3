package io.twinline.harness.reference.faulty;

import io.twinline.harness.reference.MixingTankProgram;

/**
 * Bug: the program trusts the level value and never looks at the card's wire-break diagnostic.
 * A broken loop reads 32767 counts, scaled 1.78 m: a full tank. The program ends the fill, starts
 * heating 0.1 m of liquid, and the element, not yet covered, dry-fires.
 */
public final class MixingTankIgnoresWireBreak extends MixingTankProgram {

  @Override
  protected boolean holdsOnWireBreak() {
    return false;
  }
}
