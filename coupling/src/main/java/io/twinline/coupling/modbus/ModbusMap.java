package io.twinline.coupling.modbus;

import io.twinline.line.Direction;
import io.twinline.line.SignalDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where each signal of a line lives on the Modbus endpoint, generated from the line: a signal has
 * one address, in the bit area (Booleans: read as a discrete input or a coil) or in the register
 * area (numbers: read as an input or a holding register). Inputs (plant to PLC) start at address
 * 0, outputs (PLC to plant) at {@value #OUTPUT_BASE} (or the next multiple of 1000 past the
 * inputs), each in the order of the line. Only outputs, and inputs the line marks
 * {@code writableByClients}, may be written (as coils or holding registers); Strings are not
 * mapped. Immutable.
 */
public final class ModbusMap {

  /** First address of the outputs in each area, unless the inputs reach past it. */
  public static final int OUTPUT_BASE = 1000;

  /** The two address spaces of the endpoint. */
  public enum Area {
    /** Discrete inputs (function 02) and coils (01, 05, 15). */
    BITS("bit", "discrete input / coil"),
    /** Input registers (04) and holding registers (03, 06, 16). */
    REGISTERS("register", "input / holding register");

    private final String keyword;
    private final String tables;

    Area(String keyword, String tables) {
      this.keyword = keyword;
      this.tables = tables;
    }

    public String keyword() {
      return keyword;
    }

    public String tables() {
      return tables;
    }
  }

  /**
   * One mapped signal.
   *
   * @param id the signal's id in the plant (its index in the list the map was made from)
   * @param signal the signal
   * @param area bits or registers
   * @param address its first address
   * @param width registers it takes (1 for a bit)
   * @param writable whether a master may write it
   */
  public record Entry(int id, SignalDefinition signal, Area area, int address, int width,
      boolean writable) {

    /** The address after the signal's last one. */
    public int end() {
      return address + width;
    }
  }

  private final List<Entry> entries;
  private final List<SignalDefinition> unmapped;
  private final Entry[] bits;
  private final Entry[] registers;

  private ModbusMap(List<Entry> entries, List<SignalDefinition> unmapped) {
    this.entries = Collections.unmodifiableList(entries);
    this.unmapped = List.copyOf(unmapped);
    this.bits = index(entries, Area.BITS);
    this.registers = index(entries, Area.REGISTERS);
  }

  /**
   * The map of a plant's signals.
   *
   * @param signals every signal of the plant, in id order (as the plant's registry lists them,
   *     system signals included)
   */
  public static ModbusMap of(List<SignalDefinition> signals) {
    List<Entry> entries = new ArrayList<>();
    List<SignalDefinition> unmapped = new ArrayList<>();
    int[] next = new int[2];
    // inputs first, from 0
    for (int id = 0; id < signals.size(); id++) {
      SignalDefinition signal = signals.get(id);
      if (signal.direction() == Direction.INPUT) {
        place(entries, unmapped, id, signal, next);
      }
    }
    next[0] = outputBase(next[0]);
    next[1] = outputBase(next[1]);
    for (int id = 0; id < signals.size(); id++) {
      SignalDefinition signal = signals.get(id);
      if (signal.direction() == Direction.OUTPUT) {
        place(entries, unmapped, id, signal, next);
      }
    }
    return new ModbusMap(entries, unmapped);
  }

  private static int outputBase(int inputsEnd) {
    return Math.max(OUTPUT_BASE, (inputsEnd + 999) / 1000 * 1000);
  }

  private static void place(List<Entry> entries, List<SignalDefinition> unmapped, int id,
      SignalDefinition signal, int[] next) {
    int width = RegisterCodec.width(signal.type());
    if (width < 0) {
      unmapped.add(signal);
      return;
    }
    Area area = width == 0 ? Area.BITS : Area.REGISTERS;
    int size = Math.max(width, 1);
    int address = next[area.ordinal()];
    if (address + size > 65536) {
      unmapped.add(signal);
      return;
    }
    entries.add(new Entry(id, signal, area, address, size, signal.clientWritable()));
    next[area.ordinal()] = address + size;
  }

  private static Entry[] index(List<Entry> entries, Area area) {
    int end = entries.stream().filter(e -> e.area() == area).mapToInt(Entry::end).max()
        .orElse(0);
    Entry[] at = new Entry[end];
    for (Entry entry : entries) {
      if (entry.area() == area) {
        for (int a = entry.address(); a < entry.end(); a++) {
          at[a] = entry;
        }
      }
    }
    return at;
  }

  /** Every mapped signal, inputs then outputs, bits and registers mixed in line order. */
  public List<Entry> entries() {
    return entries;
  }

  /** Signals with no Modbus form (Strings), or past address 65535. */
  public List<SignalDefinition> unmapped() {
    return unmapped;
  }

  /** The signal whose value covers {@code address} in {@code area}, or null. */
  public Entry at(Area area, int address) {
    Entry[] at = area == Area.BITS ? bits : registers;
    return address >= 0 && address < at.length ? at[address] : null;
  }

  /** The entry of the signal at {@code path} ("Component/Signal"), or null. */
  public Entry find(String path) {
    for (Entry entry : entries) {
      if (entry.signal().path().toString().equals(path)) {
        return entry;
      }
    }
    return null;
  }

  /** The map as CSV: a header line, then one line a signal. */
  public String csv() {
    StringBuilder out = new StringBuilder("signal,direction,type,area,address,registers,access\n");
    for (Entry e : entries) {
      out.append(e.signal().path()).append(',')
          .append(e.signal().direction().displayName()).append(',')
          .append(e.signal().type().displayName()).append(',')
          .append(e.area().keyword()).append(',')
          .append(e.address()).append(',')
          .append(e.area() == Area.BITS ? 0 : e.width()).append(',')
          .append(e.writable() ? "read-write" : "read").append('\n');
    }
    return out.toString();
  }

  /** The map as a table for people, with the word order of wider values stated. */
  public String table(WordOrder order) {
    StringBuilder out = new StringBuilder();
    int width = Math.max(6, entries.stream()
        .mapToInt(e -> e.signal().path().toString().length()).max().orElse(6));
    String row = "%-" + width + "s  %-9s  %-13s  %-8s  %9s  %s%n";
    out.append(String.format(row, "Signal", "Direction", "Modbus form", "Area", "Address",
        "Access"));
    for (Entry e : entries) {
      String address = e.width() > 1
          ? e.address() + "-" + (e.end() - 1) : String.valueOf(e.address());
      out.append(String.format(row, e.signal().path(), e.signal().direction().displayName(),
          RegisterCodec.form(e.signal().type()), e.area().keyword(), address,
          e.writable() ? "read-write" : "read"));
    }
    out.append(String.format("%nBits are discrete inputs (02) and coils (01, 05, 15); registers"
        + " are input (04)%nand holding registers (03, 06, 16): the same address in either"
        + " table. Inputs from 0,%noutputs from %d (later if the inputs reach past it)."
        + " Values over several registers:%n%s word order on units 0, 1 and 255, %s on"
        + " unit 2.%n", OUTPUT_BASE, order, order.swapped()));
    if (!unmapped.isEmpty()) {
      out.append("Not mapped (no Modbus form): ");
      out.append(String.join(", ", unmapped.stream().map(s -> s.path().toString()).toList()));
      out.append(System.lineSeparator());
    }
    return out.toString();
  }

}
