package io.twinline.coupling.plc;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PLC4X Modbus tag address parsed once, at load: the area and the protocol address (0-based).
 * Written as PLC4X writes them, 1-based: {@code coil:1}, {@code discrete-input:5},
 * {@code holding-register:1}, {@code input-register:7}, or in the short forms {@code 0x00001},
 * {@code 1x00005}, {@code 4x00001}, {@code 3x00007}; a PLC4X data type suffix ({@code :REAL},
 * {@code :DINT}) is allowed and must fit the signal (the signal's type decides how the value is
 * read).
 *
 * @param area the Modbus table
 * @param address the protocol address, 0-based (PLC4X's {@code holding-register:1} is 0)
 * @param type the data type suffix, upper case, if one was written
 */
public record ModbusTag(Area area, int address, Optional<String> type) {

  /** The four Modbus tables. */
  public enum Area {
    COIL("coil", "0x", true, true),
    DISCRETE_INPUT("discrete-input", "1x", true, false),
    INPUT_REGISTER("input-register", "3x", false, false),
    HOLDING_REGISTER("holding-register", "4x", false, true);

    private final String keyword;
    private final String prefix;
    private final boolean bits;
    private final boolean writable;

    Area(String keyword, String prefix, boolean bits, boolean writable) {
      this.keyword = keyword;
      this.prefix = prefix;
      this.bits = bits;
      this.writable = writable;
    }

    public String keyword() {
      return keyword;
    }

    /** Coils and discrete inputs hold bits; the other two 16-bit registers. */
    public boolean bits() {
      return bits;
    }

    /** Whether a master can write it (coils and holding registers). */
    public boolean writable() {
      return writable;
    }

    /** Protocol limit of one read request of this area. */
    public int maxRead() {
      return bits ? 2000 : 125;
    }

    /** Protocol limit of one write request of this area. */
    public int maxWrite() {
      return bits ? 1968 : 123;
    }
  }

  /** How the forms are written, for hints. */
  public static final String FORMS = "coil:N, discrete-input:N, holding-register:N,"
      + " input-register:N (N from 1, as PLC4X counts), optionally with a type such as :REAL";

  private static final Pattern LONG = Pattern.compile(
      "(coil|discrete-input|holding-register|input-register):(\\d{1,5})(?::([A-Za-z_]+))?");
  private static final Pattern SHORT = Pattern.compile(
      "([0134])x(\\d{1,5})(?::([A-Za-z_]+))?");

  /**
   * Reads an address.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static ModbusTag parse(String text) {
    String t = text.strip();
    Matcher m = LONG.matcher(t);
    Area area;
    if (m.matches()) {
      area = switch (m.group(1)) {
        case "coil" -> Area.COIL;
        case "discrete-input" -> Area.DISCRETE_INPUT;
        case "input-register" -> Area.INPUT_REGISTER;
        default -> Area.HOLDING_REGISTER;
      };
    } else {
      m = SHORT.matcher(t);
      if (!m.matches()) {
        throw new IllegalArgumentException("'" + t + "' is not a Modbus tag address");
      }
      area = switch (m.group(1)) {
        case "0" -> Area.COIL;
        case "1" -> Area.DISCRETE_INPUT;
        case "3" -> Area.INPUT_REGISTER;
        default -> Area.HOLDING_REGISTER;
      };
    }
    int number = Integer.parseInt(m.group(2));
    if (number < 1 || number > 65536) {
      throw new IllegalArgumentException("'" + t + "': Modbus addresses count from 1 to 65536"
          + " here (PLC4X's 1 is protocol address 0)");
    }
    return new ModbusTag(area, number - 1,
        Optional.ofNullable(m.group(3)).map(s -> s.toUpperCase(Locale.ROOT)));
  }

  @Override
  public String toString() {
    return area.keyword() + ":" + (address + 1) + type.map(s -> ":" + s).orElse("");
  }
}
