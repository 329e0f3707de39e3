package io.twinline.harness.rehearsal;

import io.twinline.line.model.ComponentDefinition;
import io.twinline.line.model.ConveyorDefinition;
import io.twinline.line.model.LineDefinition;
import io.twinline.line.model.PartTemplate;
import io.twinline.line.model.RecipeDefinition;
import io.twinline.line.model.SinkDefinition;
import io.twinline.line.model.SourceDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * @param from the recipe before the changeover ("" for the line file's own setup)
 * @param to the recipe loaded
 * @param loadedAt when it was loaded, ns
 * @param lastOldPart when the last good part of the old product arrived, if any did
 * @param firstNewPart when the first good part of the new product arrived, if one did
 * @param standstill how long the line took in nothing (its infeeds, the conveyors a source
 *     feeds, stood still), ns, over the changeover (from the load, or the last old part if that
 *     came first, to the first new part, or the end)
 * @param rejected parts that went to the scrap sinks during the ramp-up
 * @param goodOld good parts of the old product over the whole session
 * @param goodNew good parts of the new product over the whole session
 * @param steps what was done during the changeover window, in order
 * @param faults every fault of the session
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
     * scrap.
     *
     * @throws IllegalArgumentException if not exactly one sink counts by type
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
        throw new IllegalArgumentException("line " + line.name() + " has " + typed.size()
            + " sinks that count by part type; name the good one (--good SINK)");
      }
      return new Sinks(typed.get(0), others);
    }
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
   * @throws IllegalArgumentException if the session loads no recipe
   */
  public static Kpis of(Recording recording, LineDefinition line, Sinks sinks) {
    List<SessionEvent> events = recording.events();
    List<SessionEvent.RecipeLoaded> loads = new ArrayList<>();
    for (SessionEvent e : events) {
      if (e instanceof SessionEvent.RecipeLoaded r) {
        loads.add(r);
      }
    }
    if (loads.isEmpty()) {
      throw new IllegalArgumentException("the session loads no recipe: there is no changeover");
    }
    SessionEvent.RecipeLoaded load = loads.get(loads.size() - 1);
    String from = loads.size() > 1 ? loads.get(loads.size() - 2).recipe() : "";
    Set<String> oldTypes = from.isEmpty() ? sourceTypes(line) : types(line, from);
    Set<String> newTypes = types(line, load.recipe());
    List<String> notes = new ArrayList<>();
    if (oldTypes.equals(newTypes)) {
      notes.add("both products have the same part types " + newTypes
          + ": parts counted before the load are old, after it new");
    }

    OptionalLong lastOld = OptionalLong.empty();
    OptionalLong firstNew = OptionalLong.empty();
    long goodOld = 0;
    long goodNew = 0;
    long rejected = 0;
    Map<String, Long> last = new HashMap<>();
    List<Long> newTimes = new ArrayList<>();
    String goodPrefix = sinks.good() + "/" + SinkDefinition.COUNT;
    boolean byType = !oldTypes.equals(newTypes);
    for (SessionEvent e : events) {
      if (!(e instanceof SessionEvent.SignalChange c) || !(c.value() instanceof Number n)) {
        continue;
      }
      long value = n.longValue();
      Long before = last.put(c.signal(), value);
      if (before == null || value <= before) {
        continue; // the first value, or a reset
      }
      long added = value - before;
      if (byType && c.signal().startsWith(goodPrefix + "_")) {
        String type = c.signal().substring(goodPrefix.length() + 1);
        if (oldTypes.contains(type)) {
          goodOld += added;
          lastOld = OptionalLong.of(c.time());
        } else if (newTypes.contains(type)) {
          goodNew += added;
          for (long k = 0; k < added; k++) {
            newTimes.add(c.time());
          }
        }
      } else if (!byType && c.signal().equals(goodPrefix)) {
        if (c.time() <= load.time()) {
          goodOld += added;
          lastOld = OptionalLong.of(c.time());
        } else {
          goodNew += added;
          for (long k = 0; k < added; k++) {
            newTimes.add(c.time());
          }
        }
      }
    }
    if (!newTimes.isEmpty()) {
      firstNew = OptionalLong.of(newTimes.get(0));
    }
    long rampEnd = newTimes.size() >= RAMP_UP_PARTS ? newTimes.get(RAMP_UP_PARTS - 1)
        : recording.end();
    if (newTimes.size() < RAMP_UP_PARTS) {
      notes.add("fewer than " + RAMP_UP_PARTS + " good parts of the new product: the ramp-up "
          + "is counted to the end of the session");
    }
    last.clear();
    for (SessionEvent e : events) {
      if (e instanceof SessionEvent.SignalChange c && c.value() instanceof Number n
          && sinks.scrap().stream().anyMatch(s -> c.signal().equals(s + "/"
              + SinkDefinition.COUNT))) {
        Long before = last.put(c.signal(), n.longValue());
        if (before != null && n.longValue() > before && c.time() >= load.time()
            && c.time() <= rampEnd) {
          rejected += n.longValue() - before;
        }
      }
    }

    // the changeover: from the load (or the last old part, if that came first) to the first
    // new part
    long windowStart = Math.min(load.time(), lastOld.orElse(load.time()));
    long windowEnd = firstNew.orElse(recording.end());
    long standstill = standstill(events, line, windowStart, windowEnd);

    List<Step> steps = new ArrayList<>();
    long previous = windowStart;
    for (SessionEvent e : events) {
      if (e.isAction() && e.time() >= windowStart && e.time() <= windowEnd) {
        steps.add(new Step(e.time(), describe(e), e.time() - previous));
        previous = e.time();
      }
    }
    List<Fault> faults = new ArrayList<>();
    for (SessionEvent e : events) {
      if (e instanceof SessionEvent.FaultInjected f) {
        OptionalLong cleared = OptionalLong.empty();
        for (SessionEvent later : events) {
          if (later instanceof SessionEvent.FaultCleared c && c.id().equals(f.fault().id())
              && c.time() >= f.time()) {
            cleared = OptionalLong.of(c.time());
            break;
          }
        }
        faults.add(new Fault(f.fault().id(), f.fault().describe(), f.time(), cleared));
      }
    }
    return new Kpis(from, load.recipe(), load.time(), lastOld, firstNew, standstill, rejected,
        goodOld, goodNew, steps, faults, notes);
  }

  /**
   * The time in [start, end] during which the line took in nothing: none of its infeeds (the
   * conveyors a source feeds) ran.
   */
  private static long standstill(List<SessionEvent> events, LineDefinition line, long start,
      long end) {
    Set<String> infeeds = new java.util.HashSet<>();
    for (ComponentDefinition c : line.components()) {
      if (c instanceof SourceDefinition source) {
        infeeds.add(source.to());
      }
    }
    Map<String, Boolean> running = new HashMap<>();
    for (ComponentDefinition c : line.components()) {
      if (c instanceof ConveyorDefinition conveyor && infeeds.contains(conveyor.name())) {
        conveyor.signals().stream()
            .filter(s -> s.path().signal().equals(ConveyorDefinition.MOTOR_ON)
                || s.path().signal().equals(ConveyorDefinition.SPEED_REF))
            .forEach(s -> running.put(s.path().toString(), false));
      }
    }
    if (running.isEmpty() || end <= start) {
      return 0;
    }
    long still = 0;
    long since = start;
    boolean moving = false;
    for (SessionEvent e : events) {
      if (!(e instanceof SessionEvent.SignalChange c) || !running.containsKey(c.signal())) {
        continue;
      }
      if (c.time() > start) {
        long from = Math.max(since, start);
        long to = Math.min(c.time(), end);
        if (!moving && to > from) {
          still += to - from;
        }
        since = c.time();
      }
      if (c.time() > end) {
        break;
      }
      boolean on = c.value() instanceof Boolean b ? b
          : c.value() instanceof Number n && n.doubleValue() > 0;
      running.put(c.signal(), on);
      moving = running.containsValue(true);
    }
    if (!moving && end > Math.max(since, start)) {
      still += end - Math.max(since, start);
    }
    return still;
  }

  private static String describe(SessionEvent e) {
    if (e instanceof SessionEvent.Operated o) {
      return o.action() + " " + o.device();
    }
    if (e instanceof SessionEvent.RecipeLoaded r) {
      return "load recipe " + r.recipe();
    }
    if (e instanceof SessionEvent.FaultInjected f) {
      return "fault " + f.fault().describe();
    }
    if (e instanceof SessionEvent.FaultCleared c) {
      return "clear fault " + c.id();
    }
    return e.toString();
  }

  /** The part types recipe {@code name} releases (empty if it does not set any). */
  private static Set<String> types(LineDefinition line, String name) {
    RecipeDefinition recipe = line.recipe(name).orElseThrow(() ->
        new IllegalArgumentException("line " + line.name() + " has no recipe '" + name + "'"));
    Set<String> types = new LinkedHashSet<>();
    for (RecipeDefinition.Setting s : recipe.settings()) {
      if (s.parameter().equals("parts")) {
        @SuppressWarnings("unchecked")
        List<PartTemplate> parts = (List<PartTemplate>) s.value();
        parts.forEach(p -> types.add(p.type()));
      }
    }
    return types.isEmpty() ? sourceTypes(line) : types;
  }

  /** The part types the line's sources release as the line file sets them up. */
  private static Set<String> sourceTypes(LineDefinition line) {
    Set<String> types = new LinkedHashSet<>();
    for (ComponentDefinition c : line.components()) {
      if (c instanceof SourceDefinition source) {
        source.parts().forEach(p -> types.add(p.type()));
      }
    }
    return types;
  }

  /** The figures as text, one per line, times in seconds. */
  public String describe() {
    StringBuilder text = new StringBuilder();
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
    return text.toString();
  }

  static String seconds(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.3f s", nanos / 1e9);
  }
}
