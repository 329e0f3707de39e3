package io.twinline.stplc.runtime;

/** IEC integer arithmetic: every result wraps around at its type's width. */
public final class Ints {

  public static final int NONE = 0;
  public static final int S8 = 1;
  public static final int U8 = 2;
  public static final int S16 = 3;
  public static final int U16 = 4;
  public static final int S32 = 5;
  public static final int U32 = 6;
  public static final int BOOL = 7;

  private Ints() {}

  /** {@code value} wrapped to the type with {@code code} (see {@link Type#wrapCode()}). */
  public static long wrap(int code, long value) {
    return switch (code) {
      case S8 -> (byte) value;
      case U8 -> value & 0xFFL;
      case S16 -> (short) value;
      case U16 -> value & 0xFFFFL;
      case S32 -> (int) value;
      case U32 -> value & 0xFFFF_FFFFL;
      case BOOL -> value != 0 ? 1 : 0;
      default -> value;
    };
  }
}
