package io.twinline.stplc.runtime;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A data type of a compiled program. Every value lives in one of three storages of a {@link
 * Frame}: {@code long} (BOOL as 0/1, every integer and bit string, TIME and the dates in
 * nanoseconds, enumerations), {@code double} (REAL, LREAL) or object (STRING, arrays, structures
 * and function block instances).
 */
public final class Type {

  /** The families of types, as the compiler tells them apart. */
  public enum Kind { BOOL, INT, REAL, TIME, DATE, TOD, DT, STRING, ENUM, ARRAY, STRUCT, FB, VOID }

  /** Where a value of the type is kept in a frame. */
  public enum Storage { L, D, O }

  public final Kind kind;
  public final String name;
  /** Integers: width in bits; REAL 32, LREAL 64. */
  public final int bits;
  /** Integers: signed (SINT..LINT) or not (USINT..ULINT, BYTE..LWORD). */
  public final boolean signed;
  /** Integers: a bit string (BYTE, WORD, DWORD, LWORD). */
  public final boolean bitString;
  /** A subrange's bounds (integers); otherwise the type's own range. */
  public final long lo;
  public final long hi;
  /** STRING: the declared maximum length. WSTRING: the same, {@link #wide} set. */
  public final int length;
  public final boolean wide;
  /** ARRAY: the element type and each dimension's bounds. */
  public final Type element;
  public final int[] lower;
  public final int[] upper;
  /** ENUM: member names and values. STRUCT / FB: the layout. */
  public final List<String> members;
  public final long[] memberValues;
  public Layout layout;

  private Type(Kind kind, String name, int bits, boolean signed, boolean bitString, long lo,
      long hi, int length, boolean wide, Type element, int[] lower, int[] upper,
      List<String> members, long[] memberValues) {
    this.kind = kind;
    this.name = name;
    this.bits = bits;
    this.signed = signed;
    this.bitString = bitString;
    this.lo = lo;
    this.hi = hi;
    this.length = length;
    this.wide = wide;
    this.element = element;
    this.lower = lower;
    this.upper = upper;
    this.members = members;
    this.memberValues = memberValues;
  }

  private static Type simple(Kind kind, String name) {
    return new Type(kind, name, 64, true, false, Long.MIN_VALUE, Long.MAX_VALUE, 0, false, null,
        null, null, null, null);
  }

  private static Type integer(String name, int bits, boolean signed, boolean bitString) {
    long lo = signed ? (bits == 64 ? Long.MIN_VALUE : -(1L << (bits - 1))) : 0;
    long hi = signed ? (bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1)
        : (bits == 64 ? -1L : (1L << bits) - 1);
    return new Type(Kind.INT, name, bits, signed, bitString, lo, hi, 0, false, null, null, null,
        null, null);
  }

  public static final Type BOOL = simple(Kind.BOOL, "BOOL");
  public static final Type SINT = integer("SINT", 8, true, false);
  public static final Type INT = integer("INT", 16, true, false);
  public static final Type DINT = integer("DINT", 32, true, false);
  public static final Type LINT = integer("LINT", 64, true, false);
  public static final Type USINT = integer("USINT", 8, false, false);
  public static final Type UINT = integer("UINT", 16, false, false);
  public static final Type UDINT = integer("UDINT", 32, false, false);
  public static final Type ULINT = integer("ULINT", 64, false, false);
  public static final Type BYTE = integer("BYTE", 8, false, true);
  public static final Type WORD = integer("WORD", 16, false, true);
  public static final Type DWORD = integer("DWORD", 32, false, true);
  public static final Type LWORD = integer("LWORD", 64, false, true);
  public static final Type REAL = new Type(Kind.REAL, "REAL", 32, true, false, 0, 0, 0, false,
      null, null, null, null, null);
  public static final Type LREAL = new Type(Kind.REAL, "LREAL", 64, true, false, 0, 0, 0, false,
      null, null, null, null, null);
  public static final Type TIME = simple(Kind.TIME, "TIME");
  public static final Type LTIME = simple(Kind.TIME, "LTIME");
  public static final Type DATE = simple(Kind.DATE, "DATE");
  public static final Type TOD = simple(Kind.TOD, "TIME_OF_DAY");
  public static final Type DT = simple(Kind.DT, "DATE_AND_TIME");
  public static final Type STRING = string(80, false);
  public static final Type WSTRING = string(80, true);
  public static final Type VOID = simple(Kind.VOID, "VOID");
  /** The type of an expression already reported as wrong: it raises no further problems. */
  public static final Type ERROR = simple(Kind.VOID, "(error)");
  /** An integer literal without a type prefix: takes the type of what it meets. */
  public static final Type ANY_INT = integer("ANY_INT", 64, true, false);
  /** A real literal without a type prefix. */
  public static final Type ANY_REAL = new Type(Kind.REAL, "ANY_REAL", 64, true, false, 0, 0, 0,
      false, null, null, null, null, null);

  /** The elementary types by their (upper-case) names and aliases. */
  public static final Map<String, Type> ELEMENTARY = Map.ofEntries(
      Map.entry("BOOL", BOOL), Map.entry("SINT", SINT), Map.entry("INT", INT),
      Map.entry("DINT", DINT), Map.entry("LINT", LINT), Map.entry("USINT", USINT),
      Map.entry("UINT", UINT), Map.entry("UDINT", UDINT), Map.entry("ULINT", ULINT),
      Map.entry("BYTE", BYTE), Map.entry("WORD", WORD), Map.entry("DWORD", DWORD),
      Map.entry("LWORD", LWORD), Map.entry("REAL", REAL), Map.entry("LREAL", LREAL),
      Map.entry("TIME", TIME), Map.entry("LTIME", LTIME), Map.entry("DATE", DATE),
      Map.entry("LDATE", DATE), Map.entry("TIME_OF_DAY", TOD), Map.entry("TOD", TOD),
      Map.entry("LTOD", TOD), Map.entry("DATE_AND_TIME", DT), Map.entry("DT", DT),
      Map.entry("LDT", DT), Map.entry("STRING", STRING), Map.entry("WSTRING", WSTRING));

  public static Type string(int length, boolean wide) {
    return new Type(Kind.STRING, wide ? "WSTRING" : "STRING", 0, false, false, 0, 0, length, wide,
        null, null, null, null, null);
  }

  public static Type subrange(Type base, long lo, long hi) {
    return new Type(Kind.INT, base.name + "(" + lo + ".." + hi + ")", base.bits, base.signed,
        base.bitString, lo, hi, 0, false, null, null, null, null, null);
  }

  public static Type array(Type element, int[] lower, int[] upper) {
    StringBuilder name = new StringBuilder("ARRAY[");
    for (int i = 0; i < lower.length; i++) {
      name.append(i == 0 ? "" : ",").append(lower[i]).append("..").append(upper[i]);
    }
    name.append("] OF ").append(element.name);
    return new Type(Kind.ARRAY, name.toString(), 0, false, false, 0, 0, 0, false, element, lower,
        upper, null, null);
  }

  public static Type enumeration(String name, List<String> members, long[] values) {
    return new Type(Kind.ENUM, name, 32, true, false, 0, 0, 0, false, null, null, null,
        List.copyOf(members), values);
  }

  /** A STRUCT or FUNCTION_BLOCK type; its layout is set once its members are known. */
  public static Type composite(Kind kind, String name) {
    return new Type(kind, name, 0, false, false, 0, 0, 0, false, null, null, null, null, null);
  }

  public Storage storage() {
    return switch (kind) {
      case REAL -> Storage.D;
      case STRING, ARRAY, STRUCT, FB -> Storage.O;
      default -> Storage.L;
    };
  }

  public boolean isInteger() {
    return kind == Kind.INT;
  }

  public boolean isNumeric() {
    return kind == Kind.INT || kind == Kind.REAL;
  }

  /** Whether an integer value is in this integer type's range, taken as its bit pattern. */
  public boolean fits(long value) {
    if (!signed && bits == 64) {
      return true;
    }
    return value >= lo && value <= hi;
  }

  /** The number of elements of an array type. */
  public int size() {
    int n = 1;
    for (int i = 0; i < lower.length; i++) {
      n *= upper[i] - lower[i] + 1;
    }
    return n;
  }

  /** The code {@link Ints#wrap} switches on for an integer type. */
  public int wrapCode() {
    if (kind == Kind.BOOL) {
      return Ints.BOOL;
    }
    if (kind != Kind.INT) {
      return Ints.NONE;
    }
    return switch (bits) {
      case 8 -> signed ? Ints.S8 : Ints.U8;
      case 16 -> signed ? Ints.S16 : Ints.U16;
      case 32 -> signed ? Ints.S32 : Ints.U32;
      default -> Ints.NONE;
    };
  }

  /** "a BOOL", "an INT": the type with its article, for messages. */
  public static String article(Type type) {
    String n = type.name;
    return ("AEIOUaeiou".indexOf(n.isEmpty() ? 'x' : n.charAt(0)) >= 0 ? "an " : "a ") + n;
  }

  public String upperName() {
    return name.toUpperCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return name;
  }
}
