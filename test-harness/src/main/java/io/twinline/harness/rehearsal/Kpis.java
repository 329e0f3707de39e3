package io.twinline.harness.rehearsal;

import io.twinline.line.model.ComponentDefinition;
import io.twinline.line.model.LineDefinition;
import io.twinline.line.model.SinkDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The figures of a changeover, computed from a recorded session.
 *
 * <p>The changeover is the last recipe load of the session. Its duration runs from the last good
 * part of the old product to the first good part of the new one, both counted by the good sink
 * per part type ({@code countTypes}); parts are told apart by the part types the recipes (or,
 * before the first one, the line's sources) release. The ramp-up runs from the load to the
 * {@value #RAMP_UP_PARTS}th good part of the new product (or the end of the session).
 *
 * <p>A session that loads no recipe has no changeover ({@code to} is empty): its figures cover
 * the whole session, and {@code goodOld} counts every good part.
 *
 * @param from the recipe before the changeover ("" for the line file's own setup)
 * @param to the recipe loaded ("" if the session loads none)
 * @param loadedAt when it was loaded, ns
 * @param lastOldPart when the last good part of the old product arrived, if any did
 * @param firstNewPart when the first good part of the new product arrived, if one did
 * @param standstill how long the line took in nothing (its infeeds, the conveyors a source
 *     feeds, stood still), ns, over the changeover (from the load, or the last old part if that
 *     came first, to the first new part, or the end)
 * @param rejected parts that went to the scrap sinks during the ramp-up
 * @param goodOld good parts of the old product (from the recipe load before the changeover on)
 * @param goodNew good parts of the new product (from the changeover's load on)
 * @param steps what people did during the changeover window, in order
 * @param faults every fault of the session, from when it started to when it ended
 * @param notes how the figures were made where the session did not allow the exact way
 */
public record Kpis(
    String from,
    String to,
    long loadedAt,
    OptionalLong lastOldPart,
    OptionalLong firstNewPart,
    long standstill,
    long rejected,
    long goodOld,
    long goodNew,
    List<Step> steps,
    List<Fault> faults,
    List<String> notes) {

  /** Good parts of the new product that end the ramp-up. */
  public static final int RAMP_UP_PARTS = 10;

  /** One thing done during the changeover, and how long since the one before (or the start). */
  public record Step(long time, String what, long took) {}

  /** A fault, when it came and when it was cleared (if it was). */
  public record Fault(String id, String what, long at, OptionalLong clearedAt) {}

  /** Where the parts go: the good sink and the scrap sinks. */
  public record Sinks(String good, List<String> scrap) {

    /**
     * The good sink is the one that counts by part type ({@code countTypes}); the others are
     * scrap. A line with no such sink, or several, has no good sink ({@code good} is empty): its
     * sessions have no part figures, and say so in a note.
     */
    public static Sinks of(LineDefinition line) {
      List<String> typed = new ArrayList<>();
      List<String> others = new ArrayList<>();
      for (ComponentDefinition c : line.components()) {
        if (c instanceof SinkDefinition sink) {
          (sink.countTypes().isEmpty() ? others : typed).add(sink.name());
        }
      }
      if (typed.size() != 1) {
        others.addAll(typed);
        return new Sinks("", others);
      }
      return new Sinks(typed.get(0), others);
    }

    boolean hasGood() {
      return !good.isEmpty();
    }
  }

  /** Whether the session changed over at all (loaded a recipe). */
  public boolean hasChangeover() {
    return !to.isEmpty();
  }

  /** The changeover's duration, if both ends happened. */
  public OptionalLong changeover() {
    return lastOldPart.isPresent() && firstNewPart.isPresent()
        ? OptionalLong.of(firstNewPart.getAsLong() - lastOldPart.getAsLong())
        : OptionalLong.empty();
  }

  /**
   * The KPIs of {@code recording} on {@code line}.
   *
   * <p>The changeover is the session's last recipe load. The old product is the one loaded
   * before it (or the line file's, if none was), counted from that earlier load on; the new
   * product's parts count from the load on, so a session that goes back to an earlier product
   * does not count that product's first run as new. The last old part is the last one before the
   * first new one. A session that loads no recipe has no changeover: its figures (stood still,
   * rejected, good parts, steps, faults) cover the whole session.
   */
  public static Kpis of(Recording recording, LineDefinition line, Sinks sinks) {
    List<SessionEvent> events = recording.events();
    List<SessionEvent.RecipeLoaded> loads = new ArrayList<>();
    for (SessionEvent e : events) {
      // loading the recipe that is loaded already changes nothing: a run of the same load
      // is one load, the first of it
      if (e instanceof SessionEvent.RecipeLoaded r && (loads.isEmpty()
          || !loads.get(loads.size() - 1).recipe().equals(r.recipe()))) {
        loads.add(r);
      }
    }
    List<String> notes = new ArrayList<>();
    if (!sinks.hasGood()) {
      notes.add("line " + line.name() + " has no single sink that counts by part type"
          + " (countTypes): good parts are not counted");
    }
    List<Fault> faults = SessionFigures.faults(events, line, recording.end());
    if (loads.isEmpty()) {
      notes.add(0, "the session loads no recipe: no changeover; the figures cover the whole"
          + " session");
      long good = 0;
      Map<String, Long> last = new HashMap<>();
      for (SessionEvent e : events) {
        if (e instanceof SessionEvent.SignalChange c && sinks.hasGood()
            && c.signal().equals(sinks.good() + "/" + SinkDefinition.COUNT)) {
          good += SessionFigures.increase(last, c);
        }
      }
      long end = recording.end();
      return new Kpis("", "", 0, OptionalLong.empty(), OptionalLong.empty(),
          SessionFigures.standstill(events, line, 0, end),
          SessionFigures.rejected(events, sinks, 0, end), good, 0,
          SessionFigures.steps(events, 0, end), faults, notes);
    }
    SessionEvent.RecipeLoaded load = loads.get(loads.size() - 1);
    SessionEvent.RecipeLoaded previousLoad = loads.size() > 1 ? loads.get(loads.size() - 2) : null;
    String from = previousLoad == null ? "" : previousLoad.recipe();
    long oldSince = previousLoad == null ? Long.MIN_VALUE : previousLoad.time();
    Set<String> oldTypes =
        from.isEmpty() ? SessionFigures.sourceTypes(line) : SessionFigures.types(line, from);
    Set<String> newTypes = SessionFigures.types(line, load.recipe());
    boolean byType = !oldTypes.equals(newTypes);
    if (!byType) {
      notes.add("both products have the same part types " + newTypes
          + ": parts counted before the load are old, after it new");
    }

    List<Long> oldTimes = new ArrayList<>();
    List<Long> newTimes = new ArrayList<>();
    Map<String, Long> last = new HashMap<>();
    String goodPrefix = sinks.good() + "/" + SinkDefinition.COUNT;
    for (SessionEvent e : events) {
      if (!(e instanceof SessionEvent.SignalChange c) || !sinks.hasGood()
          || !c.signal().startsWith(goodPrefix)) {
        continue;
      }
      long added = SessionFigures.increase(last, c);
      if (added == 0 || c.time() < oldSince) {
        continue; // an earlier product's parts
      }
      boolean isNew;
      if (byType && c.signal().startsWith(goodPrefix + "_")) {
        String type = c.signal().substring(goodPrefix.length() + 1);
        if (newTypes.contains(type) && c.time() >= load.time()) {
          isNew = true;
        } else if (oldTypes.contains(type)) {
          isNew = false;
        } else {
          continue;
        }
      } else if (!byType && c.signal().equals(goodPrefix)) {
        isNew = c.time() > load.time();
      } else {
        continue;
      }
      for (long k = 0; k < added; k++) {
        (isNew ? newTimes : oldTimes).add(c.time());
      }
    }
    OptionalLong firstNew = newTimes.isEmpty() ? OptionalLong.empty()
        : OptionalLong.of(newTimes.get(0));
    OptionalLong lastOld = OptionalLong.empty();
    for (long t : oldTimes) {
      if (firstNew.isEmpty() || t <= firstNew.getAsLong()) {
        lastOld = OptionalLong.of(t);
      }
    }
    long rampEnd = newTimes.size() >= RAMP_UP_PARTS ? newTimes.get(RAMP_UP_PARTS - 1)
        : recording.end();
    if (sinks.hasGood() && newTimes.size() < RAMP_UP_PARTS) {
      notes.add("fewer than " + RAMP_UP_PARTS + " good parts of the new product: the ramp-up "
          + "is counted to the end of the session");
    }

    // the changeover: from the load (or the last old part, if that came first) to the first
    // new part
    long windowStart = Math.min(load.time(), lastOld.orElse(load.time()));
    long windowEnd = firstNew.orElse(recording.end());
    return new Kpis(from, load.recipe(), load.time(), lastOld, firstNew,
        SessionFigures.standstill(events, line, windowStart, windowEnd),
        SessionFigures.rejected(events, sinks, load.time(), rampEnd), oldTimes.size(),
        newTimes.size(),
        SessionFigures.steps(events, windowStart, windowEnd), faults, notes);
  }

  /** The figures as text, one per line, times in seconds. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    if (!hasChangeover()) {
      text.append("no changeover (the session loads no recipe)\n");
      text.append("  line stood still: ").append(seconds(standstill)).append('\n');
      text.append("  rejected: ").append(rejected).append('\n');
      text.append("  good parts: ").append(goodOld).append('\n');
      appendStepsAndFaults(text);
      return text.toString();
    }
    text.append("changeover ").append(from.isEmpty() ? "(line setup)" : from).append(" -> ")
        .append(to).append(", recipe loaded at ").append(seconds(loadedAt)).append('\n');
    text.append("  duration (last good old part to first good new part): ")
        .append(changeover().isPresent() ? seconds(changeover().getAsLong()) : "-")
        .append(lastOldPart.isPresent() ? " (" + seconds(lastOldPart.getAsLong()) + " to "
            + (firstNewPart.isPresent() ? seconds(firstNewPart.getAsLong()) : "-") + ")" : "")
        .append('\n');
    text.append("  from the load to the first good new part: ")
        .append(firstNewPart.isPresent() ? seconds(firstNewPart.getAsLong() - loadedAt) : "-")
        .append('\n');
    text.append("  line stood still: ").append(seconds(standstill)).append('\n');
    text.append("  rejected during ramp-up: ").append(rejected).append('\n');
    text.append("  good parts: ").append(goodOld).append(" old, ").append(goodNew)
        .append(" new\n");
    appendStepsAndFaults(text);
    return text.toString();
  }

  private void appendStepsAndFaults(StringBuilder text) {
    text.append("  steps: ").append(steps.size()).append('\n');
    for (Step s : steps) {
      text.append("    ").append(seconds(s.time())).append("  ").append(s.what())
          .append("  (+").append(seconds(s.took())).append(")\n");
    }
    text.append("  faults: ").append(faults.size()).append('\n');
    for (Fault f : faults) {
      text.append("    ").append(seconds(f.at())).append("  ").append(f.what())
          .append(f.clearedAt().isPresent() ? ", cleared at " + seconds(f.clearedAt().getAsLong())
              : ", not cleared").append('\n');
    }
    for (String note : notes) {
      text.append("  note: ").append(note).append('\n');
    }
  }

  static String seconds(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.3f s", nanos / 1e9);
  }
}
