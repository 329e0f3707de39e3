package io.twinline.sim.run;

import io.twinline.line.model.LineDefinition;
import java.util.List;

/**
 * The whole state of a plant at one simulated time, kept as what produced it: the line, and every
 * command applied up to then with its time. Restoring replays them on a fresh plant; the run is
 * deterministic, so the replayed state is the same, bit for bit.
 *
 * @param line the line definition
 * @param time the simulated time of the snapshot, ns
 * @param journal the commands applied before, in order
 */
public record Snapshot(LineDefinition line, long time, List<JournalEntry> journal) {

  public Snapshot {
    journal = List.copyOf(journal);
  }

  /**
   * One applied command.
   *
   * @param time when it was applied
   * @param atCycle true if it was applied by the I/O cycle at {@code time} (before the plant's own
   *     events of that instant), false if after everything due at {@code time}
   * @param command what was applied
   */
  public record JournalEntry(long time, boolean atCycle, Command command) {}
}
