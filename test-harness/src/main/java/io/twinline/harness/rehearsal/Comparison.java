package io.twinline.harness.rehearsal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Two sessions side by side (a recording and its replay, or a rehearsal before and after a PLC
 * change): their KPIs and where their signal traces part.
 *
 * @param before the first session's KPIs
 * @param after the second session's KPIs
 * @param differences the KPIs that differ, in words
 * @param divergence the first signal change that is not the same in both, if any
 */
public record Comparison(Kpis before, Kpis after, List<String> differences,
    Optional<Divergence> divergence) {

  /** The first place the traces differ. */
  public record Divergence(int index, long time, String before, String after) {}

  /** Whether the two runs are the same: the same KPIs and the same signal changes. */
  public boolean same() {
    return differences.isEmpty() && divergence.isEmpty();
  }

  public static Comparison of(Recording a, Kpis kpisA, Recording b, Kpis kpisB) {
    List<String> differences = new ArrayList<>();
    compare(differences, "changeover", kpisA.changeover(), kpisB.changeover());
    compare(differences, "first good new part", kpisA.firstNewPart(), kpisB.firstNewPart());
    compare(differences, "last good old part", kpisA.lastOldPart(), kpisB.lastOldPart());
    if (kpisA.standstill() != kpisB.standstill()) {
      differences.add("line stood still: " + Kpis.seconds(kpisA.standstill()) + " -> "
          + Kpis.seconds(kpisB.standstill()));
    }
    if (kpisA.rejected() != kpisB.rejected()) {
      differences.add("rejected during ramp-up: " + kpisA.rejected() + " -> "
          + kpisB.rejected());
    }
    if (kpisA.goodNew() != kpisB.goodNew()) {
      differences.add("good new parts: " + kpisA.goodNew() + " -> " + kpisB.goodNew());
    }
    if (kpisA.steps().size() != kpisB.steps().size()) {
      differences.add("steps: " + kpisA.steps().size() + " -> " + kpisB.steps().size());
    }
    if (kpisA.faults().size() != kpisB.faults().size()) {
      differences.add("faults: " + kpisA.faults().size() + " -> " + kpisB.faults().size());
    }
    return new Comparison(kpisA, kpisB, differences, divergence(a.changes(), b.changes()));
  }

  private static void compare(List<String> out, String what, OptionalLong a, OptionalLong b) {
    if (!a.equals(b)) {
      out.add(what + ": " + text(a) + " -> " + text(b));
    }
  }

  private static String text(OptionalLong t) {
    return t.isPresent() ? Kpis.seconds(t.getAsLong()) : "-";
  }

  static Optional<Divergence> divergence(List<SessionEvent.SignalChange> a,
      List<SessionEvent.SignalChange> b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      SessionEvent.SignalChange x = a.get(i);
      SessionEvent.SignalChange y = b.get(i);
      if (x.time() != y.time() || !x.signal().equals(y.signal())
          || !Objects.equals(x.value(), y.value())) {
        return Optional.of(new Divergence(i, Math.min(x.time(), y.time()), describe(x),
            describe(y)));
      }
    }
    if (a.size() != b.size()) {
      SessionEvent.SignalChange extra = a.size() > b.size() ? a.get(n) : b.get(n);
      return Optional.of(new Divergence(n, extra.time(),
          a.size() > n ? describe(a.get(n)) : "(no more changes)",
          b.size() > n ? describe(b.get(n)) : "(no more changes)"));
    }
    return Optional.empty();
  }

  private static String describe(SessionEvent.SignalChange c) {
    return Kpis.seconds(c.time()) + " " + c.signal() + " = " + c.value();
  }

  /** The comparison in words. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    if (same()) {
      return "the same: identical KPIs and signal trace\n";
    }
    for (String d : differences) {
      text.append("  differs: ").append(d).append('\n');
    }
    divergence.ifPresent(d -> text.append("  the traces part at change ").append(d.index())
        .append(": ").append(d.before()).append(" | ").append(d.after()).append('\n'));
    return text.toString();
  }
}
