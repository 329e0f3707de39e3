package io.twinline.coupling.plc;

import io.twinline.coupling.plc.ModbusTag.Area;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One request's worth of a Modbus area, and the bindings it carries. The coupling exchanges a
 * cycle in as few requests as the tag map allows: reads one per area, split where the protocol's
 * limit (125 registers, 2000 coils) is reached, gaps included (PLC4X's Modbus optimizer groups
 * the reads so; the PLC must answer the addresses in between); writes one per run of
 * consecutive addresses, split at gaps and at the write limits (123 registers, 1968 coils).
 *
 * @param area the area
 * @param start the first protocol address
 * @param count bits or registers
 * @param bindings the bindings in it, by address
 */
public record Block(Area area, int start, int count, List<TagBinding> bindings) {

  public Block {
    bindings = List.copyOf(bindings);
  }

  /**
   * The PLC4X tag that writes the whole block (1-based, as PLC4X counts). Registers are written
   * as INT lists: PLC4X 0.13.1 cannot serialize a WORD list, and an INT carries the same 16 bits.
   */
  public String plc4xAddress() {
    return area.keyword() + ":" + (start + 1) + (area.bits() ? "" : ":INT") + "[" + count + "]";
  }

  /** What the block reads or writes, for people: {@code holding-register:11..12}. */
  public String describe() {
    return area.keyword() + ":" + (start + 1) + (count > 1 ? ".." + (start + count) : "");
  }

  /**
   * The blocks of {@code bindings}.
   *
   * @param write whether they are written (the write limits apply) or read
   */
  public static List<Block> plan(List<TagBinding> bindings, boolean write) {
    List<Block> blocks = new ArrayList<>();
    for (Area area : Area.values()) {
      List<TagBinding> of = bindings.stream().filter(b -> b.tag().area() == area)
          .sorted(Comparator.comparingInt(b -> b.tag().address())).toList();
      int limit = write ? area.maxWrite() : area.maxRead();
      List<TagBinding> current = new ArrayList<>();
      int start = -1;
      int end = -1;
      for (TagBinding binding : of) {
        boolean fits = start >= 0 && (!write || binding.tag().address() <= end)
            && binding.end() - start <= limit;
        if (!fits && start >= 0) {
          blocks.add(new Block(area, start, end - start, current));
          current = new ArrayList<>();
          start = -1;
        }
        if (start < 0) {
          start = binding.tag().address();
          end = start;
        }
        current.add(binding);
        end = Math.max(end, binding.end());
      }
      if (start >= 0) {
        blocks.add(new Block(area, start, end - start, current));
      }
    }
    return blocks;
  }
}
