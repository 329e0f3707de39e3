package io.twinline.stplc.runtime;

import io.twinline.line.SourceLocation;

/**
 * A declared variable: its type and the slot it has in its frame's storage.
 *
 * @param address the located address after {@code AT} ({@code %IX0.0}, {@code %I*}), or null
 */
public record Var(String name, Type type, Section section, int slot, SourceLocation location,
    String address, boolean constant, boolean retain) {

  /** The block a variable was declared in. */
  public enum Section { INPUT, OUTPUT, IN_OUT, LOCAL, TEMP, EXTERNAL, GLOBAL, MEMBER, RESULT }

  /** The variable's current value in {@code frame}, for messages and watch lists. */
  public String format(Frame frame) {
    return switch (type.storage()) {
      case L -> Values.format(type, frame.l[slot], 0, null);
      case D -> Values.format(type, 0, frame.d[slot], null);
      case O -> Values.format(type, 0, 0, frame.o[slot]);
    };
  }
}
